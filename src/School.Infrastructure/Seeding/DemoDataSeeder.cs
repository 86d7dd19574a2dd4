using School.Application.Common.Abstractions;
using School.Domain.Accounts;
using School.Domain.Mentoring;
using School.Domain.Schools;
using School.Domain.Staff;
using School.Domain.Students;
using School.Infrastructure.Persistence;
using SchoolEntity = School.Domain.Schools.School;

namespace School.Infrastructure.Seeding;

/// <summary>
/// Seeds two demo schools in one partnership: Bridgemary Community College (1,000 students in Years 7–11 with guardians,
/// 60 staff) and Cramlington Learning Village (300 students, 20 staff). Deterministic: a fixed random seed and fixed ids.
/// </summary>
public sealed partial class DemoDataSeeder(SchoolDbContext db, IPasswordHasher hasher, IFileStore files)
{
    /// <summary>The academic year the demo data is set in (September 2026 – July 2027).</summary>
    public const int AcademicYearStart = 2026;

    private readonly Random _random = new(20260901);
    private readonly Dictionary<Guid, List<Student>> _students = [];
    private readonly Dictionary<Guid, List<StaffMember>> _staff = [];
    private string? _passwordHash;

    public async Task SeedAsync(CancellationToken ct = default)
    {
        _passwordHash = hasher.Hash(DemoData.Password);

        var partnership = Partnership.Create(DemoData.PartnershipId, "Next Practice Learning Partnership", PartnershipKind.Collaborative);
        db.Partnerships.Add(partnership);

        SeedBridgemary(partnership);
        SeedCramlington(partnership);
        SeedTimetables();
        SeedLearningPlans();
        SeedMentoring();
        SeedSecure();
        await SeedPortfoliosAsync(ct);
        SeedChallenges();
        SeedPeerTutoring();
        SeedInnovation();

        await db.SaveChangesAsync(ct);
    }

    private void SeedBridgemary(Partnership partnership)
    {
        var school = AddSchool(DemoData.BridgemaryId, "Bridgemary Community College", partnership);
        var id = school.Id;

        AddStaff(DemoData.BridgemaryAdminId, id, "Mrs", "Helen", "Carter", StaffRoles.SchoolAdmin, "admin@bridgemary.demo");
        var tutor = AddStaff(DemoData.BridgemaryTutorId, id, "Mr", "David", "Okafor", StaffRoles.PersonalTutor, "tutor@bridgemary.demo");
        var mentor = AddStaff(DemoData.BridgemaryMentorId, id, "Ms", "Priya", "Shah", StaffRoles.Mentor, "mentor@bridgemary.demo");
        AddStaff(DemoData.BridgemaryTeacherId, id, "Mr", "Tom", "Bennett", StaffRoles.Teacher, "teacher@bridgemary.demo");
        AddStaff(DemoData.BridgemaryPastoralId, id, "Mrs", "Sarah", "Whitfield", StaffRoles.PastoralLead, "pastoral@bridgemary.demo");
        var (tutors, mentors) = AddGeneratedStaff("bridgemary", id, 55, tutor, mentor);

        var demo = Student.Create(DemoData.BridgemaryStudentId, id, "BMC10001", "Alex", "Morgan", new DateOnly(2011, 11, 14), 10);
        demo.AssignPersonalTutor(tutor);
        AssignDemoMentor(demo, mentor.Id);
        AddStudent(demo);
        AddAccount("student@bridgemary.demo", PersonKind.Student, demo.Id, id);

        var parent = Guardian.Create(DemoData.BridgemaryParentId, id, "Jo", "Morgan", "parent@bridgemary.demo", "07700 900123");
        db.Guardians.Add(parent);
        demo.LinkGuardian(parent, GuardianRelationship.Mother, hasParentalResponsibility: true);
        AddAccount("parent@bridgemary.demo", PersonKind.Guardian, parent.Id, id);

        // A second guardian whose access a court order has stopped: staff see the link, the guardian sees nothing.
        var stopped = Guardian.Create(DemoData.BridgemaryStoppedGuardianId, id, "Chris", "Morgan");
        db.Guardians.Add(stopped);
        demo.LinkGuardian(stopped, GuardianRelationship.Father, hasParentalResponsibility: true);
        demo.ChangeGuardianLink(stopped.Id, GuardianRelationship.Father, true, accessAllowed: false, "Court order (prohibited steps), March 2026.");

        // Trained Year 11 pupils and a school leaver mentor some of the Year 7s.
        AddVolunteerMentors(id);
        AddGeneratedStudents("bridgemary", "BMC", id, perYear: 200, skipPupilNumber: "BMC10001", tutors, mentors);
    }

    private void SeedCramlington(Partnership partnership)
    {
        var school = AddSchool(DemoData.CramlingtonId, "Cramlington Learning Village", partnership);
        var id = school.Id;

        AddStaff(DemoData.CramlingtonAdminId, id, "Mr", "Graham", "Robson", StaffRoles.SchoolAdmin | StaffRoles.Teacher, "admin@cramlington.demo");
        var (tutors, mentors) = AddGeneratedStaff("cramlington", id, 19, null, null);

        var demo = Student.Create(DemoData.CramlingtonStudentId, id, "CLV09001", "Jordan", "Armstrong", new DateOnly(2012, 5, 3), 9);
        demo.AssignPersonalTutor(tutors[0]);
        AssignDemoMentor(demo, mentors[1].Id);
        AddStudent(demo);
        AddAccount("student@cramlington.demo", PersonKind.Student, demo.Id, id);

        var parent = Guardian.Create(DemoData.CramlingtonParentId, id, "Sam", "Armstrong", "parent@cramlington.demo");
        db.Guardians.Add(parent);
        demo.LinkGuardian(parent, GuardianRelationship.Father, hasParentalResponsibility: true);
        AddAccount("parent@cramlington.demo", PersonKind.Guardian, parent.Id, id);

        AddGeneratedStudents("cramlington", "CLV", id, perYear: 60, skipPupilNumber: "CLV09001", tutors, mentors);
    }

    private SchoolEntity AddSchool(Guid id, string name, Partnership partnership)
    {
        var school = SchoolEntity.Create(id, name);
        school.JoinPartnership(partnership);
        db.Schools.Add(school);
        return school;
    }

    private StaffMember AddStaff(Guid id, Guid schoolId, string title, string given, string family, StaffRoles roles, string? email = null)
    {
        var member = StaffMember.Create(id, schoolId, given, family, roles, title);
        db.StaffMembers.Add(member);
        Track(_staff, schoolId, member);
        if (member.HasRole(StaffRoles.Mentor))
        {
            RegisterDemoMentor(member.Id, schoolId, MentorKind.Staff, Mentor.DefaultStaffAllowanceMinutes, null, null);
        }
        if (email is not null)
        {
            AddAccount(email, PersonKind.Staff, id, schoolId);
        }

        return member;
    }

    /// <summary>Teachers who are also tutors and mentors, a few teaching assistants; returns the tutors and the mentors.</summary>
    private (List<StaffMember> Tutors, List<StaffMember> Mentors) AddGeneratedStaff(
        string key, Guid schoolId, int count, StaffMember? namedTutor, StaffMember? namedMentor)
    {
        var tutors = new List<StaffMember>();
        var mentors = new List<StaffMember>();
        for (var i = 0; i < count; i++)
        {
            var roles = (i % 9) switch
            {
                0 => StaffRoles.TeachingAssistant | StaffRoles.Mentor,
                1 => StaffRoles.Teacher,
                _ => StaffRoles.Teacher | StaffRoles.PersonalTutor | StaffRoles.Mentor,
            };
            var member = AddStaff(DemoData.IdFor($"{key}:staff:{i}"), schoolId, Pick(DemoNames.StaffTitles), Pick(DemoNames.Given), Pick(DemoNames.Family), roles);
            if (member.HasRole(StaffRoles.PersonalTutor))
            {
                tutors.Add(member);
            }

            if (member.HasRole(StaffRoles.Mentor))
            {
                mentors.Add(member);
            }
        }

        // The named demo tutor and mentor come first, so they get a full tutor group and set of mentees.
        if (namedTutor is not null)
        {
            tutors.Insert(0, namedTutor);
        }

        if (namedMentor is not null)
        {
            mentors.Insert(0, namedMentor);
        }

        return (tutors, mentors);
    }

    private void AddGeneratedStudents(
        string key, string prefix, Guid schoolId, int perYear, string skipPupilNumber, List<StaffMember> tutors, List<StaffMember> mentors)
    {
        var n = 0;
        for (var year = 7; year <= 11; year++)
        {
            for (var i = 1; i <= perYear; i++)
            {
                var pupilNumber = $"{prefix}{year:00}{i:000}";
                if (pupilNumber == skipPupilNumber)
                {
                    continue;
                }

                var family = Pick(DemoNames.Family);
                var student = Student.Create(
                    DemoData.IdFor($"{key}:student:{pupilNumber}"), schoolId, pupilNumber, Pick(DemoNames.Given), family,
                    BirthDateFor(year), year);
                // Tutor groups are vertical (mixed years); a mentor is never the student's own tutor.
                student.AssignPersonalTutor(tutors[n % tutors.Count]);
                var mentor = mentors[(n / 3) % mentors.Count];
                AssignGeneratedMentor(student, (mentor.Id == student.PersonalTutorId ? mentors[((n / 3) + 1) % mentors.Count] : mentor).Id);
                AddStudent(student);

                AddGuardians(key, student, family);
                n++;
            }
        }
    }

    private void AddGuardians(string key, Student student, string family)
    {
        var count = _random.Next(10) < 7 ? 2 : 1;
        for (var g = 0; g < count; g++)
        {
            var guardian = Guardian.Create(
                DemoData.IdFor($"{key}:guardian:{student.PupilNumber}:{g}"), student.SchoolId, Pick(DemoNames.Given), family,
                phone: $"07700 9{_random.Next(10000, 99999)}");
            db.Guardians.Add(guardian);
            var relationship = count == 1 && _random.Next(8) == 0
                ? GuardianRelationship.Carer
                : g == 0 ? GuardianRelationship.Mother : GuardianRelationship.Father;
            student.LinkGuardian(guardian, relationship, hasParentalResponsibility: relationship != GuardianRelationship.Carer);
        }
    }

    /// <summary>A birthday in the English school year that puts the child in <paramref name="yearGroup"/>.</summary>
    private DateOnly BirthDateFor(int yearGroup) =>
        new DateOnly(AcademicYearStart - (yearGroup + 5), 9, 1).AddDays(_random.Next(365));

    private void AddAccount(string email, PersonKind kind, Guid personId, Guid schoolId)
    {
        var account = UserAccount.ForSchoolPerson(DemoData.IdFor($"account:{email}"), email, kind, personId, schoolId);
        account.SetPasswordHash(_passwordHash!);
        db.UserAccounts.Add(account);
    }

    private void AddStudent(Student student)
    {
        db.Students.Add(student);
        Track(_students, student.SchoolId, student);
    }

    private static void Track<T>(Dictionary<Guid, List<T>> bySchool, Guid schoolId, T item)
    {
        if (!bySchool.TryGetValue(schoolId, out var list))
        {
            list = [];
            bySchool[schoolId] = list;
        }

        list.Add(item);
    }

    private string Pick(string[] values) => values[_random.Next(values.Length)];
}

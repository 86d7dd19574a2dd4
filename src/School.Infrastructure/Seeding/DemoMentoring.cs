using School.Domain.Accounts;
using School.Domain.Mentoring;
using School.Domain.Notifications;
using School.Domain.Staff;
using School.Domain.Students;
using School.Domain.Timetabling;

namespace School.Infrastructure.Seeding;

/// <summary>
/// Demo mentoring. Every staff mentor is registered with a day a week and every student has a mentor and its history.
/// At Bridgemary ten trained Year 11 pupils each mentor two or three Year 7s, and a trained school leaver mentors four
/// more. Some students have ranked mentors. The demo mentor's mentees have their Autumn 1 check-ins as they stand on
/// Monday 7 September 2026, after that morning's sweep: a third already held, one new starter's welcome check-in
/// overdue and escalated to the pastoral lead, the demo student's first one due soon (its reminder sent). The other
/// pairs get their check-ins from the first sweep.
/// </summary>
public sealed partial class DemoDataSeeder
{
    /// <summary>When the pupil mentors and the school leaver finished their mentor training.</summary>
    public static readonly DateOnly MentorTrainingDate = new(2026, 7, 10);

    /// <summary>A pupil mentor's weekly allowance: three mentees at the default 15 minutes each.</summary>
    public const int PupilMentorAllowanceMinutes = 45;

    /// <summary>The school leaver's weekly allowance: six mentees at the default 15 minutes each.</summary>
    public const int SchoolLeaverAllowanceMinutes = 90;

    /// <summary>The Year 11 pupils (by pupil number) trained as mentors, each with their Year 7 mentees.</summary>
    private static readonly (string Mentor, string[] Mentees)[] PupilMentors =
    [
        ("BMC11021", ["BMC07002", "BMC07003", "BMC07004"]),
        ("BMC11022", ["BMC07005", "BMC07006", "BMC07007"]),
        ("BMC11023", ["BMC07008", "BMC07009", "BMC07010"]),
        ("BMC11024", ["BMC07011", "BMC07012", "BMC07013"]),
        ("BMC11025", ["BMC07014", "BMC07015", "BMC07016"]),
        ("BMC11026", ["BMC07017", "BMC07018"]),
        ("BMC11027", ["BMC07019", "BMC07020"]),
        ("BMC11028", ["BMC07021", "BMC07022"]),
        ("BMC11029", ["BMC07023", "BMC07024"]),
        ("BMC11030", ["BMC07025", "BMC07026"]),
    ];

    /// <summary>The school leaver's mentees: Year 7s who were the demo mentor's (three) and a generated mentor's (one).</summary>
    private static readonly string[] SchoolLeaverMentees = ["BMC07151", "BMC07152", "BMC07153", "BMC07154"];

    /// <summary>The demo mentor's Year 7 new starter, whose welcome check-in was missed.</summary>
    private const string NewStarterPupilNumber = "BMC07001";

    /// <summary>When the sweep of Monday 7 September 2026 ran (the seeded reminder, overdue mark and escalation).</summary>
    private static readonly DateTimeOffset SweptAt = new(2026, 9, 7, 6, 0, 0, TimeSpan.Zero);

    private static readonly string[] Summaries =
    [
        "We looked at your learning plan targets for this half term and agreed to start with reading for twenty minutes a day.",
        "You settled in well this week. We agreed you will ask your maths teacher about joining the Tuesday intensive.",
        "We talked about your new timetable and how to use the flexible Friday for your science project.",
    ];

    private static readonly string[] PrivateNotes =
    [
        "Quiet at first but opened up about homework at home. Check in with the tutor about a homework club place.",
        "Confident; keen on the enterprise week. No concerns.",
        "Mentioned falling out with a friend over the summer. Keep an eye on it; no action yet.",
    ];

    private readonly Dictionary<Guid, Mentor> _mentors = [];

    /// <summary>Mentors chosen for particular students by pupil number, in place of the round robin over staff mentors.</summary>
    private readonly Dictionary<string, (Guid MentorId, int? MentorYearGroup, string Reason)> _mentorFor = new(StringComparer.Ordinal);

    private Mentor RegisterDemoMentor(Guid personId, Guid schoolId, MentorKind kind, int allowance, Guid? supervisorId, DateOnly? trainedOn)
    {
        var mentor = Mentor.Register(personId, schoolId, kind, allowance, supervisorId, trainedOn).Value;
        db.Mentors.Add(mentor);
        _mentors[personId] = mentor;
        return mentor;
    }

    private void AssignDemoMentor(Student student, Guid mentorId, int? mentorYearGroup = null, string reason = "Seeded with the demo data.")
    {
        var mentor = _mentors[mentorId];
        var assigned = student.AssignMentor(mentor, mentorYearGroup);
        if (!assigned.IsSuccess)
        {
            throw new InvalidOperationException($"Demo data: {student.PupilNumber} cannot have mentor {mentorId}: {assigned.Error}.");
        }

        db.MentorAssignments.Add(MentorAssignment.Start(
            DemoData.IdFor($"mentor-assignment:{student.Id}"), student.SchoolId, student.Id, mentor.Id, AssignmentSource.Matching, SeededAt,
            assignedBy: null, reason: reason, rank: 1));
    }

    /// <summary>The generated student's mentor: the one chosen for them, or <paramref name="roundRobin"/>.</summary>
    private void AssignGeneratedMentor(Student student, Guid roundRobin)
    {
        if (_mentorFor.TryGetValue(student.PupilNumber, out var chosen))
        {
            AssignDemoMentor(student, chosen.MentorId, chosen.MentorYearGroup, chosen.Reason);
        }
        else
        {
            AssignDemoMentor(student, roundRobin);
        }
    }

    /// <summary>
    /// Bridgemary's pupil mentors (Year 11s, supervised by the demo mentor) and its school leaver (a member of staff with only
    /// the Mentor role, supervised by the pastoral lead), and which Year 7s they mentor. Called before the students are
    /// generated (a pupil mentor's id is the id their student record will have), so each mentee gets one assignment.
    /// </summary>
    private void AddVolunteerMentors(Guid schoolId)
    {
        foreach (var (pupilNumber, mentees) in PupilMentors)
        {
            var mentor = RegisterDemoMentor(
                DemoData.IdFor($"bridgemary:student:{pupilNumber}"), schoolId, MentorKind.Student, PupilMentorAllowanceMinutes,
                DemoData.BridgemaryMentorId, MentorTrainingDate);
            foreach (var mentee in mentees)
            {
                _mentorFor[mentee] = (mentor.Id, 11, "Seeded: a trained Year 11 pupil mentor for a new Year 7.");
            }
        }

        var leaver = StaffMember.Create(DemoData.BridgemarySchoolLeaverId, schoolId, "Jamie", "Lawson", StaffRoles.Mentor, "Mx");
        db.StaffMembers.Add(leaver);
        Track(_staff, schoolId, leaver);
        RegisterDemoMentor(leaver.Id, schoolId, MentorKind.SchoolLeaver, SchoolLeaverAllowanceMinutes, DemoData.BridgemaryPastoralId, MentorTrainingDate);
        AddAccount(DemoData.SchoolLeaverEmail, PersonKind.Staff, leaver.Id, schoolId);
        foreach (var mentee in SchoolLeaverMentees)
        {
            _mentorFor[mentee] = (leaver.Id, null, "Seeded: a trained school leaver mentoring new Year 7s.");
        }
    }

    /// <summary>Ranked mentors for some Bridgemary students, the demo mentor's check-ins as of 7 September, and her notifications.</summary>
    private void SeedMentoring()
    {
        var students = _students[DemoData.BridgemaryId];
        SeedPreferences(students);
        SeedDemoMentorCheckIns(students);
    }

    private void SeedPreferences(List<Student> students)
    {
        var rankedAt = new DateTimeOffset(2026, 7, 14, 10, 0, 0, TimeSpan.Zero);
        var byNumber = students.ToDictionary(s => s.PupilNumber, StringComparer.Ordinal);
        var staffMentors = _mentors.Values
            .Where(m => m.SchoolId == DemoData.BridgemaryId && m.Kind == MentorKind.Staff && m.Id != DemoData.BridgemaryMentorId)
            .Select(m => m.Id)
            .Order()
            .ToList();

        // The demo student chose the demo mentor first, and wants a parent there.
        var alex = byNumber["BMC10001"];
        AddPreference(alex, [DemoData.BridgemaryMentorId, staffMentors[0], staffMentors[1]], rankedAt).SetGuardianMayAttend(true);

        // Year 7s who asked for a pupil mentor first (and their staff mentor, or another adult, second); one wants a parent there.
        for (var i = 0; i < 5; i++)
        {
            var (pupilNumber, mentees) = PupilMentors[i];
            var pupilMentor = DemoData.IdFor($"bridgemary:student:{pupilNumber}");
            var student = byNumber[mentees[0]];
            var second = student.MentorId is { } current && current != pupilMentor ? current : staffMentors[2 + i];
            var preference = AddPreference(student, [pupilMentor, second], rankedAt.AddHours(i + 1));
            preference.SetGuardianMayAttend(i == 0);
        }

        // Older pupils who ranked their mentor first among three.
        foreach (var (number, k) in new[] { ("BMC09004", 0), ("BMC09010", 1), ("BMC10020", 2), ("BMC11050", 3) })
        {
            var student = byNumber[number];
            var others = staffMentors.Where(m => m != student.MentorId).Skip(5 + (3 * k)).Take(2);
            AddPreference(student, [student.MentorId!.Value, .. others], rankedAt.AddDays(1).AddHours(k));
        }

        // Pupils happy with any mentor.
        foreach (var number in new[] { "BMC08002", "BMC08007", "BMC08013", "BMC09021", "BMC10033", "BMC11012" })
        {
            AddPreference(byNumber[number], [], rankedAt.AddDays(2));
        }
    }

    private MentoringPreference AddPreference(Student student, IReadOnlyList<Guid> mentorIds, DateTimeOffset at)
    {
        var preference = MentoringPreference.For(student.Id, student.SchoolId);
        var ranked = preference.Rank(mentorIds, noPreference: mentorIds.Count == 0, at);
        if (!ranked.IsSuccess)
        {
            throw new InvalidOperationException($"Demo data: bad mentor preference for {student.PupilNumber}: {ranked.Error}.");
        }

        db.MentoringPreferences.Add(preference);
        return preference;
    }

    /// <summary>
    /// The demo mentor's Autumn 1 check-ins as the sweep would have left them on the morning of Monday 7 September: each
    /// mentee has check-ins 1 and 2 (planned on the first day of term), about a third of the first ones held on the 3rd or
    /// the 4th, the new starter's welcome check-in (due the 4th) overdue and escalated, the demo student's first check-in
    /// due on Thursday 10th and its reminder sent. Running the sweep on the 7th changes none of it.
    /// </summary>
    private void SeedDemoMentorCheckIns(List<Student> students)
    {
        var school = DemoData.BridgemaryId;
        var mentorId = DemoData.BridgemaryMentorId;
        var mentorEmail = "mentor@bridgemary.demo";
        var year = AcademicYear.Create(DemoData.BridgemaryYearId, school, "2026/27", 2, HalfTerms2026, Closures2026);
        var halfTerm = HalfTerms2026[0];
        var schedule = new CheckInSchedule(year, halfTerm);
        var firstDay = halfTerm.Start;
        var policy = CheckInPolicy.Default(school);
        var perHalfTerm = policy.MinCheckInsPerHalfTerm;

        var mentees = students.Where(s => s.MentorId == mentorId).OrderBy(s => s.PupilNumber, StringComparer.Ordinal).ToList();
        var completed = 0;
        for (var i = 0; i < mentees.Count; i++)
        {
            var student = mentees[i];
            var name = $"{student.PreferredName ?? student.GivenName} {student.FamilyName}";
            var isDemo = student.Id == DemoData.BridgemaryStudentId;
            var isNewStarter = student.PupilNumber == NewStarterPupilNumber;

            // A new starter's welcome check-in is due on the second day; the demo student asked to meet in the first full week.
            var firstDue = isNewStarter ? new DateOnly(2026, 9, 4)
                : isDemo ? new DateOnly(2026, 9, 10)
                : schedule.DueOn(1, perHalfTerm, firstDay);
            var first = PlanCheckIn(student, mentorId, halfTerm, 1, firstDue);
            PlanCheckIn(student, mentorId, halfTerm, 2, schedule.DueOn(2, perHalfTerm, firstDay));

            if (isNewStarter)
            {
                first.MarkOverdue(DateOnly.FromDateTime(SweptAt.UtcDateTime));
                AddSeededNotification(
                    mentorId, NotificationKind.CheckInOverdue, $"check-in-overdue:{first.Id}", $"Check-in with {name} is overdue",
                    $"Check-in {first.Sequence} with {name} was due by {first.DueOn:dddd d MMMM}. Please see them as soon as you can.",
                    SweptAt, mentorEmail, student.Id);
                db.MentoringEscalations.Add(MentoringEscalation.Raise(
                    DemoData.IdFor($"bridgemary:escalation:{student.PupilNumber}:{halfTerm.Start:yyyy-MM-dd}"), school, student.Id, mentorId,
                    halfTerm.Start, SweptAt));
                AddSeededNotification(
                    DemoData.BridgemaryPastoralId, NotificationKind.MentoringEscalation,
                    $"escalation:{student.Id}:{halfTerm.Start:yyyy-MM-dd}:{DemoData.BridgemaryPastoralId}",
                    $"{name} has not been seen by their mentor",
                    $"{name} has an overdue mentor check-in and will miss the school's check-in policy for the half term from {halfTerm.Start:d MMMM}.",
                    SweptAt, "pastoral@bridgemary.demo", student.Id);
            }
            else if (isDemo)
            {
                first.MarkReminded(SweptAt);
                AddSeededNotification(
                    mentorId, NotificationKind.CheckInReminder, $"check-in-reminder:{first.Id}:{mentorId}",
                    $"Check-in with {name} due by {first.DueOn:d MMMM}",
                    $"Check-in {first.Sequence} with {name} is due by {first.DueOn:dddd d MMMM}.",
                    SweptAt, mentorEmail, student.Id);
            }
            else if (i % 3 == 0)
            {
                // Held at lunchtime on the first or second day of term, recorded after school.
                var heldAt = new DateTimeOffset(completed % 2 == 0 ? new DateTime(2026, 9, 3, 11, 40, 0) : new DateTime(2026, 9, 4, 11, 40, 0), TimeSpan.Zero);
                var done = first.Complete(
                    mentorId, heldAt, 20,
                    privateNotes: PrivateNotes[completed % PrivateNotes.Length],
                    studentSummary: Summaries[completed % Summaries.Length],
                    guardianAttended: false, guardianWanted: false, policy, heldAt.AddHours(4));
                if (!done.IsSuccess)
                {
                    throw new InvalidOperationException($"Demo data: cannot record {student.PupilNumber}'s check-in: {done.Error}.");
                }

                completed++;
            }
        }

        // Told of two new mentees when the year was set up: one read, one not.
        var told = mentees.Where(s => s.Id != DemoData.BridgemaryStudentId && s.PupilNumber != NewStarterPupilNumber).Take(2).ToList();
        for (var k = 0; k < told.Count; k++)
        {
            var student = told[k];
            var assignmentId = DemoData.IdFor($"mentor-assignment:{student.Id}");
            var notification = AddSeededNotification(
                mentorId, NotificationKind.MentorAssigned, $"mentor-assigned:{assignmentId}", "A new mentee",
                $"You are now the mentor of {student.PreferredName ?? student.GivenName} {student.FamilyName} (Year {student.YearGroup}).",
                SeededAt.AddMinutes(k), mentorEmail, student.Id);
            if (k == 0)
            {
                notification.MarkRead(SeededAt.AddHours(3));
            }
        }
    }

    private CheckIn PlanCheckIn(Student student, Guid mentorId, HalfTerm halfTerm, int sequence, DateOnly dueOn)
    {
        var checkIn = CheckIn.Plan(
            DemoData.IdFor($"bridgemary:check-in:{student.PupilNumber}:{halfTerm.Start:yyyy-MM-dd}:{sequence}"), student.SchoolId, student.Id, mentorId,
            halfTerm.Start, halfTerm.End, sequence, dueOn, suggestedStart: null);
        db.CheckIns.Add(checkIn);
        return checkIn;
    }

    /// <summary>A notification already delivered: its e-mail went a minute after it was written, so the demo sends nothing.</summary>
    private Notification AddSeededNotification(
        Guid recipientId, NotificationKind kind, string key, string title, string body, DateTimeOffset at, string? emailTo, Guid? studentId)
    {
        var notification = Notification.Create(DemoData.IdFor($"notification:{key}"), DemoData.BridgemaryId, recipientId, kind, key, title, body, at, emailTo, studentId);
        if (emailTo is not null)
        {
            notification.EmailSent(at.AddMinutes(1));
        }

        db.Notifications.Add(notification);
        return notification;
    }
}

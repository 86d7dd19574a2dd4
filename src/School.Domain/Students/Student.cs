using School.Domain.Common;
using School.Domain.Mentoring;
using School.Domain.Staff;

namespace School.Domain.Students;

/// <summary>A pupil on a school's roll, with their guardians, personal tutor and mentor.</summary>
public sealed class Student : Entity
{
    private readonly List<GuardianLink> _guardianLinks = [];

    private Student(Guid id, Guid schoolId, string pupilNumber, string givenName, string familyName, DateOnly dateOfBirth, int yearGroup)
        : base(id)
    {
        SchoolId = schoolId;
        PupilNumber = pupilNumber;
        GivenName = givenName;
        FamilyName = familyName;
        DateOfBirth = dateOfBirth;
        YearGroup = yearGroup;
    }

    public Guid SchoolId { get; private set; }

    /// <summary>Unique within the school, stored upper case.</summary>
    public string PupilNumber { get; private set; }

    public string GivenName { get; private set; }

    public string FamilyName { get; private set; }

    public string? PreferredName { get; private set; }

    public DateOnly DateOfBirth { get; private set; }

    public int YearGroup { get; private set; }

    /// <summary>Every student has one personal tutor, who agrees the learning plan with them and their parents.</summary>
    public Guid? PersonalTutorId { get; private set; }

    /// <summary>Every student has one personal mentor, the child's advocate: the mentor's person id (a member of staff or an older pupil).</summary>
    public Guid? MentorId { get; private set; }

    /// <summary>Bumped on every change; clients send it back (If-Match) so a stale write is refused.</summary>
    public uint Version { get; private set; }

    public IReadOnlyCollection<GuardianLink> GuardianLinks => _guardianLinks.AsReadOnly();

    public static Student Create(
        Guid id, Guid schoolId, string pupilNumber, string givenName, string familyName, DateOnly dateOfBirth, int yearGroup, string? preferredName = null)
    {
        RequireValid(pupilNumber, yearGroup);
        return new Student(
            id,
            schoolId,
            Students.PupilNumber.Normalise(pupilNumber),
            Guard.Text(givenName, nameof(givenName), PersonName.MaxLength),
            Guard.Text(familyName, nameof(familyName), PersonName.MaxLength),
            dateOfBirth,
            yearGroup)
        {
            PreferredName = Guard.OptionalText(preferredName, nameof(preferredName), PersonName.MaxLength),
        };
    }

    public void UpdateDetails(string pupilNumber, string givenName, string familyName, string? preferredName, DateOnly dateOfBirth, int yearGroup)
    {
        RequireValid(pupilNumber, yearGroup);
        PupilNumber = Students.PupilNumber.Normalise(pupilNumber);
        GivenName = Guard.Text(givenName, nameof(givenName), PersonName.MaxLength);
        FamilyName = Guard.Text(familyName, nameof(familyName), PersonName.MaxLength);
        PreferredName = Guard.OptionalText(preferredName, nameof(preferredName), PersonName.MaxLength);
        DateOfBirth = dateOfBirth;
        YearGroup = yearGroup;
        Touch();
    }

    /// <summary>Rule: a personal tutor works at the student's school and holds the PersonalTutor role.</summary>
    public Result AssignPersonalTutor(StaffMember? tutor)
    {
        if (tutor is not null)
        {
            var error = StaffCanServe(tutor, StaffRoles.PersonalTutor, "personalTutorId", "a personal tutor");
            if (error is not null)
            {
                return error;
            }
        }

        if (PersonalTutorId != tutor?.Id)
        {
            PersonalTutorId = tutor?.Id;
            Touch();
        }

        return Result.Success();
    }

    /// <summary>
    /// Rules: a mentor is registered at the student's school and taking mentees; a pupil never mentors themself, and a
    /// pupil mentor is in an older year group (<paramref name="mentorYearGroup"/>) than their mentee. Capacity is the
    /// caller's to check (it needs every mentee count).
    /// </summary>
    public Result AssignMentor(Mentor? mentor, int? mentorYearGroup = null)
    {
        if (mentor is not null)
        {
            if (mentor.SchoolId != SchoolId)
            {
                return Error.Validation("mentorId", "No mentor with that id works at this school.");
            }

            if (mentor.Id == Id)
            {
                return MentoringErrors.OwnMentor;
            }

            if (mentor.Id != MentorId && !mentor.IsActive)
            {
                return MentoringErrors.MentorInactive;
            }

            if (mentor.Kind == MentorKind.Student && (mentorYearGroup ?? 0) <= YearGroup)
            {
                return MentoringErrors.MentorNotOlder;
            }
        }

        if (MentorId != mentor?.Id)
        {
            MentorId = mentor?.Id;
            Touch();
        }

        return Result.Success();
    }

    /// <summary>Rule: a child's guardian is known to the child's school, and is linked to the child once.</summary>
    public Result<GuardianLink> LinkGuardian(Guardian guardian, GuardianRelationship relationship, bool hasParentalResponsibility)
    {
        if (guardian.SchoolId != SchoolId)
        {
            return Error.NotFound("Guardian");
        }

        if (_guardianLinks.Any(l => l.GuardianId == guardian.Id))
        {
            return StudentErrors.GuardianAlreadyLinked;
        }

        var link = GuardianLink.Create(Id, guardian.Id, relationship, hasParentalResponsibility);
        _guardianLinks.Add(link);
        Touch();
        return link;
    }

    /// <summary>Changes a guardian's link; stopping access needs a recorded reason.</summary>
    public Result<GuardianLink> ChangeGuardianLink(
        Guid guardianId, GuardianRelationship relationship, bool hasParentalResponsibility, bool accessAllowed, string? accessStoppedReason)
    {
        var link = _guardianLinks.FirstOrDefault(l => l.GuardianId == guardianId);
        if (link is null)
        {
            return Error.NotFound("Guardian");
        }

        if (!accessAllowed && string.IsNullOrWhiteSpace(accessStoppedReason))
        {
            return StudentErrors.AccessStopNeedsReason;
        }

        link.Change(relationship, hasParentalResponsibility, accessAllowed, accessStoppedReason);
        Touch();
        return link;
    }

    private Error? StaffCanServe(StaffMember staff, StaffRoles role, string field, string what)
    {
        if (staff.SchoolId != SchoolId)
        {
            return Error.Validation(field, $"No member of staff with that id works at this school.");
        }

        return staff.HasRole(role)
            ? null
            : Error.Conflict("student.staff_lacks_role", $"{staff.DisplayName} does not hold the {role} role, so cannot be {what}.");
    }

    private static void RequireValid(string pupilNumber, int yearGroup)
    {
        if (!Students.PupilNumber.IsValid(pupilNumber))
        {
            throw new ArgumentException("Invalid pupil number.", nameof(pupilNumber));
        }

        if (!Students.YearGroup.IsValid(yearGroup))
        {
            throw new ArgumentOutOfRangeException(nameof(yearGroup), yearGroup, "Unknown year group.");
        }
    }

    private void Touch() => Version++;
}

public static class StudentErrors
{
    public static readonly Error GuardianAlreadyLinked =
        Error.Conflict("student.guardian_already_linked", "That guardian is already linked to this student.");

    public static readonly Error AccessStopNeedsReason =
        Error.Validation("accessStoppedReason", "Give the reason access is stopped (for example a court order).");

    public static Error PupilNumberTaken(string pupilNumber) =>
        Error.Conflict("student.pupil_number_taken", $"Another student at this school already has pupil number {pupilNumber}.");
}

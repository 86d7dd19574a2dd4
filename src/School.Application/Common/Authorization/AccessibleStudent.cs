using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.LearningPlans;

namespace School.Application.Common.Authorization;

/// <summary>What a user may do with one student's data.</summary>
[Flags]
public enum StudentPermissions
{
    None = 0,
    /// <summary>Roster fields: name, pupil number, year group, date of birth, tutor and mentor.</summary>
    ViewRoster = 1,
    /// <summary>The child's guardians and their contact details (staff who look after the child).</summary>
    ViewGuardians = 2,
    /// <summary>Change roster fields, guardian links, tutor and mentor (the school's admins).</summary>
    Manage = 4,
    /// <summary>Make the child's own choices (a day window, SECURE subjects, challenges): the student, their guardians, admins.</summary>
    MakeChoices = 8,
    /// <summary>Read the whole learning plan and export the passport: the student, their guardians, tutor, mentor, pastoral lead and admins (not every teacher).</summary>
    ReadLearningRecord = 16,
    /// <summary>Write the learning plan: the student and their personal tutor.</summary>
    EditLearningPlan = 32,
    /// <summary>A teacher: the plan's targets in the subjects they teach the child (nothing else of the plan).</summary>
    ReadTaughtSubjects = 64,
    /// <summary>Every portfolio entry, the private ones too: the child and staff who see them (a guardian sees the shared ones).</summary>
    ReadPrivatePortfolio = 128,
    /// <summary>Write portfolio entries and attach evidence: the child, their personal tutor and the school's admins.</summary>
    WritePortfolio = 256,
    /// <summary>Endorse portfolio entries: any member of staff who sees the child.</summary>
    EndorsePortfolio = 512,
}

/// <summary>What a user is to a student's mentoring (see <see cref="StudentAccess.MentoringAsync"/>).</summary>
[Flags]
public enum MentoringRole
{
    None = 0,
    /// <summary>May read the child's check-ins (not the private notes).</summary>
    Reader = 1,
    /// <summary>The child themself.</summary>
    Self = 2,
    /// <summary>A guardian whose link allows access.</summary>
    Guardian = 4,
    /// <summary>The child's current mentor (staff or an older pupil): records check-ins and reads private notes.</summary>
    Mentor = 8,
    /// <summary>The school's pastoral lead: reads private notes and receives escalations.</summary>
    Pastoral = 16,
    /// <summary>A school admin: manages assignments, but does not read private notes.</summary>
    Admin = 32,
}

/// <summary>
/// One child the caller has been allowed to see, and everything the caller may do with that child. Only
/// <see cref="StudentAccess"/> creates one (an architecture test keeps it so), and every loader of one child's data takes
/// it instead of a raw id: a handler cannot reach a child's data without having asked.
/// </summary>
public sealed class AccessibleStudent
{
    internal AccessibleStudent(
        Guid id, Guid schoolId, StudentPermissions permissions, MentoringRole mentoring, PlanParty? agreesPlanAs,
        string? whyNotPlanParty, PersonKind callerKind, Guid callerId)
    {
        Id = id;
        SchoolId = schoolId;
        Permissions = permissions;
        Mentoring = mentoring;
        AgreesPlanAs = agreesPlanAs;
        _whyNotPlanParty = whyNotPlanParty;
        CallerKind = callerKind;
        CallerId = callerId;
    }

    private readonly string? _whyNotPlanParty;

    /// <summary>The student.</summary>
    public Guid Id { get; }

    /// <summary>The student's school (always the caller's own school).</summary>
    public Guid SchoolId { get; }

    /// <summary>What the caller may do with the child's data.</summary>
    public StudentPermissions Permissions { get; }

    /// <summary>What the caller is to the child's mentoring (<see cref="MentoringRole.None"/> when they have no part in it).</summary>
    public MentoringRole Mentoring { get; }

    /// <summary>The party the caller agrees the child's learning plan as, or null when they are not a party to it.</summary>
    public PlanParty? AgreesPlanAs { get; }

    /// <summary>Who is asking: a staff member, the child, a guardian (for what a feature records about the caller).</summary>
    public PersonKind CallerKind { get; }

    /// <summary>The person asking.</summary>
    public Guid CallerId { get; }

    /// <summary>Whether the caller is the child themself.</summary>
    public bool IsSelf => CallerKind == PersonKind.Student && CallerId == Id;

    /// <summary>Whether the caller holds every one of <paramref name="required"/>.</summary>
    public bool Has(StudentPermissions required) => (Permissions & required) == required;

    /// <summary>Succeeds when the caller holds <paramref name="required"/>; otherwise forbidden, saying <paramref name="message"/>.</summary>
    public Result Require(StudentPermissions required, string message) => Has(required) ? Result.Success() : Error.Forbidden(message);

    /// <summary>The party the caller agrees the plan as; forbidden (saying who does agree) when they are not one.</summary>
    public Result<PlanParty> RequirePlanParty() =>
        AgreesPlanAs is { } party
            ? party
            : Error.Forbidden(_whyNotPlanParty ?? "Only the student, a guardian with parental responsibility and the personal tutor agree the plan.");
}

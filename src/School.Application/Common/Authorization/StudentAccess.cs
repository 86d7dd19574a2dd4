using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.LearningPlans;
using School.Domain.Staff;
using School.Domain.Students;

namespace School.Application.Common.Authorization;

/// <summary>
/// The one place that answers "may this user read / change this student's data?". Every handler that touches a
/// student asks it. A student the user may not see is reported as not found, exactly like one that does not exist;
/// a student the user may see but not change is reported as forbidden.
/// </summary>
/// <remarks>
/// The rules: a school admin — every student of their school (manage, and make choices on a child's behalf); a pastoral
/// lead — every student of their school; a teacher or teaching assistant — students of their school, roster fields
/// only; a personal tutor — their tutees; a mentor — their mentees; a guardian — children whose link currently allows
/// access, and their choices; a student — themself, and their own choices (a day window, later SECURE subjects).
/// Another school's students are never visible, whatever the role.
/// </remarks>
public sealed class StudentAccess(ICurrentUser currentUser, IApplicationDbContext db)
{
    private const StaffRoles WholeSchoolRoles =
        StaffRoles.SchoolAdmin | StaffRoles.PastoralLead | StaffRoles.Teacher | StaffRoles.TeachingAssistant;

    private Viewer User => Viewer.From(currentUser);

    /// <summary>The students this user may see at all; every list of students starts here.</summary>
    public IQueryable<Student> VisibleStudents() => VisibleStudentsFor(User);

    /// <summary>
    /// The students <paramref name="viewer"/> may see, for work done on someone's behalf without a signed-in request
    /// (a calendar feed read with its secret address).
    /// </summary>
    public IQueryable<Student> VisibleStudentsFor(Viewer viewer) => db.Students.Where(VisibleFilter(viewer));

    /// <summary>
    /// Whether the user may know the student exists at all: whoever <see cref="CheckAsync"/> lets see them, and the pupil
    /// who mentors them (see <see cref="MentoringAsync"/>). One query.
    /// </summary>
    public Task<bool> MaySeeAsync(Guid studentId, CancellationToken ct)
    {
        var user = User;
        if (user is { IsAuthenticated: true, Kind: PersonKind.Student, SchoolId: { } schoolId })
        {
            var me = user.PersonId;
            return db.Students.AnyAsync(s => s.Id == studentId && s.SchoolId == schoolId && (s.Id == me || s.MentorId == me), ct);
        }

        return VisibleStudents().AnyAsync(s => s.Id == studentId, ct);
    }

    /// <summary>
    /// Succeeds with the child as the caller may use them when the caller's permissions include <paramref name="required"/>;
    /// fails with not found when the caller may not see the student, or forbidden when they may see but not do this. One query.
    /// </summary>
    public async Task<Result<AccessibleStudent>> CheckAsync(Guid studentId, StudentPermissions required, CancellationToken ct)
    {
        var user = User;
        var facts = await FactsAsync(VisibleStudents(), studentId, user.PersonId, ct);
        var child = facts is null ? null : Grant(user, facts);
        if (child is null || child.Permissions == StudentPermissions.None)
        {
            return Error.NotFound("Student");
        }

        return child.Has(required)
            ? child
            : Error.Forbidden("You may see this student but not make this change.");
    }

    /// <summary>
    /// The child as the caller may use their mentoring. Besides everyone <see cref="CheckAsync"/> lets see the learning
    /// record, the student's current mentor counts even when that mentor is an older pupil (who may see nothing else of
    /// the child). Not found when the user has no part in it at all; forbidden when they may see the student but not their
    /// mentoring (a teacher). One query.
    /// </summary>
    public async Task<Result<AccessibleStudent>> MentoringAsync(Guid studentId, CancellationToken ct)
    {
        var user = User;
        if (!user.IsAuthenticated || user.SchoolId is not { } schoolId)
        {
            return Error.NotFound("Student");
        }

        var me = user.PersonId;
        var candidates = user.Kind == PersonKind.Student
            ? db.Students.Where(s => s.SchoolId == schoolId && (s.Id == me || s.MentorId == me))
            : VisibleStudents();
        var facts = await FactsAsync(candidates, studentId, me, ct);
        if (facts is null)
        {
            return Error.NotFound("Student");
        }

        if (user.Kind == PersonKind.Student && facts.MentorId == me)
        {
            // A pupil mentor: their mentee's check-ins and nothing else of the child.
            return new AccessibleStudent(
                facts.StudentId, facts.SchoolId, StudentPermissions.None, MentoringRole.Reader | MentoringRole.Mentor, null, null, user.Kind, me);
        }

        var child = Grant(user, facts);
        if (child.Permissions == StudentPermissions.None)
        {
            return Error.NotFound("Student");
        }

        return child.Mentoring == MentoringRole.None
            ? Error.Forbidden("Only the child, their family, their mentor, tutor and the pastoral team see the child's mentoring.")
            : child;
    }

    private static Task<AccessFacts?> FactsAsync(IQueryable<Student> candidates, Guid studentId, Guid me, CancellationToken ct) =>
        candidates
            .Where(s => s.Id == studentId)
            .Select(s => new AccessFacts(
                s.Id,
                s.SchoolId,
                s.PersonalTutorId,
                s.MentorId,
                s.GuardianLinks.Any(l => l.GuardianId == me && l.AccessAllowed),
                s.GuardianLinks.Any(l => l.GuardianId == me && l.AccessAllowed && l.HasParentalResponsibility)))
            .SingleOrDefaultAsync(ct);

    private static AccessibleStudent Grant(Viewer user, AccessFacts s)
    {
        var permissions = PermissionsFor(user, s);
        var me = user.PersonId;
        PlanParty? party = null;
        string? whyNot = null;
        switch (user.Kind)
        {
            case PersonKind.Student when s.StudentId == me:
                party = PlanParty.Student;
                break;
            case PersonKind.Guardian when s.GuardianMayAccess && s.GuardianHasParentalResponsibility:
                party = PlanParty.Guardian;
                break;
            case PersonKind.Guardian:
                whyNot = "Only a guardian with parental responsibility agrees the plan.";
                break;
            case PersonKind.Staff when s.PersonalTutorId == me:
                party = PlanParty.PersonalTutor;
                break;
        }

        return new AccessibleStudent(s.StudentId, s.SchoolId, permissions, MentoringRoleFor(user, s, permissions), party, whyNot, user.Kind, me);
    }

    private static MentoringRole MentoringRoleFor(Viewer user, AccessFacts s, StudentPermissions held)
    {
        if ((held & StudentPermissions.ReadLearningRecord) == 0)
        {
            return MentoringRole.None;
        }

        var role = MentoringRole.Reader;
        switch (user.Kind)
        {
            case PersonKind.Student:
                role |= MentoringRole.Self;
                break;
            case PersonKind.Guardian:
                role |= MentoringRole.Guardian;
                break;
            case PersonKind.Staff:
                if (user.StaffRoles.HasFlag(StaffRoles.SchoolAdmin))
                {
                    role |= MentoringRole.Admin;
                }

                if (user.StaffRoles.HasFlag(StaffRoles.PastoralLead))
                {
                    role |= MentoringRole.Pastoral;
                }

                if (s.MentorId == user.PersonId)
                {
                    role |= MentoringRole.Mentor;
                }

                break;
        }

        return role;
    }

    private static StudentPermissions PermissionsFor(Viewer user, AccessFacts s)
    {
        const StudentPermissions careFor =
            StudentPermissions.ViewRoster | StudentPermissions.ViewGuardians | StudentPermissions.ReadLearningRecord;
        var me = user.PersonId;
        switch (user.Kind)
        {
            case PersonKind.Student:
                return s.StudentId == me
                    ? StudentPermissions.ViewRoster | StudentPermissions.MakeChoices | StudentPermissions.ReadLearningRecord | StudentPermissions.EditLearningPlan
                        | StudentPermissions.ReadPrivatePortfolio | StudentPermissions.WritePortfolio
                    : StudentPermissions.None;
            case PersonKind.Guardian:
                return s.GuardianMayAccess
                    ? StudentPermissions.ViewRoster | StudentPermissions.MakeChoices | StudentPermissions.ReadLearningRecord
                    : StudentPermissions.None;
            case PersonKind.Staff:
                var roles = user.StaffRoles;
                var held = StudentPermissions.None;
                if (roles.HasFlag(StaffRoles.SchoolAdmin))
                {
                    held |= careFor | StudentPermissions.Manage | StudentPermissions.MakeChoices;
                }

                if (roles.HasFlag(StaffRoles.PastoralLead))
                {
                    held |= careFor;
                }

                if ((roles & (StaffRoles.Teacher | StaffRoles.TeachingAssistant)) != 0)
                {
                    held |= StudentPermissions.ViewRoster;
                }

                if (roles.HasFlag(StaffRoles.Teacher))
                {
                    held |= StudentPermissions.ReadTaughtSubjects;
                }

                if (roles.HasFlag(StaffRoles.PersonalTutor) && s.PersonalTutorId == me)
                {
                    held |= careFor | StudentPermissions.EditLearningPlan;
                }

                if (roles.HasFlag(StaffRoles.Mentor) && s.MentorId == me)
                {
                    held |= careFor;
                }

                if (held != StudentPermissions.None)
                {
                    // Staff who see the child read every portfolio entry and endorse; the tutor and admins write.
                    held |= StudentPermissions.ReadPrivatePortfolio | StudentPermissions.EndorsePortfolio;
                    if ((held & (StudentPermissions.Manage | StudentPermissions.EditLearningPlan)) != 0)
                    {
                        held |= StudentPermissions.WritePortfolio;
                    }
                }

                return held;
            default:
                return StudentPermissions.None;
        }
    }

    /// <summary>The same rules as <see cref="PermissionsFor"/>, as a filter the database can run.</summary>
    private static Expression<Func<Student, bool>> VisibleFilter(Viewer user)
    {
        if (!user.IsAuthenticated || user.SchoolId is not { } schoolId)
        {
            return s => false;
        }

        var me = user.PersonId;
        switch (user.Kind)
        {
            case PersonKind.Student:
                return s => s.SchoolId == schoolId && s.Id == me;
            case PersonKind.Guardian:
                return s => s.SchoolId == schoolId && s.GuardianLinks.Any(l => l.GuardianId == me && l.AccessAllowed);
            case PersonKind.Staff:
                var roles = user.StaffRoles;
                if ((roles & WholeSchoolRoles) != 0)
                {
                    return s => s.SchoolId == schoolId;
                }

                var tutor = roles.HasFlag(StaffRoles.PersonalTutor);
                var mentor = roles.HasFlag(StaffRoles.Mentor);
                return s => s.SchoolId == schoolId && ((tutor && s.PersonalTutorId == me) || (mentor && s.MentorId == me));
            default:
                return s => false;
        }
    }

    /// <summary>Who is looking: the facts about a user that the rules need.</summary>
    public sealed record Viewer(bool IsAuthenticated, PersonKind Kind, Guid PersonId, Guid? SchoolId, StaffRoles StaffRoles)
    {
        public static Viewer From(ICurrentUser user) => new(user.IsAuthenticated, user.Kind, user.PersonId, user.SchoolId, user.StaffRoles);
    }

    private sealed record AccessFacts(
        Guid StudentId, Guid SchoolId, Guid? PersonalTutorId, Guid? MentorId, bool GuardianMayAccess, bool GuardianHasParentalResponsibility);
}

using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.Staff;
using School.Domain.Students;

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
}

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
    /// Succeeds with the user's permissions on the student when they include <paramref name="required"/>;
    /// fails with not found when the user may not see the student, or forbidden when they may see but not do this.
    /// </summary>
    public async Task<Result<StudentPermissions>> CheckAsync(Guid studentId, StudentPermissions required, CancellationToken ct)
    {
        var user = User;
        var me = user.PersonId;
        var facts = await VisibleStudents()
            .Where(s => s.Id == studentId)
            .Select(s => new AccessFacts(
                s.Id,
                s.PersonalTutorId,
                s.MentorId,
                s.GuardianLinks.Any(l => l.GuardianId == me && l.AccessAllowed)))
            .SingleOrDefaultAsync(ct);

        var held = facts is null ? StudentPermissions.None : PermissionsFor(user, facts);
        if (held == StudentPermissions.None)
        {
            return Error.NotFound("Student");
        }

        return (held & required) == required
            ? held
            : Error.Forbidden("You may see this student but not make this change.");
    }

    /// <summary>
    /// What the user is to one student's mentoring. Besides everyone <see cref="CheckAsync"/> lets see the learning
    /// record, the student's current mentor counts even when that mentor is an older pupil (who may see nothing else of
    /// the child). Not found when the user has no part in it at all; forbidden when they may see the student but not their
    /// mentoring (a teacher).
    /// </summary>
    public async Task<Result<MentoringRole>> MentoringAsync(Guid studentId, CancellationToken ct)
    {
        var user = User;
        if (!user.IsAuthenticated || user.SchoolId is not { } schoolId)
        {
            return Error.NotFound("Student");
        }

        var isPupilMentor = user.Kind == PersonKind.Student
            && await db.Students.AnyAsync(s => s.Id == studentId && s.SchoolId == schoolId && s.MentorId == user.PersonId, ct);
        if (isPupilMentor)
        {
            return MentoringRole.Reader | MentoringRole.Mentor;
        }

        var check = await CheckAsync(studentId, StudentPermissions.ViewRoster, ct);
        if (!check.IsSuccess)
        {
            return check.Error!;
        }

        if ((check.Value & StudentPermissions.ReadLearningRecord) == 0)
        {
            return Error.Forbidden("Only the child, their family, their mentor, tutor and the pastoral team see the child's mentoring.");
        }

        var role = MentoringRole.Reader;
        if (user.Kind == PersonKind.Student)
        {
            role |= MentoringRole.Self;
        }

        if (user.Kind == PersonKind.Guardian)
        {
            role |= MentoringRole.Guardian;
        }

        if (user.Kind == PersonKind.Staff)
        {
            if (user.StaffRoles.HasFlag(StaffRoles.SchoolAdmin))
            {
                role |= MentoringRole.Admin;
            }

            if (user.StaffRoles.HasFlag(StaffRoles.PastoralLead))
            {
                role |= MentoringRole.Pastoral;
            }

            var mentorId = await db.Students.Where(s => s.Id == studentId).Select(s => s.MentorId).SingleAsync(ct);
            if (mentorId == user.PersonId)
            {
                role |= MentoringRole.Mentor;
            }
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

                if (roles.HasFlag(StaffRoles.PersonalTutor) && s.PersonalTutorId == me)
                {
                    held |= careFor | StudentPermissions.EditLearningPlan;
                }

                if (roles.HasFlag(StaffRoles.Mentor) && s.MentorId == me)
                {
                    held |= careFor;
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

    private sealed record AccessFacts(Guid StudentId, Guid? PersonalTutorId, Guid? MentorId, bool GuardianMayAccess);
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

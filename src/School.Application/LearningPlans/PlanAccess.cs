using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.LearningPlans;
using School.Domain.Staff;

namespace School.Application.LearningPlans;

/// <summary>How a caller may use a plan, decided from <see cref="StudentAccess"/> and the plan's own rules.</summary>
internal sealed record PlanView(StudentPermissions Permissions, IReadOnlySet<string>? TeacherSubjects)
{
    public bool CanEdit => Permissions.HasFlag(StudentPermissions.EditLearningPlan);
}

internal static class PlanAccess
{
    /// <summary>
    /// Who may see a plan: those who read the learning record see it all; a teacher who teaches the student sees the
    /// targets of the subjects they teach them; anyone else is told it does not exist.
    /// </summary>
    public static async Task<Result<PlanView>> ViewAsync(
        this StudentAccess access, ICurrentUser user, IApplicationDbContext db, Guid studentId, CancellationToken ct)
    {
        var allowed = await access.CheckAsync(studentId, StudentPermissions.ViewRoster, ct);
        if (!allowed.IsSuccess)
        {
            return allowed.Error!;
        }

        if (allowed.Value.Has(StudentPermissions.ReadLearningRecord))
        {
            return new PlanView(allowed.Value.Permissions, null);
        }

        if (user.Kind == PersonKind.Staff && user.StaffRoles.HasFlag(StaffRoles.Teacher))
        {
            // The subjects this teacher teaches this student: blocks they teach that the student is in.
            var me = user.PersonId;
            var groupIds = await db.TeachingGroups.AsNoTracking()
                .Where(g => g.StudentIds.Contains(studentId)).Select(g => g.Id).ToListAsync(ct);
            var subjects = await db.LearningBlocks.AsNoTracking()
                .Where(b => b.StaffIds.Contains(me) && b.Subject != null
                    && ((b.GroupId != null && groupIds.Contains(b.GroupId.Value)) || b.StudentIds.Contains(studentId)))
                .Select(b => b.Subject!).Distinct().ToListAsync(ct);
            if (subjects.Count > 0)
            {
                return new PlanView(allowed.Value.Permissions, subjects.ToHashSet(StringComparer.OrdinalIgnoreCase));
            }
        }

        return Error.NotFound("Learning plan");
    }

    /// <summary>The student's latest plan (one per academic year).</summary>
    public static Task<LearningPlan?> LatestPlanAsync(this IApplicationDbContext db, Guid studentId, bool track, CancellationToken ct)
    {
        var plans = track ? db.LearningPlans : db.LearningPlans.AsNoTracking();
        return plans.Where(p => p.StudentId == studentId).OrderByDescending(p => p.AcademicYear).FirstOrDefaultAsync(ct);
    }

    /// <summary>The id of the student's latest plan, without loading its versions (for reads of the plan's own rows).</summary>
    public static Task<Guid?> LatestPlanIdAsync(this IApplicationDbContext db, Guid studentId, CancellationToken ct) =>
        db.LearningPlans.Where(p => p.StudentId == studentId).OrderByDescending(p => p.AcademicYear)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);

    /// <summary>The caller's name, for the plan's history.</summary>
    public static async Task<PlanActor> ActorAsync(this IApplicationDbContext db, ICurrentUser user, CancellationToken ct)
    {
        var id = user.PersonId;
        var name = user.Kind switch
        {
            PersonKind.Staff => await db.StaffMembers.Where(s => s.Id == id).Select(s => s.GivenName + " " + s.FamilyName).SingleAsync(ct),
            PersonKind.Student => await db.Students.Where(s => s.Id == id).Select(s => (s.PreferredName ?? s.GivenName) + " " + s.FamilyName).SingleAsync(ct),
            PersonKind.Guardian => await db.Guardians.Where(g => g.Id == id).Select(g => g.GivenName + " " + g.FamilyName).SingleAsync(ct),
            _ => user.Kind.ToString(),
        };
        return new PlanActor(id, name);
    }

    /// <summary>
    /// Which party the caller agrees as: the student, a guardian with parental responsibility whose link allows access,
    /// or the student's personal tutor. Anyone else who may see the plan is forbidden.
    /// </summary>
    public static async Task<Result<PlanParty>> PartyAsync(this IApplicationDbContext db, ICurrentUser user, Guid studentId, CancellationToken ct)
    {
        var me = user.PersonId;
        var student = await db.Students.AsNoTracking().Include(s => s.GuardianLinks).SingleAsync(s => s.Id == studentId, ct);
        switch (user.Kind)
        {
            case PersonKind.Student when me == studentId:
                return PlanParty.Student;
            case PersonKind.Guardian when student.GuardianLinks.Any(l => l.GuardianId == me && l.AccessAllowed && l.HasParentalResponsibility):
                return PlanParty.Guardian;
            case PersonKind.Guardian:
                return Error.Forbidden("Only a guardian with parental responsibility agrees the plan.");
            case PersonKind.Staff when student.PersonalTutorId == me:
                return PlanParty.PersonalTutor;
            default:
                return Error.Forbidden("Only the student, a guardian with parental responsibility and the personal tutor agree the plan.");
        }
    }

    /// <summary>The plan as <paramref name="view"/> may see it, with how many comments it has (none shown to a teacher).</summary>
    public static async Task<LearningPlanDto> ToDtoAsync(this LearningPlan plan, IApplicationDbContext db, PlanView view, CancellationToken ct)
    {
        var comments = view.TeacherSubjects is null ? await db.PlanComments.CountAsync(c => c.PlanId == plan.Id, ct) : 0;
        return plan.ToDto(view, comments);
    }

    private static LearningPlanDto ToDto(this LearningPlan plan, PlanView view, int commentCount)
    {
        var content = plan.Content;
        var subjectsOnly = view.TeacherSubjects is not null;
        if (view.TeacherSubjects is { } subjects)
        {
            content = PlanContent.Empty with
            {
                Targets = content.Targets.Where(t => t.Area == TargetArea.Subject && t.Subject is not null && subjects.Contains(t.Subject)).ToList(),
            };
        }

        return new LearningPlanDto(
            plan.Id, plan.StudentId, plan.AcademicYear, plan.Status, plan.Current.Number, content,
            subjectsOnly ? [] : plan.Current.Agreements,
            commentCount,
            subjectsOnly ? [] : plan.Reviews,
            plan.Revision, subjectsOnly);
    }
}

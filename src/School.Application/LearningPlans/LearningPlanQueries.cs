using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Mediator;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Application.Common.Models;
using School.Domain.Common;

namespace School.Application.LearningPlans;

/// <summary>The student's current learning plan as the caller may see it.</summary>
public sealed record GetLearningPlanQuery(Guid StudentId) : IQuery<Result<LearningPlanDto>>;

internal sealed class GetLearningPlanQueryHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db)
    : IQueryHandler<GetLearningPlanQuery, Result<LearningPlanDto>>
{
    public async ValueTask<Result<LearningPlanDto>> Handle(GetLearningPlanQuery query, CancellationToken cancellationToken)
    {
        var view = await access.ViewAsync(user, db, query.StudentId, cancellationToken);
        if (!view.IsSuccess)
        {
            return view.Error!;
        }

        var plan = await db.LatestPlanAsync(query.StudentId, track: false, cancellationToken);
        if (plan is null)
        {
            return Error.NotFound("Learning plan");
        }

        var dto = await plan.ToDtoAsync(db, view.Value, cancellationToken);
        return dto.SubjectTargetsOnly ? dto : dto with { ChallengeRecord = await ChallengeLineAsync(query.StudentId, cancellationToken) };
    }

    /// <summary>The student's latest published challenge placement with its team's outcome.</summary>
    private async Task<PlanChallengeDto?> ChallengeLineAsync(Guid studentId, CancellationToken ct)
    {
        var placement = await db.ChallengePlacements.AsNoTracking().Where(p => p.StudentId == studentId)
            .Join(db.ChallengeMenus, p => p.MenuId, m => m.Id, (p, m) => new { Placement = p, Menu = m.Name, m.OpensAt })
            .OrderByDescending(x => x.OpensAt)
            .FirstOrDefaultAsync(ct);
        if (placement is null)
        {
            return null;
        }

        var title = await db.ChallengeMenus.Where(m => m.Id == placement.Placement.MenuId)
            .SelectMany(m => m.Challenges).Where(c => c.Id == placement.Placement.ChallengeId).Select(c => c.Title).SingleAsync(ct);
        var team = placement.Placement.TeamId is { } teamId
            ? await db.ChallengeTeams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == teamId, ct)
            : null;
        return new PlanChallengeDto(placement.Menu, title, team?.Name, team?.Outcome, team?.CompletedAt);
    }
}

/// <summary>Every version of the plan with what changed, by whom and when, and who agreed it (not for teachers).</summary>
public sealed record GetLearningPlanHistoryQuery(Guid StudentId) : IQuery<Result<PlanHistoryDto>>;

internal sealed class GetLearningPlanHistoryQueryHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db)
    : IQueryHandler<GetLearningPlanHistoryQuery, Result<PlanHistoryDto>>
{
    public async ValueTask<Result<PlanHistoryDto>> Handle(GetLearningPlanHistoryQuery query, CancellationToken cancellationToken)
    {
        var view = await access.ViewAsync(user, db, query.StudentId, cancellationToken);
        if (!view.IsSuccess || view.Value.TeacherSubjects is not null)
        {
            return Error.NotFound("Learning plan");
        }

        var plan = await db.LatestPlanAsync(query.StudentId, track: false, cancellationToken);
        if (plan is null)
        {
            return Error.NotFound("Learning plan");
        }

        return new PlanHistoryDto(plan.Id, plan.StudentId, plan.AcademicYear, plan.Versions
            .Select(v => new PlanVersionDto(v.Number, v.AgreedAt is not null, v.AgreedAt, v.Agreements, v.Changes, v.Content))
            .ToList());
    }
}

/// <summary>
/// The plan's comments a page at a time, oldest first (read like a conversation; the last page has the newest), for
/// those who read the whole plan: a teacher, who sees only subject targets, is told there are none (404), as for the history.
/// </summary>
public sealed record ListPlanCommentsQuery(Guid StudentId, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<Result<PagedList<PlanCommentDto>>>;

public sealed class ListPlanCommentsQueryValidator : AbstractValidator<ListPlanCommentsQuery>
{
    public ListPlanCommentsQueryValidator()
    {
        RuleFor(q => q.Page).Page();
        RuleFor(q => q.PageSize).PageSize();
    }
}

internal sealed class ListPlanCommentsQueryHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db)
    : IQueryHandler<ListPlanCommentsQuery, Result<PagedList<PlanCommentDto>>>
{
    public async ValueTask<Result<PagedList<PlanCommentDto>>> Handle(ListPlanCommentsQuery query, CancellationToken cancellationToken)
    {
        var view = await access.ViewAsync(user, db, query.StudentId, cancellationToken);
        if (!view.IsSuccess || view.Value.TeacherSubjects is not null)
        {
            return Error.NotFound("Learning plan");
        }

        if (await db.LatestPlanIdAsync(query.StudentId, cancellationToken) is not { } planId)
        {
            return Error.NotFound("Learning plan");
        }

        return await PagedList<PlanCommentDto>.CreateAsync(
            db.PlanComments.AsNoTracking().Where(c => c.PlanId == planId).OrderBy(c => c.At).ThenBy(c => c.Id).Select(PlanCommentDto.Projection),
            query.Page,
            query.PageSize,
            cancellationToken);
    }
}

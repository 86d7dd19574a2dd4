using Mediator;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
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
        return plan is null ? Error.NotFound("Learning plan") : plan.ToDto(view.Value);
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

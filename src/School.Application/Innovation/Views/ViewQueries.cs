using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.Innovation;
using School.Domain.Staff;

namespace School.Application.Innovation.Views;

/// <summary>Each trial a school takes part in, its status and phase and last reading (the school's staff; the lead of a project it is in; its partnership's lead).</summary>
public sealed record GetSchoolTrialsQuery(Guid SchoolId) : IQuery<Result<IReadOnlyList<TrialSummaryDto>>>;

internal sealed class GetSchoolTrialsQueryHandler(ICurrentUser user, IApplicationDbContext db) : IQueryHandler<GetSchoolTrialsQuery, Result<IReadOnlyList<TrialSummaryDto>>>
{
    public async ValueTask<Result<IReadOnlyList<TrialSummaryDto>>> Handle(GetSchoolTrialsQuery query, CancellationToken cancellationToken)
    {
        var school = await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Id == query.SchoolId, cancellationToken);
        if (school is null)
        {
            return Error.NotFound("School");
        }

        var trials = await db.FieldTrials.AsNoTracking().Where(t => t.SchoolIds.Contains(query.SchoolId)).ToListAsync(cancellationToken);
        var staffOfSchool = user.Kind == PersonKind.Staff && user.SchoolId == query.SchoolId && user.StaffRoles != StaffRoles.None;
        var partnershipLead = user.Kind == PersonKind.PartnershipLead && school.PartnershipId is { } p && user.PartnershipId == p;
        if (!staffOfSchool && !partnershipLead)
        {
            if (user.Kind != PersonKind.InnovationLead)
            {
                return Error.NotFound("School");
            }

            var mine = await db.InnovationProjects.Where(x => x.LeadId == user.PersonId).Select(x => x.Id).ToListAsync(cancellationToken);
            trials = trials.Where(t => mine.Contains(t.ProjectId)).ToList();
            if (trials.Count == 0)
            {
                return Error.NotFound("School");
            }
        }

        return Result<IReadOnlyList<TrialSummaryDto>>.Success(await db.SummariesAsync(trials, cancellationToken));
    }
}

/// <summary>A project's dashboard: trials by status, indicators moving, support given (whoever may see the project).</summary>
public sealed record GetProjectDashboardQuery(Guid ProjectId) : IQuery<Result<ProjectDashboardDto>>;

internal sealed class GetProjectDashboardQueryHandler(ICurrentUser user, IApplicationDbContext db) : IQueryHandler<GetProjectDashboardQuery, Result<ProjectDashboardDto>>
{
    public async ValueTask<Result<ProjectDashboardDto>> Handle(GetProjectDashboardQuery query, CancellationToken cancellationToken)
    {
        var project = await db.InnovationProjects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == query.ProjectId, cancellationToken);
        if (project is null || !await db.MaySeeProjectAsync(user, project, cancellationToken))
        {
            return Error.NotFound("Project");
        }

        var trials = await db.FieldTrials.AsNoTracking().Where(t => t.ProjectId == project.Id).ToListAsync(cancellationToken);
        var byStatus = Enum.GetValues<TrialStatus>().ToDictionary(s => s.ToString(), s => trials.Count(t => t.Status == s));
        var indicators = trials.SelectMany(t => t.Indicators).ToList();
        int Trend(Indicator i) => i.Readings.Count < 2 ? 2 : Math.Sign(i.Readings.OrderBy(r => r.On).Last().Value - i.Readings.OrderBy(r => r.On).SkipLast(1).Last().Value);
        var support = Enum.GetValues<SupportKind>().ToDictionary(k => k.ToString(), k => trials.Sum(t => t.Support.Count(s => s.Kind == k)));
        return new ProjectDashboardDto(
            project.Id, project.Name, project.Phase, byStatus,
            indicators.Count(i => Trend(i) == 1), indicators.Count(i => Trend(i) == -1), indicators.Count(i => Trend(i) == 0), indicators.Count(i => Trend(i) == 2),
            support, await db.SummariesAsync(trials, cancellationToken));
    }
}

/// <summary>The partnership view: every trial of the partnership's schools (its lead; staff of a member school read their partnership's).</summary>
public sealed record GetPartnershipTrialsQuery(Guid PartnershipId) : IQuery<Result<IReadOnlyList<TrialSummaryDto>>>;

internal sealed class GetPartnershipTrialsQueryHandler(ICurrentUser user, IApplicationDbContext db) : IQueryHandler<GetPartnershipTrialsQuery, Result<IReadOnlyList<TrialSummaryDto>>>
{
    public async ValueTask<Result<IReadOnlyList<TrialSummaryDto>>> Handle(GetPartnershipTrialsQuery query, CancellationToken cancellationToken)
    {
        var schools = await db.Schools.AsNoTracking().Where(s => s.PartnershipId == query.PartnershipId).Select(s => s.Id).ToListAsync(cancellationToken);
        var member = user.PartnershipId == query.PartnershipId && user.Kind is PersonKind.PartnershipLead or PersonKind.InnovationLead
            || user.Kind == PersonKind.Staff && user.SchoolId is { } school && schools.Contains(school) && user.StaffRoles != StaffRoles.None;
        if (schools.Count == 0 || !member)
        {
            return Error.NotFound("Partnership");
        }

        var trials = (await db.FieldTrials.AsNoTracking().ToListAsync(cancellationToken)).Where(t => t.SchoolIds.Any(schools.Contains)).ToList();
        if (user.Kind == PersonKind.InnovationLead)
        {
            // An innovation lead sees their own projects' trials, wherever they are, and no one else's.
            var mine = await db.InnovationProjects.Where(p => p.LeadId == user.PersonId).Select(p => p.Id).ToListAsync(cancellationToken);
            trials = trials.Where(t => mine.Contains(t.ProjectId)).ToList();
        }

        return Result<IReadOnlyList<TrialSummaryDto>>.Success(await db.SummariesAsync(trials, cancellationToken));
    }
}

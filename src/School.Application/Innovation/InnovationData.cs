using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Application.Common.Models;
using School.Domain.Innovation;

namespace School.Application.Innovation;

/// <summary>Describing projects and trials; shared by the innovation use cases.</summary>
internal static class InnovationData
{
    public static async Task<FieldTrialDto> DescribeAsync(this IApplicationDbContext db, FieldTrial t, CancellationToken ct)
    {
        var project = await db.InnovationProjects.AsNoTracking().SingleAsync(p => p.Id == t.ProjectId, ct);
        var idea = await db.Ideas.AsNoTracking().SingleAsync(i => i.Id == t.IdeaId, ct);
        var schools = await db.SchoolRefsAsync(t.SchoolIds, ct);
        var adoptedBy = await db.FieldTrials.AsNoTracking().Where(x => x.AdoptedFromTrialId == t.Id).Select(x => x.Id).ToListAsync(ct);
        return new FieldTrialDto(
            t.Id, t.ProjectId, project.Name, t.IdeaId, idea.Title, idea.CriteriaMet, project.CriteriaToSelect, t.Title, schools, t.ResourceDomains, t.LeadPractitioner,
            t.BaselineStrandsRequired, t.Baseline, t.Indicators, t.Support, t.Status, t.History, t.Evaluation, t.PracticeNote, t.AdoptedFromTrialId, adoptedBy, t.Version);
    }

    public static async Task<IReadOnlyList<PersonRef>> SchoolRefsAsync(this IApplicationDbContext db, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var names = await db.Schools.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return ids.Where(names.ContainsKey).Select(id => new PersonRef(id, names[id])).ToList();
    }

    public static async Task<IReadOnlyList<TrialSummaryDto>> SummariesAsync(this IApplicationDbContext db, IReadOnlyList<FieldTrial> trials, CancellationToken ct)
    {
        var projectIds = trials.Select(t => t.ProjectId).Distinct().ToList();
        var projects = await db.InnovationProjects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return trials
            .OrderBy(t => projects[t.ProjectId].Name, StringComparer.Ordinal).ThenBy(t => t.Title, StringComparer.Ordinal)
            .Select(t => new TrialSummaryDto(
                t.Id, t.ProjectId, projects[t.ProjectId].Name, t.Title, t.Status, projects[t.ProjectId].Phase, t.SchoolIds, LastReading(t), t.AdoptedFromTrialId))
            .ToList();
    }

    private static LastReadingDto? LastReading(FieldTrial t) =>
        t.Indicators
            .SelectMany(i => i.Readings.Select(r => new LastReadingDto(i.Name, r.On, r.Value, i.Unit)))
            .OrderByDescending(r => r.On)
            .FirstOrDefault();
}

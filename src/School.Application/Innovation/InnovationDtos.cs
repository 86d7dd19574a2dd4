using School.Application.Common.Models;
using School.Domain.Innovation;

namespace School.Application.Innovation;

public sealed record PolicyAreaDto(Guid Id, string Name);

public sealed record IdeaDto(
    Guid Id, Guid ProjectId, string Title, string? Description, IReadOnlyList<int> Scores, int CriteriaMet, ChangeSize Change, DistanceFromPractice Distance,
    string GridQuadrant, IReadOnlyList<HorizonNote> HorizonNotes)
{
    public static IdeaDto From(Idea i) =>
        new(i.Id, i.ProjectId, i.Title, i.Description, i.Scores, i.CriteriaMet, i.Change, i.Distance, i.GridQuadrant, i.HorizonNotes);
}

public sealed record ProjectDto(
    Guid Id, string Name, PolicyAreaDto PolicyArea, string? PartnerAgency, Guid LeadId, Guid? PartnershipId, IReadOnlyList<PersonRef> NetworkSchools,
    ProjectPhase Phase, SystemLevelStep? Step, int CriteriaToSelect, IReadOnlyList<IdeaDto> Ideas, IReadOnlyList<TrialSummaryDto> Trials, uint Version);

/// <summary>A trial in a list: status, phase of its project, and its last reading.</summary>
public sealed record TrialSummaryDto(
    Guid Id, Guid ProjectId, string Project, string Title, TrialStatus Status, ProjectPhase Phase, IReadOnlyList<Guid> SchoolIds, LastReadingDto? LastReading,
    Guid? AdoptedFromTrialId);

public sealed record LastReadingDto(string Indicator, DateOnly On, decimal Value, string? Unit);

public sealed record FieldTrialDto(
    Guid Id, Guid ProjectId, string Project, Guid IdeaId, string Idea, int IdeaCriteriaMet, int CriteriaToSelect, string Title, IReadOnlyList<PersonRef> Schools,
    IReadOnlyList<ResourceDomain> ResourceDomains, string? LeadPractitioner, int BaselineStrandsRequired, IReadOnlyList<BaselineStrand> Baseline,
    IReadOnlyList<Indicator> Indicators, IReadOnlyList<SupportEntry> Support, TrialStatus Status, IReadOnlyList<StatusChange> History,
    Evaluation? Evaluation, PracticeNote? PracticeNote, Guid? AdoptedFromTrialId, IReadOnlyList<Guid> AdoptedBy, uint Version);

/// <summary>A project at a glance: trials by status, indicators moving (up, down, flat since the previous reading), support given by kind.</summary>
public sealed record ProjectDashboardDto(
    Guid ProjectId, string Name, ProjectPhase Phase, IReadOnlyDictionary<string, int> TrialsByStatus, int IndicatorsRising, int IndicatorsFalling,
    int IndicatorsFlat, int IndicatorsAwaitingReadings, IReadOnlyDictionary<string, int> SupportByKind, IReadOnlyList<TrialSummaryDto> Trials);

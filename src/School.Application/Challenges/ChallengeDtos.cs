using School.Domain.Challenges;

namespace School.Application.Challenges;

public sealed record ChallengeDto(
    Guid Id, string Title, string? Description, int TeamMin, int TeamMax, int Capacity, IReadOnlyList<Guid> CoachIds, string? CommunityPartner,
    bool NeedsGuardianConsent, IReadOnlyList<int> YearGroups)
{
    public static ChallengeDto From(Challenge c) =>
        new(c.Id, c.Title, c.Description, c.TeamMin, c.TeamMax, c.Capacity, c.CoachIds, c.CommunityPartner, c.NeedsGuardianConsent, c.YearGroups);
}

public sealed record ChallengeMenuSummaryDto(
    Guid Id, string Name, IReadOnlyList<int> YearGroups, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int ChoicesRequired, DateOnly OpenDay,
    MenuStatus Status, int ChallengeCount, uint Version)
{
    public static ChallengeMenuSummaryDto From(ChallengeMenu m) =>
        new(m.Id, m.Name, m.YearGroups, m.OpensAt, m.ClosesAt, m.ChoicesRequired, m.OpenDay, m.Status, m.Challenges.Count, m.Version);
}

public sealed record ChallengeMenuDto(
    Guid Id, string Name, IReadOnlyList<int> YearGroups, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int ChoicesRequired, DateOnly OpenDay,
    MenuStatus Status, IReadOnlyList<ChallengeDto> Challenges, uint Version)
{
    public static ChallengeMenuDto From(ChallengeMenu m) => new(
        m.Id, m.Name, m.YearGroups, m.OpensAt, m.ClosesAt, m.ChoicesRequired, m.OpenDay, m.Status,
        m.Challenges.OrderBy(c => c.Title, StringComparer.Ordinal).Select(ChallengeDto.From).ToList(), m.Version);
}

/// <summary>One pupil's place: the challenge (null when none had room) and the rank it had on their list.</summary>
public sealed record PlacementDto(Guid StudentId, Guid? ChallengeId, int? Rank, string Reason);

/// <summary>
/// An allocation (a preview, or the published one): how many got each rank (index 0 = first choice), how many who did not
/// choose were placed where room remained, who got none, and every pupil's placement.
/// </summary>
public sealed record AllocationDto(
    Guid MenuId, bool Published, int Pupils, IReadOnlyList<int> ByRank, int NoChoicePlaced, int PlacedOutsideChoices, int Unplaced,
    IReadOnlyList<PlacementDto> Placements);

public sealed record StudentChoicesDto(Guid MenuId, IReadOnlyList<Guid> RankedChallengeIds, DateTimeOffset SubmittedAt, uint Version);

public sealed record TeamDto(
    Guid Id, Guid ChallengeId, string Challenge, string Name, IReadOnlyList<Guid> MemberIds, IReadOnlyList<Milestone> Milestones,
    DateTimeOffset? ShowcaseAt, string? Outcome, DateTimeOffset? CompletedAt, uint Version)
{
    public static TeamDto From(ChallengeTeam t, string challenge) =>
        new(t.Id, t.ChallengeId, challenge, t.Name, t.MemberIds, t.Milestones, t.ShowcaseAt, t.Outcome, t.CompletedAt, t.Version);
}

/// <summary>A student's part in a menu: what they chose, where they were placed and their team.</summary>
public sealed record StudentChallengeDto(
    Guid MenuId, string Menu, IReadOnlyList<Guid> RankedChallengeIds, Guid? ChallengeId, string? Challenge, int? Rank, Guid? TeamId, string? Team, string? Outcome);

public sealed record ShowcaseSlotDto(DateTimeOffset Start, int Minutes, Guid TeamId, string Team, string Challenge);

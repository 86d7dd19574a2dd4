namespace School.Application.Common.Allocation;

/// <summary>The result of <see cref="RankedChoiceAllocator.Allocate"/>.</summary>
/// <param name="Placements">Every chooser's option, or <c>null</c> when not placed. Enumerates in input order.</param>
/// <param name="Unplaced">The choosers not placed, in input order.</param>
/// <param name="ByRank">
/// How many were placed at each rank: index 0 counts first choices, index 1 second choices, and so on, up to the longest
/// ranking in the request.
/// </param>
/// <param name="NoPreferencePlaced">Choosers with no preference who were placed.</param>
/// <param name="Reasons">One sentence per chooser, e.g. "Second choice: first choice full".</param>
/// <param name="PlacedOutsideChoices">
/// Must-be-placed choosers with a ranking, none of whose choices had room, placed where there was room. These are
/// counted neither in <see cref="ByRank"/> nor in <see cref="NoPreferencePlaced"/>.
/// </param>
public sealed record AllocationResult(
    IReadOnlyDictionary<Guid, Guid?> Placements,
    IReadOnlyList<Guid> Unplaced,
    IReadOnlyList<int> ByRank,
    int NoPreferencePlaced,
    IReadOnlyDictionary<Guid, string> Reasons,
    int PlacedOutsideChoices = 0);

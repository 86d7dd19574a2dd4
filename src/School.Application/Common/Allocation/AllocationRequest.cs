namespace School.Application.Common.Allocation;

/// <summary>
/// Everyone to place and everything they can be placed in. Ids must be distinct within <see cref="Choosers"/>, within
/// <see cref="Options"/> and within each ranking; every ranked id must be an option; capacities must not be negative.
/// Breaking these is a programming error (<see cref="ArgumentException"/>): callers validate user input first.
/// </summary>
public sealed record AllocationRequest(IReadOnlyList<Chooser> Choosers, IReadOnlyList<Option> Options);

/// <summary>
/// Someone to place (a pupil choosing a challenge, a mentee choosing a mentor, …).
/// </summary>
/// <param name="Id">The chooser's id.</param>
/// <param name="RankedOptionIds">Option ids, best first. Empty means "no preference": any option with room will do.</param>
/// <param name="MustBePlaced">
/// <c>true</c> (the default): placing this chooser comes before anyone's rank, and when none of their choices has room
/// they are placed wherever there is room. <c>false</c>: placed only after every must-be-placed chooser who can be, and
/// only in one of their ranked options (anywhere, if they have no preference); never put somewhere they did not ask for.
/// </param>
public sealed record Chooser(Guid Id, IReadOnlyList<Guid> RankedOptionIds, bool MustBePlaced = true);

/// <summary>Something to be placed in, with how many it can take (0 is allowed: it is then always full).</summary>
public sealed record Option(Guid Id, int Capacity);

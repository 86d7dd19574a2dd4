using System.Globalization;
using Google.OrTools.Graph;

namespace School.Application.Common.Allocation;

/// <summary>
/// An optimal ranked-choice allocation: each chooser gets at most one option and no option takes more than its capacity.
/// In order of priority the allocation
/// <list type="number">
/// <item>places as many must-be-placed choosers as possible (when none of their choices has room, anywhere with room),
/// those with a ranking before those with no preference;</item>
/// <item>then places as many of the other choosers as possible (only in options they ranked);</item>
/// <item>then is rank-maximal: as many first choices as possible, then as many second choices as possible, and so on,
/// so one more first choice beats any number of second choices;</item>
/// <item>choosers with no preference, and must-be-placed choosers none of whose choices has room, take whatever room is
/// left: a place "where there was room" counts below every ranked choice.</item>
/// </list>
/// It is deterministic: the same request (same order) always gives the same allocation. Among equally good allocations
/// the solver's pick depends only on the input order; it does not promise that an earlier chooser wins a tie.
/// </summary>
/// <remarks>
/// One min-cost flow (OR-Tools <see cref="MinCostFlow"/>): source → chooser (1) → ranked option (cost by rank) or a
/// "room anywhere" hub (highest cost) → option → sink (capacity). Rank costs are digits in base
/// <c>b = min(ranked choosers, total capacity) + 1</c>, which makes the order lexicographic; the request is refused
/// (<see cref="ArgumentException"/>) if those costs, scaled by the solver, could overflow 64 bits (with a margin of 4):
/// above about 4,700 ranked choosers with 5 choices each, 38,000 with 4 or 1.3 million with 3. 2,300 choosers with 5
/// choices use about 1/35 of that.
/// The number placed of each kind (must-be-placed with a ranking, with no preference, optional) is fixed by the supplies
/// of three sources; when some choosers are optional, a first maximum-flow solve finds how many of them fit.
/// </remarks>
public static class RankedChoiceAllocator
{
    private const int RankedMustSource = 0;
    private const int OpenMustSource = 1;
    private const int OptionalSource = 2;
    private const int Sink = 3;
    private const int Hub = 4;
    private const int FirstChooserNode = 5;
    private const int Unplaced = -1;

    public static AllocationResult Allocate(AllocationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var optionIndex = Validate(request);
        var choosers = request.Choosers;
        var options = request.Options;

        var placements = new int[choosers.Count];
        var ranks = new int[choosers.Count];
        Array.Fill(placements, Unplaced);
        Array.Fill(ranks, Unplaced);
        var maxRank = choosers.Count == 0 ? 0 : choosers.Max(c => c.RankedOptionIds.Count);

        var totalCapacity = options.Sum(o => (long)o.Capacity);
        if (choosers.Count > 0 && totalCapacity > 0)
        {
            var costs = RankCosts.For(request, maxRank, totalCapacity);
            var rankedMust = choosers.Count(c => c.MustBePlaced && c.RankedOptionIds.Count > 0);
            var openMust = choosers.Count(c => c.MustBePlaced && c.RankedOptionIds.Count == 0);
            var optionalCount = choosers.Count - rankedMust - openMust;

            // Every must-be-placed chooser can reach every option through the hub, so this many of them can always be
            // placed, those with a ranking first. (Placing a ranked chooser instead of one with no preference never
            // costs anyone a better rank: the ranked one can take the other's place.)
            var supply = new Supply(Math.Min(rankedMust, totalCapacity), 0, 0);
            supply = supply with { OpenMust = Math.Min(openMust, totalCapacity - supply.RankedMust) };
            if (optionalCount > 0)
            {
                // How many optional choosers fit beside them (a maximum flow); then exactly that many of each kind are
                // placed at the least cost. Without fixing the split, the cheapest maximum flow could place an optional
                // chooser at their first choice instead of a must-be-placed one.
                var total = Solve(request, optionIndex, costs, supply with { Optional = optionalCount }, exact: false, placements, ranks);
                supply = supply with { Optional = total - supply.RankedMust - supply.OpenMust };
            }

            Solve(request, optionIndex, costs, supply, exact: true, placements, ranks);
        }

        return Describe(request, placements, ranks, maxRank);
    }

    private static Dictionary<Guid, int> Validate(AllocationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request.Choosers);
        ArgumentNullException.ThrowIfNull(request.Options);

        var optionIndex = new Dictionary<Guid, int>(request.Options.Count);
        for (var i = 0; i < request.Options.Count; i++)
        {
            var option = request.Options[i] ?? throw new ArgumentException($"Option {i} is null.", nameof(request));
            if (option.Capacity < 0)
            {
                throw new ArgumentException($"Option {option.Id} has a negative capacity ({option.Capacity}).", nameof(request));
            }

            if (!optionIndex.TryAdd(option.Id, i))
            {
                throw new ArgumentException($"Option {option.Id} appears more than once.", nameof(request));
            }
        }

        var chooserIds = new HashSet<Guid>();
        var ranked = new HashSet<Guid>();
        for (var i = 0; i < request.Choosers.Count; i++)
        {
            var chooser = request.Choosers[i] ?? throw new ArgumentException($"Chooser {i} is null.", nameof(request));
            if (!chooserIds.Add(chooser.Id))
            {
                throw new ArgumentException($"Chooser {chooser.Id} appears more than once.", nameof(request));
            }

            if (chooser.RankedOptionIds is null)
            {
                throw new ArgumentException($"Chooser {chooser.Id} has no ranking list (use an empty list for no preference).", nameof(request));
            }

            ranked.Clear();
            foreach (var optionId in chooser.RankedOptionIds)
            {
                if (!optionIndex.ContainsKey(optionId))
                {
                    throw new ArgumentException($"Chooser {chooser.Id} ranks {optionId}, which is not an option.", nameof(request));
                }

                if (!ranked.Add(optionId))
                {
                    throw new ArgumentException($"Chooser {chooser.Id} ranks option {optionId} more than once.", nameof(request));
                }
            }
        }

        return optionIndex;
    }

    /// <summary>
    /// Builds the flow network, solves it and writes each chooser's option index and rank (0-based; -1 = not placed or
    /// placed through the hub) into <paramref name="placements"/> and <paramref name="ranks"/>. Returns the flow.
    /// </summary>
    private static long Solve(
        AllocationRequest request,
        Dictionary<Guid, int> optionIndex,
        RankCosts costs,
        Supply supply,
        bool exact,
        int[] placements,
        int[] ranks)
    {
        var choosers = request.Choosers;
        var options = request.Options;
        var firstOptionNode = FirstChooserNode + choosers.Count;

        using var flow = new MinCostFlow();
        var rankedArcs = new List<(int Arc, int Chooser, int Option, int Rank)>();
        var hubArcs = new List<(int Arc, int Chooser)>();
        for (var c = 0; c < choosers.Count; c++)
        {
            var chooser = choosers[c];
            var node = FirstChooserNode + c;
            var source = !chooser.MustBePlaced ? OptionalSource
                : chooser.RankedOptionIds.Count > 0 ? RankedMustSource
                : OpenMustSource;
            flow.AddArcWithCapacityAndUnitCost(source, node, 1, 0);
            for (var r = 0; r < chooser.RankedOptionIds.Count; r++)
            {
                var o = optionIndex[chooser.RankedOptionIds[r]];
                var arc = flow.AddArcWithCapacityAndUnitCost(node, firstOptionNode + o, 1, costs.Rank[r]);
                rankedArcs.Add((arc, c, o, r));
            }

            if (chooser.MustBePlaced || chooser.RankedOptionIds.Count == 0)
            {
                hubArcs.Add((flow.AddArcWithCapacityAndUnitCost(node, Hub, 1, costs.Anywhere), c));
            }
        }

        var hubToOption = new int[options.Count];
        for (var o = 0; o < options.Count; o++)
        {
            hubToOption[o] = flow.AddArcWithCapacityAndUnitCost(Hub, firstOptionNode + o, options[o].Capacity, 0);
            flow.AddArcWithCapacityAndUnitCost(firstOptionNode + o, Sink, options[o].Capacity, 0);
        }

        flow.SetNodeSupply(RankedMustSource, supply.RankedMust);
        flow.SetNodeSupply(OpenMustSource, supply.OpenMust);
        flow.SetNodeSupply(OptionalSource, supply.Optional);
        flow.SetNodeSupply(Sink, -supply.Total);

        var status = exact ? flow.Solve() : flow.SolveMaxFlowWithMinCost();
        if (status != MinCostFlowBase.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"The min-cost flow solver returned {status}.");
        }

        Array.Fill(placements, Unplaced);
        Array.Fill(ranks, Unplaced);
        foreach (var (arc, c, o, r) in rankedArcs)
        {
            if (flow.Flow(arc) > 0)
            {
                placements[c] = o;
                ranks[c] = r;
            }
        }

        // Everyone through the hub is placed "where there was room" at the same cost, so pair them with the hub's
        // outflows in input order: chooser order, then option order.
        var option = 0;
        var left = hubArcs.Count == 0 ? 0 : flow.Flow(hubToOption[0]);
        foreach (var (arc, c) in hubArcs)
        {
            if (flow.Flow(arc) == 0)
            {
                continue;
            }

            while (left == 0)
            {
                option++;
                left = flow.Flow(hubToOption[option]);
            }

            placements[c] = option;
            left--;
        }

        return exact ? supply.Total : flow.MaximumFlow();
    }

    private static AllocationResult Describe(AllocationRequest request, int[] placements, int[] ranks, int maxRank)
    {
        var choosers = request.Choosers;
        var byRank = new int[maxRank];
        var noPreference = 0;
        var outside = 0;
        var result = new Dictionary<Guid, Guid?>(choosers.Count);
        var reasons = new Dictionary<Guid, string>(choosers.Count);
        var unplaced = new List<Guid>();
        for (var c = 0; c < choosers.Count; c++)
        {
            var chooser = choosers[c];
            var hasPreference = chooser.RankedOptionIds.Count > 0;
            string reason;
            if (placements[c] == Unplaced)
            {
                result[chooser.Id] = null;
                unplaced.Add(chooser.Id);
                reason = chooser.MustBePlaced || !hasPreference
                    ? "Not placed: every option is full"
                    : "Not placed: none of their choices had room";
            }
            else
            {
                result[chooser.Id] = request.Options[placements[c]].Id;
                if (ranks[c] != Unplaced)
                {
                    byRank[ranks[c]]++;
                    reason = RankReason(ranks[c] + 1);
                }
                else if (hasPreference)
                {
                    outside++;
                    reason = "None of their choices had room: placed where there was room";
                }
                else
                {
                    noPreference++;
                    reason = "No preference: placed where there was room";
                }
            }

            reasons[chooser.Id] = reason;
        }

        return new AllocationResult(result, unplaced, byRank, noPreference, reasons, outside);
    }

    /// <summary>"Placed with their first choice", "Second choice: first choice full", "Fourth choice: first to third choices full".</summary>
    private static string RankReason(int rank)
    {
        if (rank == 1)
        {
            return "Placed with their first choice";
        }

        var better = rank switch
        {
            2 => "first choice",
            3 => "first and second choices",
            _ => $"first to {Ordinal(rank - 1)} choices",
        };
        var ordinal = Ordinal(rank);
        return $"{char.ToUpperInvariant(ordinal[0])}{ordinal[1..]} choice: {better} full";
    }

    private static string Ordinal(int n) => n switch
    {
        1 => "first",
        2 => "second",
        3 => "third",
        4 => "fourth",
        5 => "fifth",
        6 => "sixth",
        7 => "seventh",
        8 => "eighth",
        9 => "ninth",
        10 => "tenth",
        _ => n.ToString(CultureInfo.InvariantCulture) + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch
        {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        }),
    };

    /// <summary>How many must-be-placed choosers with a ranking, with no preference, and optional choosers to place.</summary>
    private sealed record Supply(long RankedMust, long OpenMust, long Optional)
    {
        public long Total => RankedMust + OpenMust + Optional;
    }

    /// <summary>
    /// Arc costs. With profit <c>b^(R-r)</c> for rank r (1-based) of R and 0 for a place "anywhere", the total profit
    /// is a number whose base-b digits are the counts of first, second, … choices. No count reaches b, so a larger
    /// profit means more first choices, or as many and more second choices, and so on. Costs are
    /// <c>b^(R-1) - profit</c>, so all are non-negative and the cheapest flow of a given size is rank-maximal.
    /// </summary>
    private sealed record RankCosts(long[] Rank, long Anywhere)
    {
        public static RankCosts For(AllocationRequest request, int maxRank, long totalCapacity)
        {
            var rankedChoosers = request.Choosers.Count(c => c.RankedOptionIds.Count > 0);
            var nodes = FirstChooserNode + (long)request.Choosers.Count + request.Options.Count;
            var @base = Math.Min(rankedChoosers, totalCapacity) + 1;
            try
            {
                checked
                {
                    var profits = new long[maxRank];
                    var profit = 1L;
                    for (var r = maxRank - 1; r >= 0; r--)
                    {
                        profits[r] = profit;
                        if (r > 0)
                        {
                            profit *= @base;
                        }
                    }

                    var top = maxRank == 0 ? 0 : profits[0];

                    // The solver multiplies costs by (nodes + 1) (and reports BAD_COST_RANGE itself if that will not
                    // fit); refuse early, with a margin, and make sure a whole flow's cost fits too.
                    _ = top * (nodes + 1) * 4;
                    _ = top * 4 * Math.Max(1, request.Choosers.Count);
                    return new RankCosts([.. profits.Select(p => top - p)], top);
                }
            }
            catch (OverflowException)
            {
                throw new ArgumentException(
                    $"{request.Choosers.Count} choosers with rankings of up to {maxRank} choices need rank costs beyond 64 bits; "
                    + "shorten the rankings or split the request.",
                    nameof(request));
            }
        }
    }
}

using School.Application.Common.Allocation;

namespace School.Application.Tests.Allocation;

public class RankedChoiceAllocatorTests
{
    private static readonly Guid _a = Id(0xA);
    private static readonly Guid _b = Id(0xB);
    private static readonly Guid _c = Id(0xC);
    private static readonly Guid _d = Id(0xD);
    private static readonly Guid _e = Id(0xE);

    [Fact]
    public void EmptyRequest_GivesAnEmptyAllocation()
    {
        var result = RankedChoiceAllocator.Allocate(new AllocationRequest([], []));

        Assert.Empty(result.Placements);
        Assert.Empty(result.Unplaced);
        Assert.Empty(result.ByRank);
        Assert.Equal(0, result.NoPreferencePlaced);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public void ChoosersButNoOptions_AreAllUnplacedBecauseEveryOptionIsFull()
    {
        var x = Chooser(1, _a);
        var y = Chooser(2);

        var result = RankedChoiceAllocator.Allocate(new AllocationRequest([x, y], [new Option(_a, 0)]));

        Assert.Equal([x.Id, y.Id], result.Unplaced);
        Assert.All(result.Placements.Values, Assert.Null);
        Assert.Equal("Not placed: every option is full", result.Reasons[x.Id]);
        Assert.Equal([0], result.ByRank);
    }

    [Fact]
    public void EveryoneGetsTheirFirstChoice_WhenThereIsRoom()
    {
        var choosers = Enumerable.Range(1, 6).Select(i => Chooser(i, i % 2 == 0 ? _a : _b, _c)).ToList();

        var result = RankedChoiceAllocator.Allocate(new AllocationRequest(choosers, [new(_a, 3), new(_b, 3), new(_c, 1)]));

        Assert.Equal([6, 0], result.ByRank);
        Assert.All(choosers, c => Assert.Equal(c.RankedOptionIds[0], result.Placements[c.Id]));
        Assert.All(result.Reasons.Values, r => Assert.Equal("Placed with their first choice", r));
    }

    [Fact]
    public void CapacityIsRespected_AndTheOverflowGetsTheirSecondChoiceWithTheReason()
    {
        var choosers = Enumerable.Range(1, 5).Select(i => Chooser(i, _a, _b)).ToList();

        var result = RankedChoiceAllocator.Allocate(new AllocationRequest(choosers, [new(_a, 2), new(_b, 10)]));

        Assert.Equal(2, result.Placements.Values.Count(p => p == _a));
        Assert.Equal(3, result.Placements.Values.Count(p => p == _b));
        Assert.Equal([2, 3], result.ByRank);
        Assert.Equal(3, result.Reasons.Values.Count(r => r == "Second choice: first choice full"));
    }

    [Fact]
    public void OneMoreFirstChoice_BeatsTwoMoreSecondChoices()
    {
        // x = A, y = B, z = D (z's fourth) gives 2 first choices and a fourth: ranks 1 + 1 + 4 = 6.
        // z = A, x = B, y = C gives 1 first and 2 seconds: ranks 1 + 2 + 2 = 5, which a sum of ranks would prefer.
        var f = Id(0xF);
        var x = Chooser(1, _a, _b);
        var y = Chooser(2, _b, _c);
        var z = Chooser(3, _a, _e, f, _d);

        var result = RankedChoiceAllocator.Allocate(new AllocationRequest(
            [x, y, z],
            [new(_a, 1), new(_b, 1), new(_c, 1), new(_d, 1), new(_e, 0), new(f, 0)]));

        Assert.Equal([2, 0, 0, 1], result.ByRank);
        Assert.Equal(_a, result.Placements[x.Id]);
        Assert.Equal(_b, result.Placements[y.Id]);
        Assert.Equal(_d, result.Placements[z.Id]);
        Assert.Equal("Fourth choice: first to third choices full", result.Reasons[z.Id]);
    }

    [Fact]
    public void PlacingEveryone_ComesBeforeRanks()
    {
        // Giving x its first choice (A) would leave y, who only wants A, out.
        var x = Chooser(1, _a, _b);
        var y = Chooser(2, _a);

        var result = RankedChoiceAllocator.Allocate(new AllocationRequest([x, y], [new(_a, 1), new(_b, 1)]));

        Assert.Equal(_b, result.Placements[x.Id]);
        Assert.Equal(_a, result.Placements[y.Id]);
        Assert.Equal([1, 1], result.ByRank);
    }

    [Fact]
    public void WhenEverythingIsFull_TheRestAreUnplacedWithTheReason()
    {
        var choosers = Enumerable.Range(1, 4).Select(i => Chooser(i, _a, _b)).ToList();

        var result = RankedChoiceAllocator.Allocate(new AllocationRequest(choosers, [new(_a, 1), new(_b, 1)]));

        // Which two is a tie the solver breaks (deterministically); the count and the reason are what is promised.
        Assert.Equal(2, result.Unplaced.Count);
        Assert.All(result.Unplaced, id => Assert.Equal("Not placed: every option is full", result.Reasons[id]));
        Assert.Equal([1, 1], result.ByRank);
    }

    [Fact]
    public void NoPreferenceChoosers_FillTheSparePlaces_AfterRankedChoosers()
    {
        var ranked = Enumerable.Range(1, 3).Select(i => Chooser(i, _a)).ToList();
        var open = Enumerable.Range(10, 3).Select(i => Chooser(i)).ToList();

        // A takes 2, B takes 2: two ranked choosers get A, one goes where there is room (B), one no-preference chooser
        // gets the last place and two are left out.
        var result = RankedChoiceAllocator.Allocate(new AllocationRequest([.. open, .. ranked], [new(_a, 2), new(_b, 2)]));

        Assert.Equal([2], result.ByRank);
        Assert.Equal(1, result.PlacedOutsideChoices);
        Assert.Equal(1, result.NoPreferencePlaced);
        Assert.Equal(2, result.Unplaced.Count);
        Assert.All(result.Unplaced, id => Assert.Contains(open, c => c.Id == id));
        Assert.Single(result.Reasons.Values, r => r == "No preference: placed where there was room");
        Assert.Single(result.Reasons.Values, r => r == "None of their choices had room: placed where there was room");
    }

    [Fact]
    public void NoPreferenceChoosers_AreSpreadOverEveryOptionWithRoom()
    {
        var open = Enumerable.Range(1, 5).Select(i => Chooser(i)).ToList();

        var result = RankedChoiceAllocator.Allocate(new AllocationRequest(open, [new(_a, 2), new(_b, 0), new(_c, 3)]));

        Assert.Equal(5, result.NoPreferencePlaced);
        Assert.Equal(2, result.Placements.Values.Count(p => p == _a));
        Assert.Equal(3, result.Placements.Values.Count(p => p == _c));
        Assert.Empty(result.ByRank);
    }

    [Fact]
    public void OptionalChoosers_AreNeverPlacedOutsideTheirChoices_NorAheadOfMustBePlacedOnes()
    {
        var optional = Chooser(1, _a) with { MustBePlaced = false };
        var must = Chooser(2, _b);
        var other = Chooser(3, _c) with { MustBePlaced = false };

        // One place in A, none in B or C: the must-be-placed chooser takes it (outside their choices), the optional
        // ones stay out, each for their own reason.
        var result = RankedChoiceAllocator.Allocate(
            new AllocationRequest([optional, must, other], [new(_a, 1), new(_b, 0), new(_c, 0)]));

        Assert.Equal(_a, result.Placements[must.Id]);
        Assert.Equal([optional.Id, other.Id], result.Unplaced);
        Assert.Equal("Not placed: none of their choices had room", result.Reasons[optional.Id]);
        Assert.Equal("None of their choices had room: placed where there was room", result.Reasons[must.Id]);
    }

    [Fact]
    public void OptionalChoosers_StillGetTheirChoice_WhenItCostsNobodyAPlace()
    {
        var optional = Chooser(1, _a, _b) with { MustBePlaced = false };
        var must = Chooser(2, _a);

        var result = RankedChoiceAllocator.Allocate(new AllocationRequest([optional, must], [new(_a, 1), new(_b, 1)]));

        Assert.Equal(_a, result.Placements[must.Id]);
        Assert.Equal(_b, result.Placements[optional.Id]);
        Assert.Equal("Second choice: first choice full", result.Reasons[optional.Id]);
    }

    [Fact]
    public void SameInput_GivesTheSameAllocation()
    {
        var random = new Random(7);
        var options = Enumerable.Range(0, 8).Select(i => new Option(Id(100 + i), random.Next(0, 6))).ToList();
        var choosers = Enumerable.Range(0, 40)
            .Select(i => new Chooser(Id(1000 + i), [.. options.OrderBy(_ => random.Next()).Take(random.Next(0, 4)).Select(o => o.Id)]))
            .ToList();

        var first = RankedChoiceAllocator.Allocate(new AllocationRequest(choosers, options));
        var second = RankedChoiceAllocator.Allocate(new AllocationRequest([.. choosers], [.. options]));

        Assert.Equal(first.Placements.ToList(), second.Placements.ToList());
        Assert.Equal(first.Reasons.ToList(), second.Reasons.ToList());
        Assert.Equal(first.Unplaced, second.Unplaced);
        Assert.Equal(first.ByRank, second.ByRank);
    }

    [Fact]
    public void ProgrammingErrors_AreRejected()
    {
        var options = new List<Option> { new(_a, 1), new(_b, 1) };

        Assert.Throws<ArgumentException>(() => RankedChoiceAllocator.Allocate(new AllocationRequest([Chooser(1, _c)], options)));
        Assert.Throws<ArgumentException>(() => RankedChoiceAllocator.Allocate(new AllocationRequest([Chooser(1)], [new(_a, -1)])));
        Assert.Throws<ArgumentException>(() => RankedChoiceAllocator.Allocate(new AllocationRequest([Chooser(1)], [new(_a, 1), new(_a, 2)])));
        Assert.Throws<ArgumentException>(() => RankedChoiceAllocator.Allocate(new AllocationRequest([Chooser(1), Chooser(1)], options)));
        Assert.Throws<ArgumentException>(() => RankedChoiceAllocator.Allocate(new AllocationRequest([Chooser(1, _a, _a)], options)));
    }

    /// <summary>
    /// Random small instances (up to 6 choosers × 3 options, some optional, some without preference) against every
    /// possible allocation: the allocator must be as good as the best one on (must-be-placed placed, placed, first
    /// choices, second choices, …), respect every capacity, and every reason must be true.
    /// </summary>
    [Fact]
    public void SmallRandomInstances_MatchABruteForceOptimum()
    {
        var random = new Random(20260901);
        for (var instance = 0; instance < 400; instance++)
        {
            var options = Enumerable.Range(0, random.Next(1, 4)).Select(i => new Option(Id(100 + i), random.Next(0, 3))).ToList();
            var choosers = Enumerable.Range(0, random.Next(0, 7))
                .Select(i => new Chooser(
                    Id(1000 + i),
                    [.. options.OrderBy(_ => random.Next()).Take(random.Next(0, options.Count + 1)).Select(o => o.Id)],
                    random.Next(4) != 0))
                .ToList();
            var request = new AllocationRequest(choosers, options);

            var result = RankedChoiceAllocator.Allocate(request);

            var context = $"instance {instance}";
            foreach (var option in options)
            {
                Assert.True(result.Placements.Values.Count(p => p == option.Id) <= option.Capacity, context);
            }

            Assert.Equal(Best(request), Score(request, c => result.Placements[c.Id]));
            Assert.Equal(result.Placements.Where(p => p.Value is null).Select(p => p.Key), result.Unplaced);
            AssertReasonsHold(request, result, context);
        }
    }

    private static void AssertReasonsHold(AllocationRequest request, AllocationResult result, string context)
    {
        bool Full(Guid option) =>
            result.Placements.Values.Count(p => p == option) == request.Options.Single(o => o.Id == option).Capacity;

        foreach (var chooser in request.Choosers)
        {
            var placed = result.Placements[chooser.Id];
            var reason = result.Reasons[chooser.Id];
            var rank = placed is { } p ? chooser.RankedOptionIds.ToList().IndexOf(p) : -1;
            if (placed is null)
            {
                var mustBeFull = chooser.MustBePlaced || chooser.RankedOptionIds.Count == 0
                    ? request.Options.Select(o => o.Id)
                    : chooser.RankedOptionIds;
                Assert.True(mustBeFull.All(Full), $"{context}: {reason}");
            }
            else if (rank >= 0)
            {
                Assert.True(chooser.RankedOptionIds.Take(rank).All(Full), $"{context}: {reason}");
                Assert.StartsWith(rank == 0 ? "Placed with their first choice" : "", reason, StringComparison.Ordinal);
            }
            else
            {
                Assert.True(chooser.MustBePlaced || chooser.RankedOptionIds.Count == 0, context);
                Assert.True(chooser.RankedOptionIds.All(Full), $"{context}: {reason}");
            }
        }
    }

    private static int[] Best(AllocationRequest request)
    {
        var best = Score(request, _ => null);
        var choice = new Guid?[request.Choosers.Count];
        var allowed = request.Choosers
            .Select(c => new Guid?[] { null }.Concat(
                c.MustBePlaced || c.RankedOptionIds.Count == 0 ? request.Options.Select(o => (Guid?)o.Id) : c.RankedOptionIds.Select(o => (Guid?)o)).ToArray())
            .ToArray();

        void Walk(int i)
        {
            if (i == choice.Length)
            {
                var score = Score(request, c => choice[request.Choosers.ToList().IndexOf(c)]);
                if (score.Zip(best).SkipWhile(p => p.First == p.Second).FirstOrDefault() is var (mine, theirs) && mine > theirs)
                {
                    best = score;
                }

                return;
            }

            foreach (var option in allowed[i])
            {
                choice[i] = option;
                if (option is not { } o || choice.Take(i + 1).Count(x => x == o) <= request.Options.Single(x => x.Id == o).Capacity)
                {
                    Walk(i + 1);
                }
            }
        }

        Walk(0);
        return best;
    }

    /// <summary>(must-be-placed placed, placed, first choices, second choices, third choices, placed with a ranking).</summary>
    private static int[] Score(AllocationRequest request, Func<Chooser, Guid?> placement)
    {
        var score = new int[6];
        foreach (var chooser in request.Choosers)
        {
            if (placement(chooser) is not { } option)
            {
                continue;
            }

            score[0] += chooser.MustBePlaced ? 1 : 0;
            score[1]++;
            score[5] += chooser.RankedOptionIds.Count > 0 ? 1 : 0;
            var rank = chooser.RankedOptionIds.ToList().IndexOf(option);
            if (rank >= 0)
            {
                score[2 + rank]++;
            }
        }

        return score;
    }

    private static Chooser Chooser(int n, params Guid[] ranked) => new(Id(n), ranked);

    private static Guid Id(int n) => new($"00000000-0000-0000-0000-{n:x12}");
}

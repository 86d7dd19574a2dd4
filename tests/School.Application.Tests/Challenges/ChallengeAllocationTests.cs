using School.Application.Common.Allocation;
using School.Domain.Challenges;

namespace School.Application.Tests.Challenges;

/// <summary>
/// The building blocks of the challenge allocation: the shared <see cref="RankedChoiceAllocator"/> given a menu's
/// challenges (options in challenge-id order, capacities from the challenges) checked against brute force, and
/// <see cref="ChallengeTeam.Split"/>. <c>ChallengeFallbackTests</c> drives <c>AllocateChallengeMenuCommandHandler.Allocate</c> itself.
/// </summary>
public class ChallengeAllocationTests
{
    private static readonly DateTimeOffset Opens = new(2027, 5, 10, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Random small menus (6 pupils, 3 challenges with 0–3 places, each pupil ranking 2, about one in six not choosing)
    /// against every possible assignment: the allocation's (placed, first choices, second choices) is the lexicographically
    /// best, no capacity is exceeded, and every pupil appears exactly once.
    /// </summary>
    [Fact]
    public void SmallRandomMenus_AreRankMaximal_AgainstBruteForce()
    {
        var random = new Random(20270521);
        for (var instance = 0; instance < 500; instance++)
        {
            var menu = Menu(Enumerable.Range(0, 3).Select(_ => random.Next(0, 4)).ToArray());
            var challengeIds = menu.Challenges.Select(c => c.Id).ToList();
            var choosers = Enumerable.Range(0, 6)
                .Select(i => new Chooser(
                    Id(1000 + i),
                    random.Next(6) == 0 ? [] : [.. challengeIds.OrderBy(_ => random.Next()).Take(2)]))
                .ToList();
            var request = Request(menu, choosers);
            var context = $"instance {instance}";

            var result = RankedChoiceAllocator.Allocate(request);

            Assert.Equal(choosers.Select(c => c.Id).Order(), result.Placements.Keys.Order());
            foreach (var challenge in menu.Challenges)
            {
                Assert.True(result.Placements.Values.Count(p => p == challenge.Id) <= challenge.Capacity, context);
            }

            var score = Score(choosers, c => result.Placements[c.Id]);
            Assert.Equal(BruteForceBest(menu, choosers), score);
            Assert.Equal(score[1..], result.ByRank.Concat(Enumerable.Repeat(0, 2)).Take(2).ToArray());
            Assert.Equal(result.Placements.Where(p => p.Value is null).Select(p => p.Key), result.Unplaced);
        }
    }

    [Fact]
    public void SameMenuAndChoices_GiveTheSamePlacements()
    {
        var random = new Random(15);
        var menu = Menu(Enumerable.Range(0, 8).Select(_ => random.Next(0, 12)).ToArray());
        var ids = menu.Challenges.Select(c => c.Id).ToList();
        var choosers = Enumerable.Range(0, 60)
            .Select(i => new Chooser(Id(1000 + i), random.Next(10) == 0 ? [] : [.. ids.OrderBy(_ => random.Next()).Take(5)]))
            .ToList();

        var first = RankedChoiceAllocator.Allocate(Request(menu, choosers));
        var second = RankedChoiceAllocator.Allocate(Request(menu, [.. choosers.Select(c => c with { RankedOptionIds = [.. c.RankedOptionIds] })]));

        Assert.Equal(first.Placements.ToList(), second.Placements.ToList());
        Assert.Equal(first.ByRank, second.ByRank);
        Assert.Equal(first.Unplaced, second.Unplaced);
        Assert.Equal(first.Reasons.ToList(), second.Reasons.ToList());
    }

    /// <summary>A challenge with no places takes nobody, even those who ranked it first; they go where there is room.</summary>
    [Fact]
    public void AChallengeWithNoPlaces_TakesNobody()
    {
        var menu = Menu(0, 2, 2);
        var full = menu.Challenges[0].Id;
        var choosers = Enumerable.Range(0, 4).Select(i => new Chooser(Id(1000 + i), [full, menu.Challenges[1 + (i % 2)].Id])).ToList();

        var result = RankedChoiceAllocator.Allocate(Request(menu, choosers));

        Assert.DoesNotContain(full, result.Placements.Values);
        Assert.Equal([0, 4], result.ByRank);
    }

    /// <summary>When the sizes allow it (k teams of min..max exist, or fewer pupils than the minimum), every team is within min and max and sizes differ by at most one.</summary>
    [Fact]
    public void Split_KeepsEveryTeamWithinItsSize_WhenTheSizesAllowIt()
    {
        for (var min = 1; min <= 6; min++)
        {
            for (var max = min; max <= 9; max++)
            {
                for (var n = 0; n <= 60; n++)
                {
                    var feasible = n < min || Enumerable.Range(1, n).Any(k => k * min <= n && n <= k * max);
                    if (!feasible)
                    {
                        continue;
                    }

                    var members = Members(n, seed: n);
                    var teams = ChallengeTeam.Split(members, min, max);
                    var context = $"{n} pupils, teams of {min}–{max}";

                    Assert.Equal(members.Select(m => m.StudentId).Order(), teams.SelectMany(t => t).Order());
                    Assert.All(teams, t => Assert.InRange(t.Count, Math.Min(min, n), max));
                    if (teams.Count > 0)
                    {
                        Assert.True(teams.Max(t => t.Count) - teams.Min(t => t.Count) <= 1, context);
                        Assert.Equal((n + max - 1) / max, teams.Count); // as few teams as the maximum allows
                    }
                }
            }
        }
    }

    /// <summary>
    /// The rule as stated: a team is never larger than the challenge's maximum. The first cases have sizes that fit; the
    /// last three cannot meet both the minimum and the maximum (7 pupils in teams of 4–6, 11 in teams of 4–5, 5 in teams
    /// of exactly 4 — the first is the demo menu's commonest team size with 7 of its 12 places taken).
    /// </summary>
    [Theory]
    [InlineData(24, 4, 6)]
    [InlineData(13, 6, 8)]
    [InlineData(3, 4, 6)]
    [InlineData(200, 1, 100)]
    [InlineData(7, 4, 6)]
    [InlineData(11, 4, 5)]
    [InlineData(5, 4, 4)]
    public void Split_NeverMakesATeamLargerThanTheMaximum(int pupils, int min, int max)
    {
        var members = Members(pupils, seed: pupils);

        var teams = ChallengeTeam.Split(members, min, max);

        Assert.Equal(members.Select(m => m.StudentId).Order(), teams.SelectMany(t => t).Order());
        Assert.All(teams, t => Assert.True(t.Count <= max, $"A team of {t.Count} for {pupils} pupils in teams of {min}–{max}: {string.Join(", ", teams.Select(x => x.Count))}."));
    }

    /// <summary>Years are dealt round the teams: each year's pupils are spread over the teams as evenly as possible.</summary>
    [Fact]
    public void Split_MixesYearGroups_AcrossTheTeams()
    {
        var random = new Random(789);
        for (var instance = 0; instance < 200; instance++)
        {
            var max = random.Next(3, 9);
            var min = random.Next(1, max + 1);
            var members = Members(random.Next(1, 80), seed: instance);

            var teams = ChallengeTeam.Split(members, min, max);

            var years = members.ToDictionary(m => m.StudentId, m => m.YearGroup);
            foreach (var year in members.Select(m => m.YearGroup).Distinct())
            {
                var perTeam = teams.Select(t => t.Count(id => years[id] == year)).ToList();
                Assert.True(perTeam.Max() - perTeam.Min() <= 1, $"instance {instance}: Year {year} per team {string.Join(", ", perTeam)}");
            }
        }

        // Thirty pupils, ten from each of Years 7–9, in teams of up to six: five teams, each with two of every year.
        var thirty = Enumerable.Range(0, 30).Select(i => (Id(i), 7 + (i % 3))).ToList();
        var split = ChallengeTeam.Split(thirty, 4, 6);
        Assert.Equal(5, split.Count);
        var yearOf = thirty.ToDictionary(m => m.Item1, m => m.Item2);
        Assert.All(split, t => Assert.Equal([2, 2, 2], t.GroupBy(id => yearOf[id]).OrderBy(g => g.Key).Select(g => g.Count())));
    }

    [Fact]
    public void Split_DoesNotDependOnTheOrderPupilsArriveIn()
    {
        var members = Members(37, seed: 37);
        var random = new Random(3);
        var shuffled = members.OrderBy(_ => random.Next()).ToList();

        var first = ChallengeTeam.Split(members, 4, 6);
        var second = ChallengeTeam.Split(shuffled, 4, 6);

        Assert.Equal(first.Select(t => t.ToList()), second.Select(t => t.ToList()));
    }

    /// <summary>A menu for Years 7–9 with one challenge per capacity, added through the domain (ids in ascending order).</summary>
    private static ChallengeMenu Menu(params int[] capacities)
    {
        var menu = ChallengeMenu.Create(Id(1), Id(2), "Challenges", null, Opens, Opens.AddDays(11), 2, new DateOnly(2027, 7, 15));
        for (var i = 0; i < capacities.Length; i++)
        {
            var added = menu.AddChallenge(Id(100 + i), new ChallengeDetails($"Challenge {i}", null, 1, 6, capacities[i], [], null, false, null));
            Assert.True(added.IsSuccess);
        }

        return menu;
    }

    /// <summary>The request as the handler builds it: every pupil must be placed, options in challenge-id order with the challenges' capacities.</summary>
    private static AllocationRequest Request(ChallengeMenu menu, IReadOnlyList<Chooser> choosers) =>
        new(choosers, [.. menu.Challenges.OrderBy(c => c.Id).Select(c => new Option(c.Id, c.Capacity))]);

    /// <summary>The lexicographically best (placed, first choices, second choices) over every assignment within capacity.</summary>
    private static int[] BruteForceBest(ChallengeMenu menu, List<Chooser> choosers)
    {
        var capacity = menu.Challenges.ToDictionary(c => c.Id, c => c.Capacity);
        var options = new Guid?[] { null }.Concat(menu.Challenges.Select(c => (Guid?)c.Id)).ToArray();
        var choice = new Guid?[choosers.Count];
        var used = capacity.Keys.ToDictionary(id => id, _ => 0);
        var best = new int[3];

        void Walk(int i)
        {
            if (i == choosers.Count)
            {
                var score = Score(choosers, c => choice[choosers.ToList().IndexOf(c)]);
                if (Compare(score, best) > 0)
                {
                    best = score;
                }

                return;
            }

            foreach (var option in options)
            {
                if (option is { } o && used[o] == capacity[o])
                {
                    continue;
                }

                choice[i] = option;
                if (option is { } taken)
                {
                    used[taken]++;
                }

                Walk(i + 1);
                if (option is { } released)
                {
                    used[released]--;
                }
            }
        }

        Walk(0);
        return best;
    }

    /// <summary>(placed, placed with their first choice, placed with their second choice).</summary>
    private static int[] Score(List<Chooser> choosers, Func<Chooser, Guid?> placement)
    {
        var score = new int[3];
        foreach (var chooser in choosers)
        {
            if (placement(chooser) is not { } challenge)
            {
                continue;
            }

            score[0]++;
            var rank = chooser.RankedOptionIds.ToList().IndexOf(challenge);
            if (rank >= 0)
            {
                score[1 + rank]++;
            }
        }

        return score;
    }

    private static int Compare(int[] a, int[] b) =>
        a.Zip(b).Select(p => p.First.CompareTo(p.Second)).FirstOrDefault(c => c != 0);

    /// <summary><paramref name="count"/> pupils from Years 7–9, years drawn at random.</summary>
    private static List<(Guid StudentId, int YearGroup)> Members(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i => (Id(5000 + i), random.Next(7, 10))).ToList();
    }

    private static Guid Id(int n) => new($"00000000-0000-0000-0000-{n:x12}");
}

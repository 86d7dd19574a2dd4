using School.Application.Challenges;
using School.Application.Challenges.Allocation;
using School.Domain.Challenges;
using Pupil = School.Application.Challenges.Allocation.AllocateChallengeMenuCommandHandler.Pupil;

namespace School.Application.Tests.Challenges;

/// <summary>
/// <see cref="AllocateChallengeMenuCommandHandler.Allocate"/> called directly: pupils who chose are placed only among
/// their choices (as many as possible, then rank-maximal); everyone else only in a challenge open to their year that needs
/// no guardian consent, year by year so a year with fewer options is not crowded out.
/// </summary>
public class ChallengeFallbackTests
{
    private static readonly DateTimeOffset Opens = new(2027, 5, 10, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Only an open-to-all challenge without consent can take pupils who did not choose: the Year 9-only one and the one
    /// needing consent stay empty however much room they have, and the pupil left over is unplaced, not put there.
    /// </summary>
    [Fact]
    public void APupilWhoDidNotChoose_IsNeverPlacedWhereTheirYearIsNotAllowedOrConsentIsNeeded()
    {
        var menu = Menu(3);
        var yearNine = Add(menu, 1, capacity: 10, years: [9]);
        var consent = Add(menu, 2, capacity: 10, consent: true);
        var open = Add(menu, 3, capacity: 1);
        List<Pupil> pupils = [new(Id(1001), 7), new(Id(1002), 7), new(Id(1003), 8)];

        var (result, placements) = AllocateChallengeMenuCommandHandler.Allocate(menu, pupils, new Dictionary<Guid, IReadOnlyList<Guid>>());

        Assert.DoesNotContain(placements, p => p.ChallengeId == yearNine || p.ChallengeId == consent);
        Assert.Single(placements, p => p.ChallengeId == open);
        Assert.Equal(1, result.NoChoicePlaced);
        Assert.Equal(2, result.Unplaced);
        Assert.All(placements.Where(p => p.ChallengeId is null), p => Assert.Equal("No challenge open to their year had room left.", p.Reason));
        Assert.All(placements, p => Assert.Null(p.Rank));
    }

    /// <summary>
    /// A pupil who chose but none of whose choices had room is placed by the same rule: never in the Year 9-only or the
    /// consent challenge they did not ask for.
    /// </summary>
    [Fact]
    public void APupilWhoseChoicesAreFull_IsPlacedOnlyWhereTheirYearIsAllowedWithoutConsent()
    {
        var menu = Menu(1);
        var popular = Add(menu, 1, capacity: 1);
        var yearNine = Add(menu, 2, capacity: 5, years: [9]);
        var consent = Add(menu, 3, capacity: 5, consent: true);
        var open = Add(menu, 4, capacity: 1);
        List<Pupil> pupils = [new(Id(1001), 8), new(Id(1002), 8), new(Id(1003), 8)];
        var rankings = pupils.ToDictionary(p => p.StudentId, IReadOnlyList<Guid> (_) => [popular]);

        var (result, placements) = AllocateChallengeMenuCommandHandler.Allocate(menu, pupils, rankings);

        Assert.Single(placements, p => p.ChallengeId == popular && p.Rank == 1);
        var outside = Assert.Single(placements, p => p.ChallengeId == open);
        Assert.Null(outside.Rank);
        Assert.Equal("None of their choices had room: placed where there was room.", outside.Reason);
        Assert.DoesNotContain(placements, p => p.ChallengeId == yearNine || p.ChallengeId == consent);
        Assert.Equal((1, 1, 1), (result.ByRank[0], result.PlacedOutsideChoices, result.Unplaced));
    }

    /// <summary>
    /// Nested eligibility: Year 7 can go only to the open challenge, Year 9 to it or the Year 9-only one. The Year 9 pupils
    /// come first in id order, yet the Year 7 pupils are not crowded out: everyone is placed, Year 7 in the open challenge.
    /// </summary>
    [Fact]
    public void AYearWithFewerOptions_IsNotCrowdedOut_ByAYearNineOnlyChallenge()
    {
        var menu = Menu(3);
        var open = Add(menu, 1, capacity: 2);
        var yearNine = Add(menu, 2, capacity: 3, years: [9]);
        List<Pupil> pupils = [new(Id(1001), 9), new(Id(1002), 9), new(Id(1003), 9), new(Id(1004), 7), new(Id(1005), 7)];

        var (result, placements) = AllocateChallengeMenuCommandHandler.Allocate(menu, pupils, new Dictionary<Guid, IReadOnlyList<Guid>>());

        Assert.Equal(0, result.Unplaced);
        Assert.Equal(5, result.NoChoicePlaced);
        Assert.All(placements.Where(p => p.StudentId == Id(1004) || p.StudentId == Id(1005)), p => Assert.Equal(open, p.ChallengeId));
        Assert.All(placements.Take(3), p => Assert.Equal(yearNine, p.ChallengeId));
    }

    /// <summary>Two pupils first-choose a challenge with one place: one gets it (rank 1), the other their second choice.</summary>
    [Fact]
    public void TwoPupilsFirstChoosingOnePlace_OneGetsIt_TheOtherTheirSecondChoice()
    {
        var menu = Menu(2);
        var scarce = Add(menu, 1, capacity: 1);
        var second = new[] { Add(menu, 2, capacity: 1), Add(menu, 3, capacity: 1) };
        List<Pupil> pupils = [new(Id(1001), 7), new(Id(1002), 8)];
        var rankings = new Dictionary<Guid, IReadOnlyList<Guid>> { [Id(1001)] = [scarce, second[0]], [Id(1002)] = [scarce, second[1]] };

        var (result, placements) = AllocateChallengeMenuCommandHandler.Allocate(menu, pupils, rankings);

        Assert.Equal([1, 1], result.ByRank);
        Assert.Equal([1, 2], placements.Select(p => p.Rank!.Value).Order());
        Assert.All(placements, p => Assert.Equal(rankings[p.StudentId][p.Rank!.Value - 1], p.ChallengeId));
        Assert.Equal((0, 0, 0), (result.NoChoicePlaced, result.PlacedOutsideChoices, result.Unplaced));
    }

    /// <summary>
    /// Placing pupils among their choices comes before first choices. Giving A and B as first choices (2 firsts) would send
    /// the third pupil outside their choices; the allocation instead places all three among their choices: P3 first
    /// choice B, P1 second choice C, P2 second choice A.
    /// </summary>
    [Fact]
    public void PlacingPupilsAmongTheirChoices_ComesBeforeFirstChoices()
    {
        var menu = Menu(2);
        var a = Add(menu, 1, capacity: 1);
        var b = Add(menu, 2, capacity: 1);
        var c = Add(menu, 3, capacity: 1);
        List<Pupil> pupils = [new(Id(1001), 7), new(Id(1002), 7), new(Id(1003), 7)];
        var rankings = new Dictionary<Guid, IReadOnlyList<Guid>> { [Id(1001)] = [a, c], [Id(1002)] = [b, a], [Id(1003)] = [b] };

        var (result, placements) = AllocateChallengeMenuCommandHandler.Allocate(menu, pupils, rankings);

        Assert.Equal([(Id(1001), c, 2), (Id(1002), a, 2), (Id(1003), b, 1)], placements.Select(p => (p.StudentId, p.ChallengeId!.Value, p.Rank!.Value)));
        Assert.Equal([1, 2], result.ByRank);
        Assert.Equal(0, result.PlacedOutsideChoices);
    }

    /// <summary>
    /// Random small menus (year-restricted and consent challenges, some pupils not choosing, some rankings naming a
    /// challenge since closed to their year) against every assignment of the choosers to their choices: the placements
    /// among choices are the lexicographically best (placed, first choices, second, third); everyone else is placed only
    /// where their year is allowed without consent; nobody is unplaced while such a challenge, or one of their choices,
    /// has room; no capacity is exceeded; the counts match the placements.
    /// </summary>
    [Fact]
    public void SmallRandomMenus_AreRankMaximalAmongChoices_AndFallBackOnlyWhereAllowed()
    {
        var random = new Random(20270612);
        for (var instance = 0; instance < 400; instance++)
        {
            var (menu, pupils, rankings) = RandomInstance(random, challenges: 4, maxPlaces: 3, pupilCount: 6, choices: 3);
            var context = $"instance {instance}";

            var (result, placements) = AllocateChallengeMenuCommandHandler.Allocate(menu, pupils, rankings);

            var choices = OpenChoices(menu, pupils, rankings);
            AssertValid(menu, pupils, choices, result.Pupils, placements, context);
            var inChoices = placements.ToDictionary(p => p.StudentId, p => p.Rank is null ? null : p.ChallengeId);
            var choosers = pupils.Where(p => choices[p.StudentId].Count > 0).ToList();
            Assert.True(BruteForceBest(menu, choosers, choices).SequenceEqual(Score(choosers, choices, inChoices)), context);

            Assert.Equal(Enumerable.Range(1, result.ByRank.Count).Select(r => placements.Count(p => p.Rank == r)), result.ByRank);
            Assert.Equal(placements.Count(p => p.ChallengeId is not null && p.Rank is null && choices[p.StudentId].Count == 0), result.NoChoicePlaced);
            Assert.Equal(placements.Count(p => p.ChallengeId is not null && p.Rank is null && choices[p.StudentId].Count > 0), result.PlacedOutsideChoices);
            Assert.Equal(placements.Count(p => p.ChallengeId is null), result.Unplaced);
        }
    }

    /// <summary>The same menu, pupils and rankings (the same objects, or rebuilt from the same seed) give the same placements.</summary>
    [Fact]
    public void SameMenuPupilsAndRankings_GiveTheSamePlacements()
    {
        var (menu, pupils, rankings) = RandomInstance(new Random(35), challenges: 12, maxPlaces: 45, pupilCount: 300, choices: 4);
        var (rebuiltMenu, rebuiltPupils, rebuiltRankings) = RandomInstance(new Random(35), challenges: 12, maxPlaces: 45, pupilCount: 300, choices: 4);

        var (first, firstPlacements) = AllocateChallengeMenuCommandHandler.Allocate(menu, pupils, rankings);
        var (again, againPlacements) = AllocateChallengeMenuCommandHandler.Allocate(menu, pupils, rankings);
        var (rebuilt, rebuiltPlacements) = AllocateChallengeMenuCommandHandler.Allocate(rebuiltMenu, rebuiltPupils, rebuiltRankings);

        Assert.Equal(firstPlacements, againPlacements);
        Assert.Equal(firstPlacements, rebuiltPlacements);
        foreach (var other in new[] { again, rebuilt })
        {
            Assert.Equal(first.ByRank, other.ByRank);
            Assert.Equal((first.NoChoicePlaced, first.PlacedOutsideChoices, first.Unplaced), (other.NoChoicePlaced, other.PlacedOutsideChoices, other.Unplaced));
        }

        // Large enough to exercise every path: placed among their choices, outside them, without choosing, and unplaced.
        AssertValid(menu, pupils, OpenChoices(menu, pupils, rankings), first.Pupils, firstPlacements, "300 pupils");
        Assert.True(
            first.ByRank[0] > 0 && first.PlacedOutsideChoices > 0 && first.NoChoicePlaced > 0 && first.Unplaced > 0,
            $"{first.ByRank[0]} first choices, {first.PlacedOutsideChoices} outside their choices, {first.NoChoicePlaced} placed without choosing, {first.Unplaced} unplaced");
    }

    private static void AssertValid(
        ChallengeMenu menu, List<Pupil> pupils, Dictionary<Guid, List<Guid>> choices, int pupilCount, IReadOnlyList<PlacementDto> placements, string context)
    {
        Assert.Equal(pupils.Count, pupilCount);
        Assert.Equal(pupils.Select(p => p.StudentId), placements.Select(p => p.StudentId));
        var years = pupils.ToDictionary(p => p.StudentId, p => p.YearGroup);
        var byId = menu.Challenges.ToDictionary(c => c.Id);
        var left = menu.Challenges.ToDictionary(c => c.Id, c => c.Capacity - placements.Count(p => p.ChallengeId == c.Id));
        Assert.All(left.Values, room => Assert.True(room >= 0, $"{context}: a challenge is over capacity"));
        foreach (var placement in placements)
        {
            var ranked = choices[placement.StudentId];
            var year = years[placement.StudentId];
            if (placement.ChallengeId is not { } id)
            {
                Assert.Null(placement.Rank);
                Assert.All(ranked, c => Assert.True(left[c] == 0, $"{context}: unplaced although their choice {c} has room"));
                Assert.All(
                    menu.Challenges.Where(c => c.IsOpenTo(year) && !c.NeedsGuardianConsent),
                    c => Assert.True(left[c.Id] == 0, $"{context}: unplaced although {c.Title} has room"));
            }
            else if (placement.Rank is { } rank)
            {
                Assert.Equal(ranked[rank - 1], id);
            }
            else
            {
                Assert.DoesNotContain(id, ranked);
                Assert.True(byId[id].IsOpenTo(year), $"{context}: a Year {year} pupil who did not get a choice was put in {byId[id].Title}, not open to them");
                Assert.False(byId[id].NeedsGuardianConsent, $"{context}: a pupil who did not get a choice was put in {byId[id].Title}, which needs consent");
            }
        }
    }

    /// <summary>
    /// A menu for Years 7–9 with random challenges (0–<paramref name="maxPlaces"/> places, a third open to only one or two years, a quarter needing
    /// consent) and pupils, a fifth of whom do not choose; the others rank up to <paramref name="choices"/> challenges open
    /// to their year, and one in ten rankings also names, first, a challenge not open to them (as if restricted since).
    /// </summary>
    private static (ChallengeMenu Menu, List<Pupil> Pupils, Dictionary<Guid, IReadOnlyList<Guid>> Rankings) RandomInstance(
        Random random, int challenges, int maxPlaces, int pupilCount, int choices)
    {
        var menu = Menu(choices);
        int[][] restrictions = [[9], [7], [8, 9], [7, 8]];
        for (var i = 0; i < challenges; i++)
        {
            Add(
                menu, i + 1, capacity: random.Next(0, maxPlaces + 1), consent: random.Next(4) == 0,
                years: random.Next(3) == 0 ? restrictions[random.Next(restrictions.Length)] : null);
        }

        var pupils = Enumerable.Range(0, pupilCount).Select(i => new Pupil(Id(1000 + i), random.Next(7, 10))).ToList();
        var rankings = new Dictionary<Guid, IReadOnlyList<Guid>>();
        foreach (var pupil in pupils.Where(_ => random.Next(5) != 0))
        {
            var open = menu.Challenges.Where(c => c.IsOpenTo(pupil.YearGroup)).Select(c => c.Id).OrderBy(_ => random.Next()).Take(choices).ToList();
            var closed = menu.Challenges.Where(c => !c.IsOpenTo(pupil.YearGroup)).Select(c => c.Id).ToList();
            if (closed.Count > 0 && random.Next(10) == 0)
            {
                open.Insert(0, closed[random.Next(closed.Count)]);
            }

            rankings[pupil.StudentId] = open;
        }

        return (menu, pupils, rankings);
    }

    /// <summary>Each pupil's ranking as the allocation reads it: only challenges open to their year.</summary>
    private static Dictionary<Guid, List<Guid>> OpenChoices(ChallengeMenu menu, List<Pupil> pupils, Dictionary<Guid, IReadOnlyList<Guid>> rankings) =>
        pupils.ToDictionary(
            p => p.StudentId,
            p => rankings.TryGetValue(p.StudentId, out var ranked) ? ranked.Where(id => menu.Challenges.Any(c => c.Id == id && c.IsOpenTo(p.YearGroup))).ToList() : []);

    /// <summary>The lexicographically best (placed, first, second, third choices) over every assignment of the choosers to one of their choices or none.</summary>
    private static int[] BruteForceBest(ChallengeMenu menu, List<Pupil> choosers, Dictionary<Guid, List<Guid>> choices)
    {
        var used = menu.Challenges.ToDictionary(c => c.Id, _ => 0);
        var capacity = menu.Challenges.ToDictionary(c => c.Id, c => c.Capacity);
        var assignment = new Dictionary<Guid, Guid?>();
        var best = new int[4];

        void Walk(int i)
        {
            if (i == choosers.Count)
            {
                var score = Score(choosers, choices, assignment);
                if (score.Zip(best).Select(p => p.First.CompareTo(p.Second)).FirstOrDefault(c => c != 0) > 0)
                {
                    best = score;
                }

                return;
            }

            var id = choosers[i].StudentId;
            assignment[id] = null;
            Walk(i + 1);
            foreach (var challenge in choices[id].Where(c => used[c] < capacity[c]))
            {
                used[challenge]++;
                assignment[id] = challenge;
                Walk(i + 1);
                used[challenge]--;
            }
        }

        Walk(0);
        return best;
    }

    /// <summary>(placed among their choices, first choices, second, third).</summary>
    private static int[] Score(List<Pupil> choosers, Dictionary<Guid, List<Guid>> choices, Dictionary<Guid, Guid?> placed)
    {
        var score = new int[4];
        foreach (var chooser in choosers)
        {
            if (placed[chooser.StudentId] is { } challenge && choices[chooser.StudentId].IndexOf(challenge) is var rank and >= 0)
            {
                score[0]++;
                score[1 + rank]++;
            }
        }

        return score;
    }

    private static ChallengeMenu Menu(int choices) =>
        ChallengeMenu.Create(Id(1), Id(2), "Challenges", null, Opens, Opens.AddDays(11), choices, new DateOnly(2027, 7, 15));

    private static Guid Add(ChallengeMenu menu, int n, int capacity, bool consent = false, int[]? years = null)
    {
        var added = menu.AddChallenge(Id(100 + n), new ChallengeDetails($"Challenge {n}", null, 1, 6, capacity, [], null, consent, years));
        Assert.True(added.IsSuccess);
        return added.Value.Id;
    }

    private static Guid Id(int n) => new($"00000000-0000-0000-0000-{n:x12}");
}

using System.Diagnostics;
using System.Globalization;
using School.Application.Challenges.Allocation;
using School.Domain.Challenges;
using Pupil = School.Application.Challenges.Allocation.AllocateChallengeMenuCommandHandler.Pupil;

namespace School.Bench;

/// <summary>
/// <c>--challenges</c>: a personal-challenge menu for a 2,300-pupil school (Years 7–9), 40 challenges, 5 ranked choices each
/// with Zipf-like popularity and places for about 104% of the pupils. Times the optimal allocation (the whole
/// <see cref="AllocateChallengeMenuCommandHandler.Allocate"/> call the preview and publishing use: the pass over the
/// pupils' choices, then the year-by-year fallback) and a first-come allocation (what schools do with paper forms), and
/// prints both rank distributions side by side.
/// </summary>
internal static class ChallengeAllocationRun
{
    private const int Pupils = 2_300;
    private const int ChallengeCount = 40;
    private const int Choices = ChallengeMenu.DefaultChoices;
    private const double PlacesPerPupil = 1.04;
    private const int Seed = 20270510;
    private const int WarmUps = 30;
    private const int Runs = 20;

    /// <summary>Choices are made inside the menu's window (as <see cref="ChallengePreference.Submit"/> requires).</summary>
    private static readonly DateTimeOffset Opens = new(2027, 5, 10, 8, 0, 0, TimeSpan.Zero);

    public static int Run()
    {
        Out.UseInvariantCulture();
        Out.Line("Personal challenges: optimal vs first-come");
        var result = Scenario("half of each challenge's places follow its popularity, half are spread evenly", 0.5);
        Out.Line(string.Empty);
        return result != 0 ? result : Scenario("places spread evenly (as in --allocate)", 0.0);
    }

    private static int Scenario(string name, double followPopularity)
    {
        var (menu, pupils, rankings) = Generate(followPopularity);
        var capacity = menu.Challenges.Sum(c => c.Capacity);

        // Optimal: cold run, warm-ups, then timed runs each after a full collection; every run must place alike.
        var watch = Stopwatch.StartNew();
        var (optimal, optimalPlacements) = AllocateChallengeMenuCommandHandler.Allocate(menu, pupils, rankings);
        var cold = watch.Elapsed.TotalMilliseconds;
        for (var i = 0; i < WarmUps; i++)
        {
            AllocateChallengeMenuCommandHandler.Allocate(menu, pupils, rankings);
        }

        var optimalTimes = new double[Runs];
        for (var i = 0; i < Runs; i++)
        {
            Collect();
            watch.Restart();
            var (_, again) = AllocateChallengeMenuCommandHandler.Allocate(menu, pupils, rankings);
            optimalTimes[i] = watch.Elapsed.TotalMilliseconds;
            if (!again.SequenceEqual(optimalPlacements))
            {
                Out.Line($"Run {i + 1} placed differently from the first: the allocation is not deterministic.");
                return 1;
            }
        }

        // First come, first served: forms in a fixed random order.
        var choices = Choosers(menu, pupils, rankings);
        var order = pupils.Select(p => p.StudentId).ToArray();
        new Random(Seed + 1).Shuffle(order);
        var firstCome = FirstCome(menu, pupils, choices, order, Seed + 2);
        for (var i = 0; i < WarmUps; i++)
        {
            FirstCome(menu, pupils, choices, order, Seed + 2);
        }

        var firstComeTimes = new double[Runs];
        for (var i = 0; i < Runs; i++)
        {
            Collect();
            watch.Restart();
            FirstCome(menu, pupils, choices, order, Seed + 2);
            firstComeTimes[i] = watch.Elapsed.TotalMilliseconds;
        }

        var optimalById = optimalPlacements.ToDictionary(p => p.StudentId, p => p.ChallengeId);
        Check(menu, pupils, choices, optimalById, "optimal");
        Check(menu, pupils, choices, firstCome, "first-come");
        var optimalTally = new Tally([.. optimal.ByRank.Take(Choices)], optimal.PlacedOutsideChoices, optimal.NoChoicePlaced, optimal.Unplaced);
        if (Count(pupils, choices, optimalById) != optimalTally || optimal.ByRank.Skip(Choices).Any(n => n != 0) || optimal.Pupils != Pupils)
        {
            throw new InvalidOperationException(
                $"The optimal allocation's counts ({optimalTally}) do not match its placements ({Count(pupils, choices, optimalById)}).");
        }

        var firstComeTally = Count(pupils, choices, firstCome);

        var popular = menu.Challenges
            .Select(c => (c.Title, c.Capacity, First: choices.Values.Count(r => r.Count > 0 && r[0] == c.Id)))
            .OrderByDescending(c => c.First).ToList();
        Out.Line($"Scenario: {name}");
        Out.Line($"  pupils {Pupils:N0} (Years 7–9), challenges {ChallengeCount}, {Choices} ranked choices each, places {capacity:N0} ({capacity / (double)Pupils:P1} of pupils), seed {Seed}");
        Out.Line($"  first choices of the 5 most popular challenges: {string.Join(", ", popular.Take(5).Select(c => $"{c.First} for {c.Capacity} places"))}");
        Out.Line($"  least popular: {string.Join(", ", popular.TakeLast(3).Select(c => $"{c.First} for {c.Capacity} places"))}");
        Out.Line(string.Empty);
        Out.Line($"  {"placed at",-20} {"optimal",16} {"first-come",16}");
        for (var r = 0; r < Choices; r++)
        {
            Out.Line($"  {Ordinal(r + 1) + " choice",-20} {Cell(optimalTally.ByRank[r]),16} {Cell(firstComeTally.ByRank[r]),16}");
        }

        Out.Line($"  {"outside choices",-20} {Cell(optimalTally.Outside),16} {Cell(firstComeTally.Outside),16}");
        Out.Line($"  {"no choice, placed",-20} {Cell(optimalTally.NoChoice),16} {Cell(firstComeTally.NoChoice),16}");
        Out.Line($"  {"unplaced",-20} {Cell(optimalTally.Unplaced),16} {Cell(firstComeTally.Unplaced),16}");
        Out.Line($"  {"top 3 choices",-20} {Cell(optimalTally.ByRank.Take(3).Sum()),16} {Cell(firstComeTally.ByRank.Take(3).Sum()),16}");
        var better = pupils.Count(p => RankOf(choices[p.StudentId], firstCome[p.StudentId]) < RankOf(choices[p.StudentId], optimalById[p.StudentId]));
        var worse = pupils.Count(p => RankOf(choices[p.StudentId], firstCome[p.StudentId]) > RankOf(choices[p.StudentId], optimalById[p.StudentId]));
        Out.Line($"  pupils better off under first-come {better:N0}, worse off {worse:N0}, the same {Pupils - better - worse:N0}");
        Out.Line(string.Empty);
        Out.Line($"  optimal (AllocateChallengeMenuCommandHandler.Allocate, whole call): cold {cold:F1} ms; {WarmUps} warm-ups; {Runs} runs {Summary(optimalTimes)}");
        Out.Line($"  first-come: {Runs} runs {Summary(firstComeTimes)}");
        return 0;
    }

    /// <summary>
    /// The menu, pupils and their rankings. Challenge k's popularity is 1/(k+1) (Zipf, exponent 1) in a shuffled order, so
    /// the favourite is chosen about 9 times as often as the tenth. A share <paramref name="followPopularity"/> of the places
    /// follows popularity and the rest is spread evenly (schools give popular challenges more room, but not enough), in
    /// whole teams, at least two. The same seed gives the same popularity and rankings whatever the share.
    /// </summary>
    private static (ChallengeMenu Menu, List<Pupil> Pupils, Dictionary<Guid, IReadOnlyList<Guid>> Rankings) Generate(double followPopularity)
    {
        var random = new Random(Seed);
        var menu = ChallengeMenu.Create(
            Id(0xC0, 1), Id(0x5C, 1), "Personal challenges 2027", ChallengeMenu.DefaultYearGroups, Opens, Opens.AddDays(11), Choices,
            new DateOnly(2027, 7, 15));
        var popularity = Enumerable.Range(0, ChallengeCount).Select(k => 1.0 / (k + 1)).ToArray();
        random.Shuffle(popularity);
        var total = popularity.Sum();
        var places = Pupils * PlacesPerPupil;
        for (var k = 0; k < ChallengeCount; k++)
        {
            var teamMax = 4 + random.Next(5); // 4–8
            var share = ((1 - followPopularity) / ChallengeCount) + (followPopularity * popularity[k] / total);
            var teams = Math.Max(2, (int)Math.Round(share * places / teamMax));
            var added = menu.AddChallenge(
                Id(0xCA, k + 1),
                new ChallengeDetails($"Challenge {k + 1:00}", null, Math.Min(4, teamMax), teamMax, teams * teamMax, [Id(0x57, k + 1)], null, false, null));
            if (!added.IsSuccess)
            {
                throw new InvalidOperationException(added.Error!.ToString());
            }
        }

        var pupils = Enumerable.Range(0, Pupils).Select(i => new Pupil(Id(0x9A, i + 1), 7 + (i % 3))).ToList();
        var rankings = new Dictionary<Guid, IReadOnlyList<Guid>>(Pupils);
        var at = Opens.AddDays(2);
        foreach (var pupil in pupils)
        {
            var open = Enumerable.Range(0, ChallengeCount).ToList();
            var ranked = new List<Guid>(Choices);
            while (ranked.Count < Choices)
            {
                var pick = Pick(random, open, popularity);
                ranked.Add(menu.Challenges[open[pick]].Id);
                open.RemoveAt(pick);
            }

            var preference = ChallengePreference.Create(Id(0x9F, rankings.Count + 1), menu.Id, pupil.StudentId);
            var submitted = preference.Submit(menu, pupil.YearGroup, ranked, at);
            if (!submitted.IsSuccess)
            {
                throw new InvalidOperationException(submitted.Error!.ToString());
            }

            rankings[pupil.StudentId] = preference.RankedChallengeIds;
        }

        return (menu, pupils, rankings);
    }

    /// <summary>
    /// Each pupil's choices as the allocation reads them: their ranking, keeping only challenges still open to their year
    /// (empty when they did not choose).
    /// </summary>
    private static Dictionary<Guid, List<Guid>> Choosers(ChallengeMenu menu, List<Pupil> pupils, Dictionary<Guid, IReadOnlyList<Guid>> rankings) =>
        pupils.ToDictionary(
            p => p.StudentId,
            p => rankings.TryGetValue(p.StudentId, out var ranked) ? ranked.Where(id => menu.Challenges.Any(c => c.Id == id && c.IsOpenTo(p.YearGroup))).ToList() : []);

    /// <summary>
    /// Forms in <paramref name="order"/>: each pupil takes their highest-ranked choice with room; if none has room, a
    /// random challenge with room that is open to their year and needs no guardian consent (or none, if all are full).
    /// </summary>
    private static Dictionary<Guid, Guid?> FirstCome(
        ChallengeMenu menu, List<Pupil> pupils, Dictionary<Guid, List<Guid>> choices, Guid[] order, int seed)
    {
        var random = new Random(seed);
        var challenges = menu.Challenges.OrderBy(c => c.Id).ToList();
        var left = challenges.ToDictionary(c => c.Id, c => c.Capacity);
        var years = pupils.ToDictionary(p => p.StudentId, p => p.YearGroup);
        var placed = new Dictionary<Guid, Guid?>(order.Length);
        foreach (var id in order)
        {
            Guid? place = null;
            foreach (var option in choices[id])
            {
                if (left[option] > 0)
                {
                    place = option;
                    break;
                }
            }

            if (place is null)
            {
                var room = challenges.Where(c => left[c.Id] > 0 && c.IsOpenTo(years[id]) && !c.NeedsGuardianConsent).ToList();
                place = room.Count == 0 ? null : room[random.Next(room.Count)].Id;
            }

            if (place is { } taken)
            {
                left[taken]--;
            }

            placed[id] = place;
        }

        return placed;
    }

    /// <summary>How many were placed at each rank (1st..5th), outside their choices, without having chosen, and not at all.</summary>
    private sealed record Tally(int[] ByRank, int Outside, int NoChoice, int Unplaced)
    {
        public bool Equals(Tally? other) =>
            other is not null && ByRank.SequenceEqual(other.ByRank) && Outside == other.Outside && NoChoice == other.NoChoice && Unplaced == other.Unplaced;

        public override int GetHashCode() => HashCode.Combine(ByRank.Sum(), Outside, NoChoice, Unplaced);

        public override string ToString() =>
            $"by rank {string.Join("/", ByRank)}, outside {Outside}, no choice {NoChoice}, unplaced {Unplaced}";
    }

    private static Tally Count(List<Pupil> pupils, Dictionary<Guid, List<Guid>> choices, Dictionary<Guid, Guid?> placements)
    {
        var byRank = new int[Choices];
        int outside = 0, noChoice = 0, unplaced = 0;
        foreach (var pupil in pupils)
        {
            var ranked = choices[pupil.StudentId];
            var rank = RankOf(ranked, placements[pupil.StudentId]);
            if (rank <= Choices)
            {
                byRank[rank - 1]++;
            }
            else if (rank == Choices + 2)
            {
                unplaced++;
            }
            else if (ranked.Count == 0)
            {
                noChoice++;
            }
            else
            {
                outside++;
            }
        }

        return new Tally(byRank, outside, noChoice, unplaced);
    }

    /// <summary>1-based rank; one past the last choice for "outside their choices" (or no choice), two past for "unplaced".</summary>
    private static int RankOf(List<Guid> choices, Guid? placed)
    {
        if (placed is not { } id)
        {
            return Choices + 2;
        }

        var index = choices.IndexOf(id);
        return index >= 0 ? index + 1 : Choices + 1;
    }

    /// <summary>
    /// Every pupil placed at most once (the dictionaries guarantee it), no challenge over capacity, and anyone placed
    /// outside their choices only in a challenge open to their year that needs no guardian consent.
    /// </summary>
    private static void Check(ChallengeMenu menu, List<Pupil> pupils, Dictionary<Guid, List<Guid>> choices, Dictionary<Guid, Guid?> placements, string name)
    {
        if (placements.Count != pupils.Count || pupils.Any(p => !placements.ContainsKey(p.StudentId)))
        {
            throw new InvalidOperationException($"The {name} allocation does not cover every pupil exactly once.");
        }

        var counts = placements.Values.OfType<Guid>().CountBy(id => id).ToDictionary();
        var byId = menu.Challenges.ToDictionary(c => c.Id);
        foreach (var challenge in menu.Challenges)
        {
            if (counts.GetValueOrDefault(challenge.Id) > challenge.Capacity)
            {
                throw new InvalidOperationException($"The {name} allocation overfills challenge {challenge.Id}.");
            }
        }

        foreach (var pupil in pupils)
        {
            if (placements[pupil.StudentId] is { } id && !choices[pupil.StudentId].Contains(id)
                && (!byId[id].IsOpenTo(pupil.YearGroup) || byId[id].NeedsGuardianConsent))
            {
                throw new InvalidOperationException($"The {name} allocation puts {pupil.StudentId} in {id}, which they may not join unasked.");
            }
        }
    }

    private static int Pick(Random random, List<int> open, double[] popularity)
    {
        var target = random.NextDouble() * open.Sum(k => popularity[k]);
        for (var i = 0; i < open.Count; i++)
        {
            target -= popularity[open[i]];
            if (target <= 0)
            {
                return i;
            }
        }

        return open.Count - 1;
    }

    private static string Cell(int count) => $"{count,5:N0} ({count / (double)Pupils,6:P1})";

    private static string Summary(double[] times)
    {
        var inOrder = string.Join(" ", times.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)));
        var sorted = times.Order().ToArray();
        var median = (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        return $"median {median:F2} ms, min {sorted[0]:F2} ms, max {sorted[^1]:F2} ms (in run order: {inOrder})";
    }

    private static string Ordinal(int n) => n switch
    {
        1 => "1st",
        2 => "2nd",
        3 => "3rd",
        _ => $"{n}th",
    };

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    /// <summary>A fixed, readable id: <paramref name="kind"/> in the first byte, <paramref name="n"/> in the last six.</summary>
    private static Guid Id(int kind, int n) => new($"{kind:x2}000000-0000-7000-8000-{n:x12}");
}

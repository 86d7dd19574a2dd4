using School.Application.Secure.Allocation;
using School.Domain.Secure;

namespace School.Application.Tests.Secure;

public class SecurePeriodAllocatorTests
{
    private static readonly Guid _maths = Id(0xA1);
    private static readonly Guid _english = Id(0xA2);
    private static readonly Guid _art = Id(0xA3);

    [Fact]
    public void ATeachersRequest_OutranksThePupilsOwnFirstChoice()
    {
        var pupil = Candidate(1, [(_art, SecureMode.Stretch), (_maths, SecureMode.Consolidate)], request: (_maths, SecureMode.CatchUp));

        var plan = SecurePeriodAllocator.Plan([new(_maths, 5), new(_art, 5)], [pupil]);

        var line = Assert.Single(plan.Students);
        Assert.Equal(_maths, line.OfferId);
        Assert.Equal(SecureMode.CatchUp, line.Mode);
        Assert.Equal(PlacementSource.Request, line.Source);
        Assert.Null(line.Rank);
        Assert.Equal(1, plan.FromRequests);
    }

    [Fact]
    public void ARequest_TakesThePlace_AheadOfAPupilWhoChoseItFirst()
    {
        var chooser = Candidate(1, [(_maths, SecureMode.Stretch), (_english, SecureMode.Reinforce)]);
        var requested = Candidate(2, [(_english, SecureMode.Stretch)], request: (_maths, SecureMode.CatchUp));

        var plan = SecurePeriodAllocator.Plan([new(_maths, 1), new(_english, 5)], [chooser, requested]);

        Assert.Equal((_maths, PlacementSource.Request), Outcome(plan, 2));
        Assert.Equal((_english, PlacementSource.Choice), Outcome(plan, 1));
        Assert.Equal(2, plan.Students.Single(s => s.StudentId == Id(1)).Rank);
        Assert.Equal(SecureMode.Reinforce, plan.Students.Single(s => s.StudentId == Id(1)).Mode);
    }

    [Fact]
    public void ARequestForAFullOffer_FallsBackToTheChoices_AndSaysSo()
    {
        var first = Candidate(1, [], request: (_maths, SecureMode.CatchUp));
        var second = Candidate(2, [(_art, SecureMode.Stretch)], request: (_maths, SecureMode.CatchUp));

        var plan = SecurePeriodAllocator.Plan([new(_maths, 1), new(_art, 1)], [first, second]);

        Assert.Equal((_maths, PlacementSource.Request), Outcome(plan, 1));
        Assert.Equal((_art, PlacementSource.Choice), Outcome(plan, 2));
        Assert.StartsWith("A teacher's request could not be met", plan.Students[1].Reason, StringComparison.Ordinal);
        Assert.Equal(1, plan.FromRequests);
    }

    [Fact]
    public void APupilWithNoChoice_IsPlacedWhereThereIsRoom_WithTheModeLeftOpen()
    {
        var plan = SecurePeriodAllocator.Plan([new(_maths, 0), new(_art, 1)], [Candidate(1, [])]);

        var line = Assert.Single(plan.Students);
        Assert.Equal(_art, line.OfferId);
        Assert.Equal(PlacementSource.Room, line.Source);
        Assert.Null(line.Mode);
        Assert.Equal(1, plan.NoChoicePlaced);
    }

    [Fact]
    public void RankMaximal_OneMoreFirstChoiceBeatsSecondChoices()
    {
        // x wants maths then english; y wants only maths; one place each: y gets maths, x english.
        var x = Candidate(1, [(_maths, SecureMode.Stretch), (_english, SecureMode.Stretch)]);
        var y = Candidate(2, [(_maths, SecureMode.Consolidate)]);

        var plan = SecurePeriodAllocator.Plan([new(_maths, 1), new(_english, 1)], [x, y]);

        Assert.Equal((_english, PlacementSource.Choice), Outcome(plan, 1));
        Assert.Equal((_maths, PlacementSource.Choice), Outcome(plan, 2));
        Assert.Equal([1, 1, 0], plan.ByRank);
    }

    [Fact]
    public void MoreDemandThanPlaces_LeavesTheRestUnplaced_WithTheReason()
    {
        var pupils = Enumerable.Range(1, 5).Select(i => Candidate(i, [(_maths, SecureMode.Stretch)])).ToList();

        var plan = SecurePeriodAllocator.Plan([new(_maths, 2), new(_art, 0)], pupils);

        Assert.Equal(2, plan.Students.Count(s => s.OfferId == _maths));
        Assert.Equal(3, plan.Unplaced);
        Assert.All(plan.Students.Where(s => s.OfferId is null), s => Assert.Equal("Not placed: every option is full", s.Reason));
    }

    /// <summary>
    /// Property: over many random periods (offers with random capacities, pupils with random rankings and some requests),
    /// no offer takes more than its capacity, every pupil appears once with at most one place, every request that fits
    /// is honoured, nobody is left out while there is room, and the same input gives the same plan.
    /// </summary>
    [Fact]
    public void RandomPeriods_KeepEveryGuarantee()
    {
        var random = new Random(1914);
        for (var round = 0; round < 300; round++)
        {
            var offers = Enumerable.Range(0, random.Next(1, 7)).Select(o => new SecureSlot(Id(0x1000 + o), random.Next(0, 8))).ToList();
            var requestsLeft = offers.ToDictionary(o => o.OfferId, o => o.Capacity);
            var candidates = Enumerable.Range(0, random.Next(0, 40)).Select(i =>
            {
                var ranked = offers.OrderBy(_ => random.Next()).Take(random.Next(0, Math.Min(3, offers.Count) + 1))
                    .Select(o => new SecureChoiceItem(o.OfferId, (SecureMode)random.Next(4))).ToList();
                SecureAsk? ask = null;
                var wanted = offers[random.Next(offers.Count)].OfferId;
                if (random.Next(6) == 0 && requestsLeft[wanted] > 0)
                {
                    requestsLeft[wanted]--;
                    ask = new SecureAsk(wanted, SecureMode.CatchUp);
                }

                return new SecureCandidate(Id(i + 1), ranked, ask);
            }).ToList();

            var plan = SecurePeriodAllocator.Plan(offers, candidates);
            var again = SecurePeriodAllocator.Plan(offers, candidates);

            Assert.Equal(candidates.Select(c => c.StudentId), plan.Students.Select(s => s.StudentId));
            foreach (var offer in offers)
            {
                Assert.True(plan.Students.Count(s => s.OfferId == offer.OfferId) <= offer.Capacity, $"Round {round}: {offer.OfferId} over capacity");
            }

            Assert.All(candidates.Where(c => c.Request is not null), c =>
                Assert.Equal((c.Request!.OfferId, PlacementSource.Request), Outcome(plan, c.StudentId)));
            Assert.Equal(Math.Min(candidates.Count, offers.Sum(o => o.Capacity)), plan.Students.Count(s => s.OfferId is not null));
            Assert.All(plan.Students.Where(s => s.Source == PlacementSource.Choice), s =>
            {
                var choice = candidates.Single(c => c.StudentId == s.StudentId).Choices[s.Rank!.Value - 1];
                Assert.Equal((choice.OfferId, choice.Mode), (s.OfferId!.Value, s.Mode!.Value));
            });
            Assert.Equal(plan.Students, again.Students);
        }
    }

    private static (Guid?, PlacementSource?) Outcome(SecurePeriodPlan plan, int student) => Outcome(plan, Id(student));

    private static (Guid?, PlacementSource?) Outcome(SecurePeriodPlan plan, Guid student)
    {
        var line = plan.Students.Single(s => s.StudentId == student);
        return (line.OfferId, line.Source);
    }

    private static SecureCandidate Candidate(int id, (Guid Offer, SecureMode Mode)[] choices, (Guid Offer, SecureMode Mode)? request = null) =>
        new(Id(id), choices.Select(c => new SecureChoiceItem(c.Offer, c.Mode)).ToList(), request is { } r ? new SecureAsk(r.Offer, r.Mode) : null);

    private static Guid Id(int n) => new($"00000000-0000-0000-0000-{n:x12}");
}

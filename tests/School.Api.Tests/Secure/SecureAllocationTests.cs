using School.Api.Tests.Timetabling;
using static School.Api.Tests.Secure.SecureApi;

namespace School.Api.Tests.Secure;

/// <summary>
/// Allocating a period over HTTP, on cycles of the tests' own. Each test takes a year group no demo pupil is in and adds
/// its own pupils to it, so it knows exactly whom the cycle is for. The fortnight starts Monday 5 October 2026.
/// </summary>
public sealed class SecureAllocationTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private static readonly DateOnly Monday = new(2026, 10, 5);

    [Fact]
    public async Task MoreDemandThanPlaces_NeverExceedsCapacity_PlacesEachPupilOnce_AndSaysWhoIsLeftOut()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var pupils = await NewPupilsAsync(admin, yearGroup: 6, count: 8);
        var cycle = await admin.NewCycleAsync(Monday, [6], await OffersAsync(admin, ("Maths", 3), ("English", 2), ("Art", 0)));
        var period = cycle.Period(0);
        foreach (var pupil in pupils)
        {
            await admin.ChooseAsync(cycle, 0, pupil, (period.OfferId("Maths"), "Stretch"), (period.OfferId("English"), "Consolidate"), (period.OfferId("Art"), "Reinforce"));
        }

        var result = await admin.AllocateAsync(cycle.Id(), period.Id());

        Assert.Equal(8, result.GetProperty("considered").GetInt32());
        Assert.Equal(5, result.GetProperty("placed").GetInt32());
        Assert.Equal(3, result.GetProperty("unplaced").GetInt32());
        Assert.Equal([3, 2, 0], result.GetProperty("byRank").EnumerateArray().Select(r => r.GetInt32()));
        var placements = await factory.PlacementsAsync(period.Id());
        Assert.Equal(5, placements.Select(p => p.StudentId).Distinct().Count());
        Assert.Equal(3, placements.Count(p => p.OfferId == period.OfferId("Maths")));
        Assert.Equal(2, placements.Count(p => p.OfferId == period.OfferId("English")));
        Assert.DoesNotContain(placements, p => p.OfferId == period.OfferId("Art"));
        Assert.All(
            result.GetProperty("students").EnumerateArray().Where(s => s.GetProperty("offerId").ValueKind == JsonValueKind.Null),
            s => Assert.Equal("Not placed: every option is full", s.GetProperty("reason").GetString()));
        var after = (await admin.GetFromJsonAsync<JsonElement>(Cycle(cycle.Id()))).Period(0);
        Assert.Equal("Allocated", after.GetProperty("status").GetString());
        Assert.All(after.GetProperty("offers").EnumerateArray(), o => Assert.Equal(0, o.GetProperty("placesLeft").GetInt32()));
    }

    [Fact]
    public async Task ATeachersRequest_IsHonoured_EvenAgainstThePupilsOwnFirstChoice_AndTakesThePlaceFirst()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        using var teacher = await factory.ClientFor(Accounts.Teacher);
        var (requested, other) = await TwoPupilsAsync(admin, yearGroup: 5);
        var cycle = await admin.NewCycleAsync(Monday, [5], await OffersAsync(admin, ("Maths", 1), ("English", 5), ("Art", 5)));
        var period = cycle.Period(0);
        await admin.ChooseAsync(cycle, 0, requested, (period.OfferId("Art"), "Stretch"), (period.OfferId("English"), "Consolidate"));
        await admin.ChooseAsync(cycle, 0, other, (period.OfferId("Maths"), "Stretch"), (period.OfferId("English"), "Reinforce"));

        var asked = await teacher.PostAsJsonAsync(Requests(cycle.Id(), period.Id()), new
        {
            studentId = requested, offerId = period.OfferId("Maths"), mode = "CatchUp", reason = "Fell behind on fractions.",
        });
        await TimetableApi.AssertStatus(asked, HttpStatusCode.Created);
        var result = await admin.AllocateAsync(cycle.Id(), period.Id());

        Assert.Equal(1, result.GetProperty("fromRequests").GetInt32());
        var mine = (await teacher.StudentPeriodAsync(requested, period.Id())).GetProperty("placement");
        Assert.Equal(period.OfferId("Maths"), mine.GetProperty("offerId").GetGuid());
        Assert.Equal("CatchUp", mine.GetProperty("mode").GetString());
        Assert.Equal("Request", mine.GetProperty("source").GetString());
        var theirs = (await teacher.StudentPeriodAsync(other, period.Id())).GetProperty("placement");
        Assert.Equal(period.OfferId("English"), theirs.GetProperty("offerId").GetGuid());
        Assert.Equal("Reinforce", theirs.GetProperty("mode").GetString());
        Assert.Equal(2, theirs.GetProperty("rank").GetInt32());
        var request = (await admin.StudentPeriodAsync(requested, period.Id())).GetProperty("request");
        Assert.Equal(DemoData.BridgemaryTeacherId, request.GetProperty("requestedBy").Id());
        Assert.Equal("Fell behind on fractions.", request.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task AllocatingTwice_GivesTheSamePlacements()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var pupils = await NewPupilsAsync(admin, yearGroup: 4, count: 15);
        var cycle = await admin.NewCycleAsync(Monday, [4], await OffersAsync(admin, ("Maths", 4), ("English", 4), ("Art", 4)));
        var period = cycle.Period(1);
        string[] subjects = ["Maths", "English", "Art"];
        for (var i = 0; i < pupils.Count; i++)
        {
            // Most want maths first; the rest rotate, so the allocation has real ties to break.
            var ranked = Enumerable.Range(0, 3).Select(k => subjects[(k + (i % 5 == 0 ? 1 : 0) + (k > 0 ? i : 0)) % 3]).Distinct().ToList();
            await admin.ChooseAsync(cycle, 1, pupils[i], ranked.Select(s => (period.OfferId(s), "Consolidate")).ToArray());
        }

        var first = await admin.AllocateAsync(cycle.Id(), period.Id());
        var once = await factory.OutcomeAsync(period.Id());
        var second = await admin.AllocateAsync(cycle.Id(), period.Id());
        var twice = await factory.OutcomeAsync(period.Id());

        Assert.Equal(12, once.Count);
        Assert.Equal(once.OrderBy(p => p.Key), twice.OrderBy(p => p.Key));
        Assert.Equal(first.GetProperty("students").ToString(), second.GetProperty("students").ToString());
    }

    [Fact]
    public async Task ChoicesCloseOnAllocation_ReopeningOpensThem_AndAllocatingAgainReplacesThePlacement()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var pupil = (await NewPupilsAsync(admin, yearGroup: 3, count: 1))[0];
        var cycle = await admin.NewCycleAsync(Monday, [3], await OffersAsync(admin, ("Maths", 5), ("Art", 5)));
        var period = cycle.Period(2);
        await admin.ChooseAsync(cycle, 2, pupil, (period.OfferId("Maths"), "Stretch"));
        await admin.AllocateAsync(cycle.Id(), period.Id());

        var late = await admin.PostAsJsonAsync(Choices(cycle.Id(), period.Id()), ChoicesBody(pupil, (period.OfferId("Art"), "Stretch")));
        var reopened = await admin.DeleteAsync(Allocation(cycle.Id(), period.Id()));
        var placementsWhileOpen = await factory.PlacementsAsync(period.Id());
        await admin.ChooseAsync(cycle, 2, pupil, (period.OfferId("Art"), "Reinforce"));
        await admin.AllocateAsync(cycle.Id(), period.Id());

        Assert.Equal("secure.period_allocated", (await late.AssertProblem(HttpStatusCode.Conflict)).GetProperty("code").GetString());
        await TimetableApi.AssertStatus(reopened, HttpStatusCode.NoContent);
        Assert.Empty(placementsWhileOpen);
        var placement = Assert.Single(await factory.PlacementsAsync(period.Id()));
        Assert.Equal(period.OfferId("Art"), placement.OfferId);
        Assert.Equal(School.Domain.Secure.SecureMode.Reinforce, placement.Mode);
    }

    [Fact]
    public async Task APupilWithNoChoice_IsPlacedWhereThereIsRoom_AndTheirTimetableShowsTheSubject()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var pupil = (await NewPupilsAsync(admin, yearGroup: 2, count: 1))[0];
        var cycle = await admin.NewCycleAsync(Monday, [2], await OffersAsync(admin, ("Maths", 0), ("Art", 1)));
        var period = cycle.Period(0);

        var result = await admin.AllocateAsync(cycle.Id(), period.Id());

        Assert.Equal(1, result.GetProperty("noChoicePlaced").GetInt32());
        var sessions = (await admin.TimetableAsync(pupil, "2026-10-05", "2026-10-05")).Sessions();
        var secure = Assert.Single(sessions);
        Assert.Equal("SECURE: Art", secure.GetProperty("title").GetString());
        Assert.Equal("14:00", secure.GetProperty("start").GetString());
        Assert.Equal("14:40", secure.GetProperty("end").GetString());
        Assert.Equal(period.Offer("Art").GetProperty("teacher").Id(), Assert.Single(secure.GetProperty("staff").EnumerateArray()).Id());
    }

    [Fact]
    public async Task AnEarlyWindowPupil_CannotChooseAnAfternoonPeriod_AndIsNotPlaced()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var pupil = (await NewPupilsAsync(admin, yearGroup: 12, count: 1))[0];
        var window = await admin.NewWindowAsync(capacity: 10, yearGroups: [12], autoApprove: true, start: "07:30", end: "13:00");
        await TimetableApi.AssertStatus(
            await admin.PostAsJsonAsync($"/api/day-windows/{window.Id()}/enrolments", new { studentId = pupil }), HttpStatusCode.Created);
        var cycle = await admin.NewCycleAsync(Monday, [12], await OffersAsync(admin, ("Maths", 5)));
        var period = cycle.Period(0);

        var chosen = await admin.PostAsJsonAsync(Choices(cycle.Id(), period.Id()), ChoicesBody(pupil, (period.OfferId("Maths"), "Stretch")));
        var result = await admin.AllocateAsync(cycle.Id(), period.Id());

        Assert.Equal("secure.outside_window", (await chosen.AssertProblem(HttpStatusCode.Conflict)).GetProperty("code").GetString());
        var line = Assert.Single(result.GetProperty("students").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, line.GetProperty("offerId").ValueKind);
        Assert.Contains("outside their day window", line.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(await factory.PlacementsAsync(period.Id()));
    }

    [Fact]
    public async Task APeriodOnASecureBlock_TakesTheBlocksTime_AndThePlacementReplacesTheSlotThatDayOnly()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var pupil = (await NewPupilsAsync(admin, yearGroup: 1, count: 1))[0];
        var block = await admin.PostBlockAsync(new BlockSpec(TimetableApi.Unique("SECURE slot"), "13:00", 50) { Kind = "SecurePeriod", Day = "Tuesday", StudentIds = [pupil] });
        var offers = await OffersAsync(admin, ("Maths", 5));
        var body = CycleBody(TimetableApi.Unique("SECURE on blocks"), Monday, [1], offers);
        var json = JsonSerializer.SerializeToNode(body, JsonSerializerOptions.Web)!;
        json["periods"]![1] = JsonSerializer.SerializeToNode(new
        {
            label = "On the Tuesday slot",
            learningBlockId = block.BlockId(),
            date = Monday.AddDays(1),
            offers = offers.Select(o => new { subject = o.Subject, teacherId = o.TeacherId, capacity = o.Capacity }),
        }, JsonSerializerOptions.Web);

        var created = await admin.PostAsJsonAsync(Cycles, json);

        await TimetableApi.AssertStatus(created, HttpStatusCode.Created);
        var cycle = await created.Content.ReadFromJsonAsync<JsonElement>();
        var period = cycle.GetProperty("periods").EnumerateArray().Single(p => p.GetProperty("learningBlockId").ValueKind != JsonValueKind.Null);
        Assert.Equal(("2026-10-06", "13:00", "13:50"), (period.GetProperty("date").GetString(), period.GetProperty("start").GetString(), period.GetProperty("end").GetString()));
        await admin.ChooseAsync(cycle, period.GetProperty("sequence").GetInt32() - 1, pupil, (period.OfferId("Maths"), "CatchUp"));
        await admin.AllocateAsync(cycle.Id(), period.Id());
        var sessions = (await admin.TimetableAsync(pupil, "2026-10-06", "2026-10-13")).Sessions().Where(s => s.GetProperty("start").GetString() == "13:00").ToList();
        Assert.Equal(["SECURE: Maths (Catch up)", block.GetProperty("block").GetProperty("title").GetString()], sessions.Select(s => s.GetProperty("title").GetString()));
        Assert.Equal(["2026-10-06", "2026-10-13"], sessions.Select(s => s.GetProperty("date").GetString()));
    }

    private static async Task<List<Guid>> NewPupilsAsync(HttpClient admin, int yearGroup, int count)
    {
        var pupils = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            pupils.Add(await admin.NewStudentAsync(yearGroup));
        }

        return pupils;
    }

    private static async Task<(Guid, Guid)> TwoPupilsAsync(HttpClient admin, int yearGroup)
    {
        var pupils = await NewPupilsAsync(admin, yearGroup, 2);
        return (pupils[0], pupils[1]);
    }

    /// <summary>Offers taught by different teachers: the demo teacher first, then other teachers of the school.</summary>
    private static async Task<List<OfferSpec>> OffersAsync(HttpClient admin, params (string Subject, int Capacity)[] offers)
    {
        var teachers = (await admin.TeachersAsync()).Where(t => t != DemoData.BridgemaryTeacherId).Prepend(DemoData.BridgemaryTeacherId).ToList();
        return offers.Select((o, i) => new OfferSpec(o.Subject, teachers[i], o.Capacity)).ToList();
    }
}

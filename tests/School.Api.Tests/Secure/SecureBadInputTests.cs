using System.Text.Json.Nodes;
using School.Api.Tests.Timetabling;
using static School.Api.Tests.Secure.SecureApi;

namespace School.Api.Tests.Secure;

/// <summary>
/// Bad input to the SECURE endpoints answers 400 naming the field, or 409 for a broken rule — never 500 — and nothing is
/// half-saved: after every refusal the cycles, choices and requests are as they were.
/// </summary>
public sealed class SecureBadInputTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private static readonly DateOnly Monday = new(2026, 10, 5);

    [Fact]
    public async Task Choices_TheSameOfferTwice_Is400NamingChoices_AndKeepsTheEarlierChoices()
    {
        var (client, cycle, pupil) = await ChosenAsync(11);
        var period = cycle.Period(3);

        var response = await client.PostAsJsonAsync(
            Choices(cycle.Id(), period.Id()), ChoicesBody(pupil, (period.OfferId("Maths"), "Stretch"), (period.OfferId("Maths"), "CatchUp")));

        await response.AssertValidationProblem("choices");
        await AssertChoicesUnchangedAsync(client, pupil, period);
    }

    [Fact]
    public async Task Choices_FourOrNone_Are400NamingChoices()
    {
        var (client, cycle, pupil) = await ChosenAsync(11);
        var period = cycle.Period(3);
        var four = period.GetProperty("offers").EnumerateArray().Select(o => (o.Id(), "Stretch")).ToArray();

        var tooMany = await client.PostAsJsonAsync(Choices(cycle.Id(), period.Id()), ChoicesBody(pupil, four));
        var none = await client.PostAsJsonAsync(Choices(cycle.Id(), period.Id()), ChoicesBody(pupil));
        var missing = await client.PostAsJsonAsync(Choices(cycle.Id(), period.Id()), new { studentId = pupil });

        Assert.Equal(4, four.Length);
        await tooMany.AssertValidationProblem("choices");
        await none.AssertValidationProblem("choices");
        await missing.AssertValidationProblem("choices");
        await AssertChoicesUnchangedAsync(client, pupil, period);
    }

    [Fact]
    public async Task Choices_AnOfferOfAnotherPeriodOrUnknown_Is400NamingChoices()
    {
        var (client, cycle, pupil) = await ChosenAsync(11);
        var period = cycle.Period(3);

        var otherPeriod = await client.PostAsJsonAsync(Choices(cycle.Id(), period.Id()), ChoicesBody(pupil, (cycle.Period(2).OfferId("Maths"), "Stretch")));
        var unknown = await client.PostAsJsonAsync(Choices(cycle.Id(), period.Id()), ChoicesBody(pupil, (Guid.NewGuid(), "Stretch")));

        await otherPeriod.AssertValidationProblem("choices");
        await unknown.AssertValidationProblem("choices");
        await AssertChoicesUnchangedAsync(client, pupil, period);
    }

    [Fact]
    public async Task Choices_AnUnknownMode_Is400NamingIt()
    {
        var (client, cycle, pupil) = await ChosenAsync(11);
        var period = cycle.Period(3);

        var response = await client.PostAsJsonAsync(
            Choices(cycle.Id(), period.Id()), new { studentId = pupil, choices = new[] { new { offerId = period.OfferId("Art"), mode = "Sideways" } } });

        await response.AssertValidationProblem("choices[0].mode");
        await AssertChoicesUnchangedAsync(client, pupil, period);
    }

    [Fact]
    public async Task Choices_ForAPupilOutsideTheCyclesYearGroups_Is409()
    {
        var (client, cycle, _) = await ChosenAsync(11);
        var period = cycle.Period(3);

        var response = await client.PostAsJsonAsync(Choices(cycle.Id(), period.Id()), ChoicesBody(DemoData.BridgemaryStudentId, (period.OfferId("Art"), "Stretch")));

        Assert.Equal("secure.not_eligible", (await response.AssertProblem(HttpStatusCode.Conflict)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Choices_OnThePeriodsOwnDay_Is409()
    {
        // The clock stands on Monday 7 September 2026: a fortnight from that day has its first period today.
        using var admin = await factory.ClientFor(Accounts.Admin);
        var pupil = await admin.NewStudentAsync(13);
        var cycle = await admin.NewCycleAsync(new DateOnly(2026, 9, 7), [13], await OffersAsync(admin));
        var today = cycle.Period(0);
        var tomorrowAndLater = cycle.Period(1);

        var closed = await admin.PostAsJsonAsync(Choices(cycle.Id(), today.Id()), ChoicesBody(pupil, (today.OfferId("Maths"), "Stretch")));
        var open = await admin.PostAsJsonAsync(Choices(cycle.Id(), tomorrowAndLater.Id()), ChoicesBody(pupil, (tomorrowAndLater.OfferId("Maths"), "Stretch")));

        Assert.Equal("secure.choosing_closed", (await closed.AssertProblem(HttpStatusCode.Conflict)).GetProperty("code").GetString());
        await TimetableApi.AssertStatus(open, HttpStatusCode.OK);
    }

    [Fact]
    public async Task UnknownCycleOrPeriod_Is404()
    {
        var (client, cycle, pupil) = await ChosenAsync(11);
        var body = ChoicesBody(pupil, (cycle.Period(3).OfferId("Art"), "Stretch"));

        await (await client.PostAsJsonAsync(Choices(Guid.NewGuid(), cycle.Period(3).Id()), body)).AssertProblem(HttpStatusCode.NotFound);
        await (await client.PostAsJsonAsync(Choices(cycle.Id(), Guid.NewGuid()), body)).AssertProblem(HttpStatusCode.NotFound);
        await (await client.GetAsync(Cycle(Guid.NewGuid()))).AssertProblem(HttpStatusCode.NotFound);
        await (await client.PostAsync(Allocation(cycle.Id(), Guid.NewGuid()), null)).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Choices_NotJson_Is400()
    {
        var (client, cycle, _) = await ChosenAsync(11);

        using var content = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json");
        var response = await client.PostAsync(Choices(cycle.Id(), cycle.Period(3).Id()), content);

        await response.AssertValidationProblem("body");
    }

    [Fact]
    public async Task Cycle_ANegativeCapacity_Is400NamingIt_AndNothingIsSaved()
    {
        await AssertCycleRefusedAsync(body => body["periods"]![2]!["offers"]![1]!["capacity"] = -1, "periods[2].offers[1].capacity");
    }

    [Fact]
    public async Task Cycle_ThreePeriods_Is400NamingPeriods()
    {
        await AssertCycleRefusedAsync(body => body["periods"]!.AsArray().RemoveAt(3), "periods");
    }

    [Fact]
    public async Task Cycle_NotStartingOnAMonday_Is400NamingFortnightStart()
    {
        await AssertCycleRefusedAsync(body => body["fortnightStart"] = "2026-10-06", "fortnightStart");
    }

    [Fact]
    public async Task Cycle_APeriodOutsideTheFortnight_Is400NamingItsDate()
    {
        await AssertCycleRefusedAsync(body => body["periods"]![1]!["date"] = "2026-10-19", "periods[1].date");
    }

    [Fact]
    public async Task Cycle_APeriodOnTheInsetDay_Is400NamingItsDate()
    {
        // Friday 27 November 2026 is an INSET day in the demo year.
        await AssertCycleRefusedAsync(body =>
        {
            body["fortnightStart"] = "2026-11-16";
            foreach (var (period, date) in body["periods"]!.AsArray().Zip(new[] { "2026-11-16", "2026-11-18", "2026-11-23", "2026-11-27" }))
            {
                period!["date"] = date;
            }
        }, "periods[3].date");
    }

    [Fact]
    public async Task Cycle_AnUnknownTeacher_OrOneWithoutTheTeacherRole_Is400NamingIt()
    {
        await AssertCycleRefusedAsync(body => body["periods"]![0]!["offers"]![0]!["teacherId"] = Guid.NewGuid(), "periods[0].offers[0].teacherId");
        await AssertCycleRefusedAsync(body => body["periods"]![0]!["offers"]![2]!["teacherId"] = DemoData.BridgemaryTutorId, "periods[0].offers[2].teacherId");
        await AssertCycleRefusedAsync(body => body["periods"]![0]!["offers"]![2]!["teacherId"] = DemoData.CramlingtonAdminId, "periods[0].offers[2].teacherId");
    }

    [Fact]
    public async Task Cycle_OneTeacherForTwoOffersOfAPeriod_Is409()
    {
        await AssertCycleRefusedAsync(
            body => body["periods"]![1]!["offers"]![1]!["teacherId"] = body["periods"]![1]!["offers"]![0]!["teacherId"]!.DeepClone(),
            status: HttpStatusCode.Conflict, code: "secure.teacher_double_booked");
    }

    [Fact]
    public async Task Cycle_MorePlacesThanTheRoomHolds_Is409()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var room = await admin.NewRoomAsync(capacity: 10);

        await AssertCycleRefusedAsync(
            body =>
            {
                body["periods"]![0]!["offers"]![0]!["roomId"] = room;
                body["periods"]![0]!["offers"]![0]!["capacity"] = 11;
            },
            status: HttpStatusCode.Conflict, code: "secure.room_too_small");
    }

    [Fact]
    public async Task Cycle_OnABlockThatIsNotSecure_Is400NamingIt()
    {
        await AssertCycleRefusedAsync(
            body =>
            {
                body["periods"]![0]!["learningBlockId"] = DemoData.BridgemaryPlacementId;
                body["periods"]![0]!.AsObject().Remove("start");
                body["periods"]![0]!.AsObject().Remove("durationMinutes");
            },
            "periods[0].learningBlockId");
    }

    [Fact]
    public async Task Cycle_OnABlockAndAtATime_Is400NamingStart()
    {
        await AssertCycleRefusedAsync(body => body["periods"]![0]!["learningBlockId"] = DemoData.IdFor("bridgemary:block:secure-monday"), "periods[0].start");
    }

    [Fact]
    public async Task Cycle_TheSameNameTwice_Is409_AndOnlyOneIsSaved()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var name = TimetableApi.Unique("Twice");
        var body = CycleBody(name, Monday, [11], await OffersAsync(admin));

        var first = await admin.PostAsJsonAsync(Cycles, body);
        var second = await admin.PostAsJsonAsync(Cycles, body);

        await TimetableApi.AssertStatus(first, HttpStatusCode.Created);
        await second.AssertProblem(HttpStatusCode.Conflict);
        var cycles = await admin.GetFromJsonAsync<JsonElement>(Cycles);
        Assert.Single(cycles.EnumerateArray(), c => c.GetProperty("name").GetString() == name);
    }

    [Fact]
    public async Task Request_ForAnOfferWithNoPlacesLeft_Is409_AndNotSaved()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        using var teacher = await factory.ClientFor(Accounts.Teacher);
        var first = await admin.NewStudentAsync(11);
        var second = await admin.NewStudentAsync(11);
        var cycle = await admin.NewCycleAsync(Monday, [11], await OffersAsync(admin, maths: 1));
        var period = cycle.Period(0);

        var taken = await teacher.PostAsJsonAsync(Requests(cycle.Id(), period.Id()), new { studentId = first, offerId = period.OfferId("Maths"), mode = "CatchUp" });
        var full = await teacher.PostAsJsonAsync(Requests(cycle.Id(), period.Id()), new { studentId = second, offerId = period.OfferId("Maths"), mode = "CatchUp" });
        var none = await teacher.PostAsJsonAsync(Requests(cycle.Id(), period.Id()), new { studentId = second, offerId = period.OfferId("Art"), mode = "Stretch" });

        await TimetableApi.AssertStatus(taken, HttpStatusCode.Created);
        Assert.Equal("secure.offer_requested_full", (await full.AssertProblem(HttpStatusCode.Conflict)).GetProperty("code").GetString());
        await TimetableApi.AssertStatus(none, HttpStatusCode.Created);
        Assert.Equal(period.OfferId("Art"), (await admin.StudentPeriodAsync(second, period.Id())).GetProperty("request").GetProperty("offerId").GetGuid());
        var offers = (await admin.GetFromJsonAsync<JsonElement>(Cycle(cycle.Id()))).Period(0);
        Assert.Equal(1, offers.Offer("Maths").GetProperty("requested").GetInt32());
        Assert.Equal(0, offers.Offer("Maths").GetProperty("placesLeft").GetInt32());
    }

    [Fact]
    public async Task Request_ForAPupilAnotherTeacherAskedFor_Is409_ButItsAuthorMayChangeIt()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        using var teacher = await factory.ClientFor(Accounts.Teacher);
        var pupil = await admin.NewStudentAsync(11);
        var cycle = await admin.NewCycleAsync(Monday, [11], await OffersAsync(admin));
        var period = cycle.Period(1);
        var url = Requests(cycle.Id(), period.Id());

        await TimetableApi.AssertStatus(await teacher.PostAsJsonAsync(url, new { studentId = pupil, offerId = period.OfferId("Maths"), mode = "CatchUp" }), HttpStatusCode.Created);
        var other = await admin.PostAsJsonAsync(url, new { studentId = pupil, offerId = period.OfferId("Art"), mode = "Stretch" });
        var changed = await teacher.PostAsJsonAsync(url, new { studentId = pupil, offerId = period.OfferId("Maths"), mode = "Reinforce" });

        var conflict = await other.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal("secure.already_requested", conflict.GetProperty("code").GetString());
        Assert.Contains("Bennett", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await TimetableApi.AssertStatus(changed, HttpStatusCode.Created);
        Assert.Equal("Reinforce", (await admin.StudentPeriodAsync(pupil, period.Id())).GetProperty("request").GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Request_WithAnUnknownMode_Is400_AndAnOfferOfAnotherPeriod_Is400NamingOfferId()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var pupil = await admin.NewStudentAsync(11);
        var cycle = await admin.NewCycleAsync(Monday, [11], await OffersAsync(admin));
        var period = cycle.Period(1);

        var mode = await admin.PostAsJsonAsync(Requests(cycle.Id(), period.Id()), new { studentId = pupil, offerId = period.OfferId("Maths"), mode = "Sideways" });
        var offer = await admin.PostAsJsonAsync(Requests(cycle.Id(), period.Id()), new { studentId = pupil, offerId = cycle.Period(0).OfferId("Maths"), mode = "Stretch" });

        await mode.AssertValidationProblem("mode");
        await offer.AssertValidationProblem("offerId");
        Assert.Equal(JsonValueKind.Null, (await admin.StudentPeriodAsync(pupil, period.Id())).GetProperty("request").ValueKind);
    }

    [Fact]
    public async Task Reopen_AnOpenPeriod_Is409_AndAttendanceForAPupilWithNoPlace_Is409()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var pupil = await admin.NewStudentAsync(11);
        var cycle = await admin.NewCycleAsync(Monday, [11], await OffersAsync(admin));
        var period = cycle.Period(0);

        var reopen = await admin.DeleteAsync(Allocation(cycle.Id(), period.Id()));
        var attendance = await admin.PostAsJsonAsync(Attendance(cycle.Id(), period.Id()), new { studentId = pupil, present = true });

        Assert.Equal("secure.not_allocated", (await reopen.AssertProblem(HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.Equal("secure.not_placed", (await attendance.AssertProblem(HttpStatusCode.Conflict)).GetProperty("code").GetString());
    }

    /// <summary>A cycle for Year <paramref name="yearGroup"/> and a new pupil of that year who chose Art then Maths in the fourth period.</summary>
    private async Task<(HttpClient Admin, JsonElement Cycle, Guid Pupil)> ChosenAsync(int yearGroup)
    {
        var admin = await factory.ClientFor(Accounts.Admin);
        var pupil = await admin.NewStudentAsync(yearGroup);
        var cycle = await admin.NewCycleAsync(Monday, [yearGroup], await OffersAsync(admin));
        var period = cycle.Period(3);
        await admin.ChooseAsync(cycle, 3, pupil, (period.OfferId("Art"), "Stretch"), (period.OfferId("Maths"), "CatchUp"));
        return (admin, cycle, pupil);
    }

    private static async Task AssertChoicesUnchangedAsync(HttpClient client, Guid pupil, JsonElement period)
    {
        var choices = (await client.StudentPeriodAsync(pupil, period.Id())).GetProperty("choices").EnumerateArray()
            .Select(c => (c.GetProperty("offerId").GetGuid(), c.GetProperty("mode").GetString())).ToList();
        Assert.Equal([(period.OfferId("Art"), "Stretch"), (period.OfferId("Maths"), "CatchUp")], choices);
    }

    /// <summary>A valid cycle body, changed by <paramref name="spoil"/>, is refused as expected and no cycle is added.</summary>
    private async Task AssertCycleRefusedAsync(Action<JsonNode> spoil, string? field = null, HttpStatusCode status = HttpStatusCode.BadRequest, string? code = null)
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var body = JsonSerializer.SerializeToNode(CycleBody(TimetableApi.Unique("Spoilt"), Monday, [11], await OffersAsync(admin)), JsonSerializerOptions.Web)!;
        spoil(body);
        var before = (await admin.GetFromJsonAsync<JsonElement>(Cycles)).GetArrayLength();

        var response = await admin.PostAsJsonAsync(Cycles, body);

        var problem = field is null ? await response.AssertProblem(status) : await response.AssertValidationProblem(field);
        if (code is not null)
        {
            Assert.Equal(code, problem.GetProperty("code").GetString());
        }

        Assert.Equal(before, (await admin.GetFromJsonAsync<JsonElement>(Cycles)).GetArrayLength());
    }

    /// <summary>Maths (the demo teacher), English, Science and Art, each with its own teacher.</summary>
    private static async Task<List<OfferSpec>> OffersAsync(HttpClient admin, int maths = 30)
    {
        var teachers = (await admin.TeachersAsync()).Where(t => t != DemoData.BridgemaryTeacherId).ToList();
        return [new("Maths", DemoData.BridgemaryTeacherId, maths), new("English", teachers[0], 30), new("Science", teachers[1], 30), new("Art", teachers[2], 30)];
    }
}

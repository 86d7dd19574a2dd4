using System.Text;

namespace School.Api.Tests.Timetabling;

/// <summary>Bad timetabling input is a 400 problem naming the field (or 409 when it breaks a rule of the current state), never a 500.</summary>
public sealed class TimetableBadInputTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private static readonly Guid AlexId = DemoData.BridgemaryStudentId;

    private static BlockSpec Valid => new("Bad input probe") { StudentIds = [AlexId] };

    /// <summary>Each invalid block by a readable name, with the field its 400 names.</summary>
    private static readonly Dictionary<string, (string Field, BlockSpec Block)> Invalid = new()
    {
        ["5 minutes long"] = ("durationMinutes", Valid with { DurationMinutes = 5 }),
        ["1445 minutes long"] = ("durationMinutes", Valid with { DurationMinutes = 1445 }),
        ["47 minutes long"] = ("durationMinutes", Valid with { DurationMinutes = 47 }),
        ["running past midnight"] = ("durationMinutes", Valid with { Start = "23:00", DurationMinutes = 120 }),
        ["starting at 09:07"] = ("start", Valid with { Start = "09:07" }),
        ["toDate before fromDate"] = ("toDate", Valid.Dated("2026-11-13", "2026-11-09")),
        ["dated over more than 31 days"] = ("toDate", Valid.Dated("2026-11-09", "2026-12-31")),
        ["fromDate without toDate"] = ("toDate", Valid with { Day = null, FromDate = "2026-11-09" }),
        ["a day and dates"] = ("day", Valid with { FromDate = "2026-11-09", ToDate = "2026-11-10" }),
        ["unknown group"] = ("groupId", Valid with { StudentIds = null, GroupId = Guid.NewGuid() }),
        ["no group and no students"] = ("groupId", Valid with { StudentIds = null }),
        ["unknown room"] = ("roomId", Valid with { RoomId = Guid.NewGuid() }),
        ["unknown staff"] = ("staffIds", Valid with { StaffIds = [Guid.NewGuid()] }),
        ["unknown student"] = ("studentIds", Valid with { StudentIds = [Guid.NewGuid()] }),
        ["neither a day nor dates"] = ("day", Valid with { Day = null }),
        ["cycle week 3"] = ("cycleWeek", Valid with { CycleWeek = 3 }),
        ["no title"] = ("title", Valid with { Title = "" }),
    };

    public static TheoryData<string> InvalidBlocks => new(Invalid.Keys);

    [Theory]
    [MemberData(nameof(InvalidBlocks))]
    public async Task PostBlock_Invalid_Is400NamingTheField(string invalid)
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var (field, block) = Invalid[invalid];

        var response = await admin.PostAsJsonAsync("/api/timetable/blocks", block);

        await response.AssertValidationProblem(field);
    }

    [Fact]
    public async Task PostBlock_AnotherSchoolsGroupOrRoom_Is400AsUnknown()
    {
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        using var admin = await factory.ClientFor(Accounts.Admin);
        var cramlingtonRoom = await cramlington.NewRoomAsync();

        var group = await admin.PostAsJsonAsync("/api/timetable/blocks", Valid with { StudentIds = null, GroupId = DemoData.IdFor("cramlington:group:9-maths") });
        var room = await admin.PostAsJsonAsync("/api/timetable/blocks", Valid with { RoomId = cramlingtonRoom });

        await group.AssertValidationProblem("groupId");
        await room.AssertValidationProblem("roomId");
    }

    [Theory]
    [InlineData("day", "\"day\":\"Funday\"")]
    [InlineData("start", "\"start\":\"25:00\"")]
    [InlineData("start", "\"start\":\"nine\"")]
    [InlineData("kind", "\"kind\":\"Nap\"")]
    [InlineData("durationMinutes", "\"durationMinutes\":\"long\"")]
    public async Task PostBlock_UnreadableValue_Is400NamingTheField(string field, string replacement)
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var body = JsonSerializer.Serialize(Valid, JsonSerializerOptions.Web);
        var property = replacement[..(replacement.IndexOf(':', StringComparison.Ordinal) + 1)];
        var start = body.IndexOf(property, StringComparison.Ordinal);
        var end = body.IndexOfAny([',', '}'], start);
        var json = string.Concat(body.AsSpan(0, start), replacement, body.AsSpan(end));

        var response = await admin.PostAsync("/api/timetable/blocks", new StringContent(json, Encoding.UTF8, "application/json"));

        await response.AssertValidationProblem(field);
    }

    [Fact]
    public async Task PostDayWindow_EndBeforeStart_Is400NamingEnd()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.PostAsJsonAsync("/api/day-windows", TimetableApi.WindowBody("Backwards", 10, [10], false, start: "13:00", end: "07:30"));

        await response.AssertValidationProblem("end");
    }

    [Fact]
    public async Task PostDayWindow_ZeroCapacity_Is400NamingCapacity()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.PostAsJsonAsync("/api/day-windows", TimetableApi.WindowBody("No places", 0, [10], false));

        await response.AssertValidationProblem("capacity");
    }

    [Fact]
    public async Task PutDayWindow_EndBeforeStart_Is400NamingEnd()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var window = await admin.NewWindowAsync();

        var response = await admin.PutAsJsonAsync($"/api/day-windows/{window.GetProperty("id").GetGuid()}",
            TimetableApi.WindowBody("Backwards", 10, [10], false, start: "13:00", end: "12:00"));

        await response.AssertValidationProblem("end");
    }

    [Fact]
    public async Task PostAcademicYear_OverlappingHalfTerms_Is400NamingTheHalfTerm()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.PostAsJsonAsync("/api/academic-years", new
        {
            name = "2028/29",
            cycleWeeks = 2,
            halfTerms = new[]
            {
                new { name = "Autumn 1", term = "Autumn", start = "2028-09-04", end = "2028-10-27" },
                new { name = "Autumn 2", term = "Autumn", start = "2028-10-20", end = "2028-12-15" },
            },
            closures = Array.Empty<object>(),
        });

        var problem = await response.AssertValidationProblem("halfTerms[1].start");
        Assert.Contains("Autumn 2", problem.GetProperty("errors").GetProperty("halfTerms[1].start")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostAcademicYear_HalfTermEndingBeforeItStarts_Is400NamingItsEnd()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.PostAsJsonAsync("/api/academic-years", new
        {
            name = "2029/30",
            cycleWeeks = 2,
            halfTerms = new[] { new { name = "Autumn 1", term = "Autumn", start = "2029-10-26", end = "2029-09-03" } },
        });

        await response.AssertValidationProblem("halfTerms[0].end");
    }

    [Fact]
    public async Task PostDayWindow_UnknownYearGroup_Is400NamingIt()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.PostAsJsonAsync("/api/day-windows", TimetableApi.WindowBody("Year 15", 10, [10, 15], false));

        await response.AssertValidationProblem("yearGroups[1]");
    }

    [Fact]
    public async Task PutDayWindow_StaleIfMatch_Is412()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var window = await admin.NewWindowAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/day-windows/{window.GetProperty("id").GetGuid()}")
        {
            Content = JsonContent.Create(TimetableApi.WindowBody("Stale", 10, [], false)),
        };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{window.GetProperty("version").GetUInt32() + 7}\""));

        var response = await admin.SendAsync(request);

        await response.AssertProblem(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task PostAcademicYear_OverlappingTheDemoYear_Is409()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.PostAsJsonAsync("/api/academic-years", new
        {
            name = "Overlap",
            cycleWeeks = 1,
            halfTerms = new[] { new { name = "Summer 3", term = "Summer", start = "2027-07-01", end = "2027-07-30" } },
        });

        await response.AssertProblem(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("from=2026-09-07&to=2026-11-09", "to")]
    [InlineData("from=2026-09-14&to=2026-09-07", "to")]
    [InlineData("from=2026-09-14", "to")]
    [InlineData("to=2026-09-14", "from")]
    [InlineData("from=14-09-2026&to=2026-09-18", "from")]
    public async Task StudentTimetable_BadRange_Is400NamingTheParameter(string query, string field)
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.GetAsync($"/api/students/{AlexId}/timetable?{query}");

        await response.AssertValidationProblem(field);
    }

    [Fact]
    public async Task StudentTimetable_SixtyTwoDays_IsAllowed()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.GetAsync($"/api/students/{AlexId}/timetable?from=2026-09-07&to=2026-11-07");

        await TimetableApi.AssertStatus(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task StaffTimetable_RangeOverSixtyTwoDays_Is400NamingTo()
    {
        using var teacher = await factory.ClientFor(Accounts.Teacher);

        var response = await teacher.GetAsync($"/api/staff/{DemoData.BridgemaryTeacherId}/timetable?from=2026-09-01&to=2026-12-01");

        await response.AssertValidationProblem("to");
    }

    [Fact]
    public async Task PutShifts_EndBeforeStart_Is400()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.PutAsJsonAsync($"/api/staff/{DemoData.BridgemaryTeacherId}/shifts", new
        {
            shifts = new[] { new { cycleWeek = 1, day = "Monday", start = "13:15", end = "07:15" } },
        });

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("shifts[0].end", problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task PostRoom_ZeroCapacity_Is400NamingCapacity()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.PostAsJsonAsync("/api/rooms", new { name = "Cupboard", capacity = 0, setting = "OnSite" });

        await response.AssertValidationProblem("capacity");
    }
}

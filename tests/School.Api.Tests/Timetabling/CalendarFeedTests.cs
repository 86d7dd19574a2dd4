using Ical.Net.CalendarComponents;

namespace School.Api.Tests.Timetabling;

/// <summary>
/// Calendar feeds, read back with Ical.Net as a phone would. The clock stands on Monday 19 October 2026, the week before
/// the autumn clock change (Sunday 25 October) and half term; the current term ends on Friday 18 December.
/// </summary>
/// <remarks>The clock only moves forward, so this class has its own factory; every test sets the same instant.</remarks>
public sealed class CalendarFeedTests : IClassFixture<SchoolApiFactory>
{
    private static readonly DateTimeOffset Now = new(2026, 10, 19, 7, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly EndOfTerm = new(2026, 12, 18);

    private readonly SchoolApiFactory _factory;

    public CalendarFeedTests(SchoolApiFactory factory)
    {
        _factory = factory;
        if (_factory.Time.GetUtcNow() < Now)
        {
            _factory.Time.SetUtcNow(Now);
        }
    }

    [Fact]
    public async Task Feed_ReadAnonymously_IsAnICalendarWithLondonTimesEitherSideOfTheClockChange()
    {
        using var admin = await _factory.ClientFor(Accounts.Admin);
        var title = TimetableApi.Unique("Nine o'clock");
        await admin.PostBlockAsync(new BlockSpec(title, "09:00", 60) { StudentIds = [DemoData.BridgemaryStudentId] }.Dated("2026-10-23", "2026-11-02"));
        var url = await FeedUrlAsync(Accounts.Student);

        using var anonymous = _factory.CreateClient();
        var response = await anonymous.GetAsync(url);

        await TimetableApi.AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Europe/London");
        var nine = calendar.Events.Where(e => e.Summary == title).OrderBy(e => e.DtStart!.AsUtc).ToList();
        Assert.Equal(2, nine.Count);
        Assert.All(nine, e =>
        {
            Assert.Equal("Europe/London", e.DtStart!.TzId);
            Assert.Equal(new TimeOnly(9, 0), e.DtStart.Time);
        });
        Assert.Equal(new DateOnly(2026, 10, 23), nine[0].DtStart!.Date);
        Assert.Equal(new DateTime(2026, 10, 23, 8, 0, 0, DateTimeKind.Utc), nine[0].DtStart!.AsUtc);
        Assert.Equal(new DateOnly(2026, 11, 2), nine[1].DtStart!.Date);
        Assert.Equal(new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc), nine[1].DtStart!.AsUtc);
        Assert.Equal(new DateTime(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc), nine[1].DtEnd!.AsUtc);
        var maths = Assert.Single(calendar.Events, e => e.Summary == "Y10 Set 1 Maths" && e.DtStart!.Date == new DateOnly(2026, 11, 2));
        Assert.Equal(new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc), maths.DtStart!.AsUtc);
    }

    [Fact]
    public async Task Feed_FetchedTwice_HasTheSameUniqueUids()
    {
        var url = await FeedUrlAsync(Accounts.Student);
        using var anonymous = _factory.CreateClient();

        var first = await LoadAsync(anonymous, url);
        var second = await LoadAsync(anonymous, url);

        var uids = first.Select(e => e.Uid!).ToList();
        Assert.NotEmpty(uids);
        Assert.Equal(uids.Count, uids.Distinct().Count());
        Assert.Equal(uids.Order(), second.Select(e => e.Uid!).Order());
    }

    [Fact]
    public async Task Feed_RunsFromThisWeekToTheEndOfTheTerm_NeverBeyond()
    {
        var url = await FeedUrlAsync(Accounts.Student);
        using var anonymous = _factory.CreateClient();

        var events = await LoadAsync(anonymous, url);

        var dates = events.Select(e => e.DtStart!.Date).ToList();
        Assert.Equal(new DateOnly(2026, 10, 19), dates.Min());
        Assert.Equal(EndOfTerm, dates.Max());
        Assert.DoesNotContain(dates, d => d > EndOfTerm);
        Assert.DoesNotContain(dates, d => d >= new DateOnly(2026, 10, 24) && d <= new DateOnly(2026, 11, 1));
    }

    [Fact]
    public async Task Feed_ForAParent_HasTheirChildsSessionsNamedForTheChild()
    {
        var url = await FeedUrlAsync(Accounts.Parent);
        using var anonymous = _factory.CreateClient();

        var events = await LoadAsync(anonymous, url);

        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.StartsWith("Alex Morgan: ", e.Summary, StringComparison.Ordinal));
        var maths = Assert.Single(events, e => e.Summary == "Alex Morgan: Y10 Set 1 Maths" && e.DtStart!.Date == new DateOnly(2026, 11, 2));
        Assert.Equal(new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc), maths.DtStart!.AsUtc);
    }

    [Fact]
    public async Task Feed_ForATeacher_HasTheirTeaching()
    {
        var url = await FeedUrlAsync(Accounts.Teacher);
        using var anonymous = _factory.CreateClient();

        var events = await LoadAsync(anonymous, url);

        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.StartsWith("Y10 Set 1 Maths", e.Summary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Feed_AfterDelete_OldAddressAnswers404()
    {
        using var student = await _factory.ClientFor(Accounts.Student);
        var url = await FeedUrlAsync(Accounts.Student);
        using var anonymous = _factory.CreateClient();
        await TimetableApi.AssertStatus(await anonymous.GetAsync(url), HttpStatusCode.OK);

        var deleted = await student.DeleteAsync("/api/me/calendar-feed");

        await TimetableApi.AssertStatus(deleted, HttpStatusCode.NoContent);
        await (await anonymous.GetAsync(url)).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Feed_NewAddress_ReplacesThePreviousOne()
    {
        var old = await FeedUrlAsync(Accounts.Parent);
        var current = await FeedUrlAsync(Accounts.Parent);
        using var anonymous = _factory.CreateClient();

        var oldResponse = await anonymous.GetAsync(old);
        var currentResponse = await anonymous.GetAsync(current);

        Assert.NotEqual(old, current);
        await oldResponse.AssertProblem(HttpStatusCode.NotFound);
        await TimetableApi.AssertStatus(currentResponse, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Feed_UnknownToken_Is404()
    {
        using var anonymous = _factory.CreateClient();

        var response = await anonymous.GetAsync("/api/calendar/not-a-real-token.ics");

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreateFeed_Anonymously_Is401()
    {
        using var anonymous = _factory.CreateClient();

        var response = await anonymous.PostAsync("/api/me/calendar-feed", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<string> FeedUrlAsync(string account)
    {
        using var client = await _factory.ClientFor(account);
        var response = await client.PostAsync("/api/me/calendar-feed", null);
        await TimetableApi.AssertStatus(response, HttpStatusCode.OK);
        var url = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        Assert.Matches("^https?://[^/]+/api/calendar/[A-Za-z0-9_-]{20,}\\.ics$", url);
        return url;
    }

    private static async Task<List<CalendarEvent>> LoadAsync(HttpClient anonymous, string url)
    {
        var response = await anonymous.GetAsync(url);
        await TimetableApi.AssertStatus(response, HttpStatusCode.OK);
        return Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!.Events.ToList();
    }
}

using System.Text;
using static School.Api.Tests.Challenges.ChallengeTestApi;

namespace School.Api.Tests.Challenges;

/// <summary>
/// Bad input to the challenge endpoints is a 400 naming the field, or a 409 with its code when the menu's state forbids
/// the change — never a 500 — and nothing is half-saved: every test re-reads the menu, its challenges, its teams and the
/// demo student's ranking and finds them as they were.
/// </summary>
public sealed class ChallengeBadInputTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>
    /// A Year 9 and 10 menu asking for two choices, with three challenges open to both years and one only for Year 9; the
    /// demo student (Year 10) has already ranked the first two. Each bad ranking is refused and leaves that ranking alone.
    /// </summary>
    [Theory]
    [InlineData("duplicate")]
    [InlineData("too few")]
    [InlineData("too many")]
    [InlineData("more than any menu allows")]
    [InlineData("none")]
    [InlineData("missing")]
    [InlineData("not open to the pupil's year")]
    [InlineData("not on the menu")]
    [InlineData("from another menu")]
    public async Task Preferences_ThatBreakTheRules_Are400NamingChallengeIds_AndKeepTheEarlierRanking(string mistake)
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        using var student = await factory.ClientFor(Accounts.Student);
        var now = factory.Time.GetUtcNow();
        var menuId = await admin.CreateMenuAsync(now, [9, 10], choicesRequired: 2);
        var a = await admin.AddChallengeAsync(menuId);
        var b = await admin.AddChallengeAsync(menuId);
        var c = await admin.AddChallengeAsync(menuId);
        var year9Only = await admin.AddChallengeAsync(menuId, yearGroups: [9]);
        var elsewhere = await admin.AddChallengeAsync(await admin.CreateMenuAsync(now, [10], choicesRequired: 2));
        var url = $"{Menu(menuId)}/preferences";
        await AssertStatus(await student.PostAsJsonAsync(url, new { challengeIds = new[] { a, b } }), HttpStatusCode.OK);
        var before = await SnapshotAsync(admin, menuId);
        object body = mistake switch
        {
            "duplicate" => new { challengeIds = new[] { c, c } },
            "too few" => new { challengeIds = new[] { c } },
            "too many" => new { challengeIds = new[] { c, b, a } },
            "more than any menu allows" => new { challengeIds = Enumerable.Range(0, 11).Select(_ => Guid.NewGuid()).ToArray() },
            "none" => new { challengeIds = Array.Empty<Guid>() },
            "missing" => new { },
            "not open to the pupil's year" => new { challengeIds = new[] { year9Only, c } },
            "not on the menu" => new { challengeIds = new[] { Guid.NewGuid(), c } },
            "from another menu" => new { challengeIds = new[] { elsewhere, c } },
            _ => throw new ArgumentOutOfRangeException(nameof(mistake)),
        };

        var response = await student.PostAsJsonAsync(url, body);

        await response.AssertValidationProblem("challengeIds");
        Assert.Equal(before, await SnapshotAsync(admin, menuId));
        Assert.Equal([a, b], await admin.RankingAsync(DemoData.BridgemaryStudentId, menuId));
    }

    /// <summary>Before the window opens and after it closes choices are a 409 window_closed; only inside it are they saved.</summary>
    [Fact]
    public async Task Preferences_OutsideTheChoosingWindow_Are409WindowClosed_AndSaveNothing()
    {
        using var own = new SchoolApiFactory();
        var now = own.Time.GetUtcNow();
        using var admin = await own.ClientFor(Accounts.Admin);
        var menuId = await admin.CreateMenuAsync(now, [10], opensAt: now.AddDays(1), closesAt: now.AddDays(8));
        var first = await admin.AddChallengeAsync(menuId);
        var second = await admin.AddChallengeAsync(menuId);
        var url = $"{Menu(menuId)}/preferences";

        using (var early = await own.ClientFor(Accounts.Student))
        {
            var response = await early.PostAsJsonAsync(url, new { challengeIds = new[] { first } });
            Assert.Equal("challenges.window_closed", (await response.AssertProblem(HttpStatusCode.Conflict)).Code());
        }

        using (var parentEarly = await own.ClientFor(Accounts.Parent))
        {
            var response = await parentEarly.PostAsJsonAsync(url, new { studentId = DemoData.BridgemaryStudentId, challengeIds = new[] { first } });
            Assert.Equal("challenges.window_closed", (await response.AssertProblem(HttpStatusCode.Conflict)).Code());
        }

        Assert.Empty(await admin.RankingAsync(DemoData.BridgemaryStudentId, menuId));

        // Inside the window (a day later: the tokens from before have expired, so sign in again).
        own.Time.Advance(TimeSpan.FromDays(1));
        using (var inside = await own.ClientFor(Accounts.Student))
        {
            await AssertStatus(await inside.PostAsJsonAsync(url, new { challengeIds = new[] { first } }), HttpStatusCode.OK);
        }

        // Exactly when it closes, and after.
        own.Time.Advance(TimeSpan.FromDays(7));
        using var adminLate = await own.ClientFor(Accounts.Admin);
        var before = await SnapshotAsync(adminLate, menuId);
        foreach (var advance in new[] { TimeSpan.Zero, TimeSpan.FromDays(1) })
        {
            own.Time.Advance(advance);
            using var late = await own.ClientFor(Accounts.Student);
            var response = await late.PostAsJsonAsync(url, new { challengeIds = new[] { second } });
            Assert.Equal("challenges.window_closed", (await response.AssertProblem(HttpStatusCode.Conflict)).Code());
        }

        using var adminLater = await own.ClientFor(Accounts.Admin);
        Assert.Equal(before, await SnapshotAsync(adminLater, menuId));
        Assert.Equal([first], await adminLater.RankingAsync(DemoData.BridgemaryStudentId, menuId));
    }

    [Theory]
    [InlineData("""{"title":"Bad","teamMin":1,"teamMax":6,"capacity":-1}""", "capacity")]
    [InlineData("""{"title":"Bad","teamMin":5,"teamMax":2,"capacity":10}""", "teamMax")]
    [InlineData("""{"title":"Bad","teamMin":0,"teamMax":2,"capacity":10}""", "teamMin")]
    [InlineData("""{"title":"","teamMin":1,"teamMax":2,"capacity":10}""", "title")]
    [InlineData("""{"title":"Bad","teamMin":1,"teamMax":2,"capacity":10,"yearGroups":[14]}""", "yearGroups[0]")]
    [InlineData("""{"title":"Bad","teamMin":1,"teamMax":2,"capacity":10,"coachIds":["01a05a43-fc00-718f-beee-e40a690897af"]}""", "coachIds")]
    [InlineData("""{"title":"Bad","teamMin":1,"teamMax":2,"capacity":"lots"}""", "capacity")]
    [InlineData("""{"title":"Bad","teamMin":1.5,"teamMax":2,"capacity":10}""", "teamMin")]
    [InlineData("""{"title":"Bad","teamMin":1,"teamMax":2,"capacity":10,"coachIds":["not-a-guid"]}""", "coachIds[0]")]
    [InlineData("""{"title":"Bad","teamMin":1,"teamMax":""", "body")]
    [InlineData("", "body")]
    public async Task AddChallenge_WithBadDetails_Is400NamingTheField_AndAddsNothing(string body, string field)
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var menuId = await admin.CreateMenuAsync(factory.Time.GetUtcNow(), [10]);
        await admin.AddChallengeAsync(menuId);
        var before = await SnapshotAsync(admin, menuId);

        var response = await admin.PostAsync($"{Menu(menuId)}/challenges", Json(body));

        await response.AssertValidationProblem(field);
        Assert.Equal(before, await SnapshotAsync(admin, menuId));
    }

    [Theory]
    [InlineData("""{"name":"Bad window","opensAt":"2026-09-10T08:00:00Z","closesAt":"2026-09-09T08:00:00Z","openDay":"2027-07-15"}""", "closesAt")]
    [InlineData("""{"name":"Bad window","opensAt":"2026-09-10T08:00:00Z","closesAt":"2026-09-10T08:00:00Z","openDay":"2027-07-15"}""", "closesAt")]
    [InlineData("""{"name":"Bad window","opensAt":"2026-09-10T08:00:00Z","closesAt":"2026-09-20T08:00:00Z","choicesRequired":0,"openDay":"2027-07-15"}""", "choicesRequired")]
    [InlineData("""{"name":"Bad window","opensAt":"2026-09-10T08:00:00Z","closesAt":"2026-09-20T08:00:00Z","choicesRequired":11,"openDay":"2027-07-15"}""", "choicesRequired")]
    [InlineData("""{"name":"","opensAt":"2026-09-10T08:00:00Z","closesAt":"2026-09-20T08:00:00Z","openDay":"2027-07-15"}""", "name")]
    [InlineData("""{"name":"Bad window","opensAt":"next week","closesAt":"2026-09-20T08:00:00Z","openDay":"2027-07-15"}""", "opensAt")]
    [InlineData("""{"name":"Bad window","yearGroups":"ten","opensAt":"2026-09-10T08:00:00Z","closesAt":"2026-09-20T08:00:00Z","openDay":"2027-07-15"}""", "yearGroups")]
    [InlineData("""{"name":"Bad window","opensAt":"2026-09-10T08:00:00Z","closesAt":"2026-09-20T08:00:00Z","choicesRequired":"two","openDay":"2027-07-15"}""", "choicesRequired")]
    [InlineData("""{"name":"Bad window","opensAt":"2026-09-10T08:00:00Z","closesAt":"2026-09-20T08:00:00Z","openDay":"2027-02-30"}""", "openDay")]
    [InlineData("""{"name":"Bad window","opensAt":""", "body")]
    [InlineData("", "body")]
    // Dates and instants are between the years 2000 and 2100, whatever the validator of the message says.
    [InlineData("""{"name":"Far window","opensAt":"2026-09-10T08:00:00Z","closesAt":"9999-12-31T00:00:00Z","openDay":"2027-07-15"}""", "closesAt")]
    [InlineData("""{"name":"Old window","opensAt":"1999-12-31T08:00:00Z","closesAt":"2026-09-20T08:00:00Z","openDay":"2027-07-15"}""", "opensAt")]
    public async Task CreateMenu_WithBadDetails_Is400NamingTheField_AndCreatesNothing(string body, string field)
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var before = (await admin.GetFromJsonAsync<JsonElement>(MenusUrl)).ToString();

        var response = await admin.PostAsync(MenusUrl, Json(body));

        await response.AssertValidationProblem(field);
        Assert.Equal(before, (await admin.GetFromJsonAsync<JsonElement>(MenusUrl)).ToString());
    }

    [Theory]
    [InlineData("""{"challengeIds":"abc"}""", "challengeIds")]
    [InlineData("""{"challengeIds":["not-a-guid"]}""", "challengeIds[0]")]
    [InlineData("""{"studentId":"nobody","challengeIds":[]}""", "studentId")]
    [InlineData("""{"challengeIds":[""", "body")]
    [InlineData("", "body")]
    public async Task Preferences_WithAMalformedBody_Are400NamingTheField_AndSaveNothing(string body, string field)
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        using var student = await factory.ClientFor(Accounts.Student);
        var menuId = await admin.CreateMenuAsync(factory.Time.GetUtcNow(), [10]);
        await admin.AddChallengeAsync(menuId);
        var before = await SnapshotAsync(admin, menuId);

        var response = await student.PostAsync($"{Menu(menuId)}/preferences", Json(body));

        await response.AssertValidationProblem(field);
        Assert.Equal(before, await SnapshotAsync(admin, menuId));
        Assert.Empty(await admin.RankingAsync(DemoData.BridgemaryStudentId, menuId));
    }

    [Theory]
    [InlineData("""{"publish":"yes"}""", "publish")]
    [InlineData("""{"publish":1}""", "publish")]
    [InlineData("""{"publish":""", "body")]
    public async Task Allocation_WithAMalformedBody_Is400_AndPublishesNothing(string body, string field)
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var menuId = await admin.CreateMenuAsync(factory.Time.GetUtcNow(), [10]);
        await admin.AddChallengeAsync(menuId);
        var before = await SnapshotAsync(admin, menuId);

        var response = await admin.PostAsync($"{Menu(menuId)}/allocation", Json(body));

        await response.AssertValidationProblem(field);
        Assert.Equal(before, await SnapshotAsync(admin, menuId));
        Assert.Equal("Open", await admin.StatusOfAsync(menuId));
    }

    [Theory]
    [InlineData("milestones", """{"milestone":3}""", "milestone")]
    [InlineData("milestones", """{"milestone":"Juggle"}""", "milestone")]
    [InlineData("milestones", """{"milestone":""", "body")]
    [InlineData("complete", """{"outcome":["a"]}""", "outcome")]
    [InlineData("complete", """{"outcome":""}""", "outcome")]
    [InlineData("complete", """{"outcome":""", "body")]
    [InlineData("complete", "", "body")]
    public async Task Team_WithAMalformedBody_Is400NamingTheField_AndChangesNothing(string action, string body, string field)
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var menuId = await admin.CreateMenuAsync(factory.Time.GetUtcNow(), [10]);
        await admin.AddChallengeAsync(menuId, coachIds: [DemoData.BridgemaryTeacherId]);
        await admin.PublishAsync(menuId);
        var team = (await admin.TeamsAsync(menuId))[0].Id();
        var before = await SnapshotAsync(admin, menuId);
        using var coach = await factory.ClientFor(Accounts.Teacher);

        var response = await coach.PostAsync($"{Menu(menuId)}/teams/{team}/{action}", Json(body));

        await response.AssertValidationProblem(field);
        Assert.Equal(before, await SnapshotAsync(admin, menuId));
    }

    /// <summary>A published allocation stands: allocating again (publishing or previewing) is a 409 until the menu is reopened.</summary>
    [Fact]
    public async Task AllocatingAgain_AfterPublishing_Is409Published_AndKeepsThePublishedAllocation_UntilReopened()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var menuId = await admin.CreateMenuAsync(factory.Time.GetUtcNow(), [10]);
        await admin.AddChallengeAsync(menuId, capacity: 150, teamMax: 40);
        await admin.AddChallengeAsync(menuId, capacity: 150, teamMax: 40);
        await admin.PublishAsync(menuId);
        var before = await SnapshotAsync(admin, menuId);
        var allocation = (await admin.GetFromJsonAsync<JsonElement>($"{Menu(menuId)}/allocation")).ToString();

        foreach (var publish in new[] { true, false })
        {
            var again = await admin.PostAsJsonAsync($"{Menu(menuId)}/allocation", new { publish });
            Assert.Equal("challenges.published", (await again.AssertProblem(HttpStatusCode.Conflict)).Code());
        }

        Assert.Equal(before, await SnapshotAsync(admin, menuId));
        Assert.Equal(allocation, (await admin.GetFromJsonAsync<JsonElement>($"{Menu(menuId)}/allocation")).ToString());

        await AssertStatus(await admin.PostAsync($"{Menu(menuId)}/reopen", null), HttpStatusCode.OK);
        var reopenedAgain = await admin.PostAsync($"{Menu(menuId)}/reopen", null);
        Assert.Equal("challenges.not_published", (await reopenedAgain.AssertProblem(HttpStatusCode.Conflict)).Code());
        Assert.Empty(await admin.TeamsAsync(menuId));
        await (await admin.GetAsync($"{Menu(menuId)}/allocation")).AssertProblem(HttpStatusCode.NotFound);
        await admin.PublishAsync(menuId);
        Assert.NotEmpty(await admin.TeamsAsync(menuId));
    }

    [Fact]
    public async Task AddingAChallenge_ToAPublishedMenu_Is409Published_AndAddsNothing()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var menuId = await admin.CreateMenuAsync(factory.Time.GetUtcNow(), [10]);
        await admin.AddChallengeAsync(menuId);
        await admin.PublishAsync(menuId);
        var before = await SnapshotAsync(admin, menuId);

        var response = await admin.PostAsJsonAsync($"{Menu(menuId)}/challenges", new { title = "Too late", teamMin = 1, teamMax = 6, capacity = 12 });

        Assert.Equal("challenges.published", (await response.AssertProblem(HttpStatusCode.Conflict)).Code());
        Assert.Equal(before, await SnapshotAsync(admin, menuId));
        Assert.Single((await admin.MenuAsync(menuId)).GetProperty("challenges").EnumerateArray());
    }

    /// <summary>Everything a refused request might have half-saved: the menu (with its version and challenges), its teams and the demo student's ranking.</summary>
    private static async Task<string> SnapshotAsync(HttpClient admin, Guid menuId)
    {
        var menu = await admin.MenuAsync(menuId);
        var teams = await admin.GetFromJsonAsync<JsonElement>($"{Menu(menuId)}/teams");
        var ranking = await admin.RankingAsync(DemoData.BridgemaryStudentId, menuId);
        return $"{menu}\n{teams}\n{string.Join(",", ranking)}";
    }
}

namespace School.Api.Tests.Challenges;

/// <summary>A menu from set-up to a published allocation: choices in the window, an optimal preview, publish once, reopen.</summary>
public sealed class ChallengeMenuTests
{
    [Fact]
    public async Task Menu_ChoicesPreviewPublish_RespectCapacityAndRanks_AndPublishingTwiceIs409()
    {
        using var factory = new SchoolApiFactory();
        using var admin = await factory.ClientFor(Accounts.Admin);
        var now = factory.Time.GetUtcNow();
        var created = await admin.PostAsJsonAsync("/api/challenge-menus", new
        {
            name = "Test challenges",
            yearGroups = new[] { 10 },
            opensAt = now.AddDays(-1),
            closesAt = now.AddDays(7),
            choicesRequired = 2,
            openDay = "2027-07-15",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var menuId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var popular = await AddAsync(admin, menuId, "Cycle to the coast", capacity: 1);
        var roomy = await AddAsync(admin, menuId, "Stage a musical", capacity: 400);
        await (await admin.PostAsJsonAsync($"/api/challenge-menus/{menuId}/challenges", new { title = "Bad", teamMin = 5, teamMax = 2, capacity = 1 }))
            .AssertValidationProblem("teamMax");
        await (await admin.PostAsJsonAsync($"/api/challenge-menus/{menuId}/challenges", new { title = "Bad", teamMin = 1, teamMax = 2, capacity = -1 }))
            .AssertValidationProblem("capacity");

        using var student = await factory.ClientFor(Accounts.Student);
        var url = $"/api/challenge-menus/{menuId}/preferences";
        await (await student.PostAsJsonAsync(url, new { challengeIds = new[] { popular, popular } })).AssertValidationProblem("challengeIds");
        await (await student.PostAsJsonAsync(url, new { challengeIds = new[] { popular } })).AssertValidationProblem("challengeIds");
        Assert.Equal(HttpStatusCode.OK, (await student.PostAsJsonAsync(url, new { challengeIds = new[] { popular, roomy } })).StatusCode);
        var menu = await student.GetFromJsonAsync<JsonElement>($"/api/challenge-menus/{menuId}");
        Assert.Equal(2, menu.GetProperty("challenges").GetArrayLength());

        var preview = await (await admin.PostAsJsonAsync($"/api/challenge-menus/{menuId}/allocation", new { publish = false })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(preview.GetProperty("published").GetBoolean());
        var placements = preview.GetProperty("placements").EnumerateArray().ToList();
        Assert.Equal(preview.GetProperty("pupils").GetInt32(), placements.Count);
        Assert.Single(placements, p => p.GetProperty("challengeId").ValueKind != JsonValueKind.Null && p.GetProperty("challengeId").GetGuid() == popular);
        var alex = placements.Single(p => p.GetProperty("studentId").GetGuid() == DemoData.BridgemaryStudentId);
        Assert.Equal((popular, 1), (alex.GetProperty("challengeId").GetGuid(), alex.GetProperty("rank").GetInt32()));

        var published = await admin.PostAsJsonAsync($"/api/challenge-menus/{menuId}/allocation", new { publish = true });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var again = await admin.PostAsJsonAsync($"/api/challenge-menus/{menuId}/allocation", new { publish = true });
        Assert.Equal("challenges.published", (await again.AssertProblem(HttpStatusCode.Conflict)).GetProperty("code").GetString());
        var mine = await student.GetFromJsonAsync<JsonElement>($"/api/students/{DemoData.BridgemaryStudentId}/challenges");
        Assert.Equal(popular, mine[0].GetProperty("challengeId").GetGuid());

        var late = await student.PostAsJsonAsync(url, new { challengeIds = new[] { roomy, popular } });
        Assert.Equal("challenges.published", (await late.AssertProblem(HttpStatusCode.Conflict)).GetProperty("code").GetString());
        factory.Time.Advance(TimeSpan.FromDays(8));
        using var studentLater = await factory.ClientFor(Accounts.Student);
        using var adminLater = await factory.ClientFor(Accounts.Admin);
        Assert.Equal(HttpStatusCode.OK, (await adminLater.PostAsync($"/api/challenge-menus/{menuId}/reopen", null)).StatusCode);
        var closed = await studentLater.PostAsJsonAsync(url, new { challengeIds = new[] { roomy, popular } });
        Assert.Equal("challenges.window_closed", (await closed.AssertProblem(HttpStatusCode.Conflict)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task AnotherSchoolsMenu_Is404()
    {
        using var factory = new SchoolApiFactory();
        using var admin = await factory.ClientFor(Accounts.Admin);
        var now = factory.Time.GetUtcNow();
        var created = await admin.PostAsJsonAsync("/api/challenge-menus", new { name = "Ours", opensAt = now, closesAt = now.AddDays(7), openDay = "2027-07-15" });
        var menuId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var other = await factory.ClientFor(Accounts.CramlingtonAdmin);

        await (await other.GetAsync($"/api/challenge-menus/{menuId}")).AssertProblem(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync($"/api/challenge-menus/{menuId}/allocation", new { publish = false })).AssertProblem(HttpStatusCode.NotFound);
        using var teacher = await factory.ClientFor(Accounts.Teacher);
        await (await teacher.PostAsJsonAsync($"/api/challenge-menus/{menuId}/allocation", new { publish = false })).AssertProblem(HttpStatusCode.Forbidden);
    }

    private static async Task<Guid> AddAsync(HttpClient admin, Guid menuId, string title, int capacity)
    {
        var response = await admin.PostAsJsonAsync($"/api/challenge-menus/{menuId}/challenges", new { title, teamMin = 1, teamMax = 8, capacity });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}

namespace School.Api.Tests.Challenges;

/// <summary>After publishing: teams within the team size and mixing years, coaches see and run their teams, the outcome lands in each member's portfolio, record of achievement and learning plan.</summary>
public sealed class ChallengeTeamTests
{
    [Fact]
    public async Task PublishedMenu_FormsTeams_TheCoachRunsThem_AndTheOutcomeReachesPortfolioRecordAndPlan()
    {
        using var factory = new SchoolApiFactory();
        using var admin = await factory.ClientFor(Accounts.Admin);
        var now = factory.Time.GetUtcNow();
        var created = await admin.PostAsJsonAsync("/api/challenge-menus", new
        {
            name = "Year 10 and 11 challenges", yearGroups = new[] { 10, 11 }, opensAt = now.AddDays(-1), closesAt = now.AddDays(7), choicesRequired = 1, openDay = "2027-07-15",
        });
        var menuId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var coached = await (await admin.PostAsJsonAsync($"/api/challenge-menus/{menuId}/challenges", new
        {
            title = "Magic tricks", teamMin = 3, teamMax = 6, capacity = 20, coachIds = new[] { DemoData.BridgemaryTeacherId },
        })).Content.ReadFromJsonAsync<JsonElement>();
        var magic = coached.GetProperty("id").GetGuid();
        await admin.PostAsJsonAsync($"/api/challenge-menus/{menuId}/challenges", new { title = "Everything else", teamMin = 1, teamMax = 500, capacity = 500 });
        using var student = await factory.ClientFor(Accounts.Student);
        await student.PostAsJsonAsync($"/api/challenge-menus/{menuId}/preferences", new { challengeIds = new[] { magic } });

        var published = await (await admin.PostAsJsonAsync($"/api/challenge-menus/{menuId}/allocation", new { publish = true })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(published.GetProperty("published").GetBoolean());

        using var teacher = await factory.ClientFor(Accounts.Teacher);
        var teams = await teacher.GetFromJsonAsync<JsonElement>($"/api/challenge-menus/{menuId}/teams");
        Assert.NotEqual(0, teams.GetArrayLength());
        Assert.All(teams.EnumerateArray(), t => Assert.Equal(magic, t.GetProperty("challengeId").GetGuid())); // only the teams they coach
        var magicMembers = teams.EnumerateArray().Sum(t => t.GetProperty("memberIds").GetArrayLength());
        Assert.InRange(magicMembers, 1, 20); // never over capacity
        if (magicMembers >= 3)
        {
            Assert.All(teams.EnumerateArray(), t => Assert.InRange(t.GetProperty("memberIds").GetArrayLength(), 3, 6));
        }
        var alexTeam = teams.EnumerateArray().Single(t => t.GetProperty("memberIds").EnumerateArray().Any(m => m.GetGuid() == DemoData.BridgemaryStudentId));
        var teamId = alexTeam.GetProperty("id").GetGuid();

        var mine = await student.GetFromJsonAsync<JsonElement>($"/api/challenge-menus/{menuId}/teams");
        Assert.Equal(teamId, Assert.Single(mine.EnumerateArray()).GetProperty("id").GetGuid());
        using var pastoral = await factory.ClientFor(Accounts.Pastoral);
        await (await pastoral.PostAsJsonAsync($"/api/challenge-menus/{menuId}/teams/{teamId}/complete", new { outcome = "x" })).AssertProblem(HttpStatusCode.Forbidden);
        await (await teacher.PostAsJsonAsync($"/api/challenge-menus/{menuId}/teams/{teamId}/milestones", new { milestone = "Juggle" })).AssertValidationProblem("milestone");
        var planned = await teacher.PostAsJsonAsync($"/api/challenge-menus/{menuId}/teams/{teamId}/milestones", new { milestone = "Plan" });
        Assert.Equal(HttpStatusCode.OK, planned.StatusCode);

        var done = await teacher.PostAsJsonAsync($"/api/challenge-menus/{menuId}/teams/{teamId}/complete", new { outcome = "Performed a twenty-minute show for Year 7." });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        await (await teacher.PostAsJsonAsync($"/api/challenge-menus/{menuId}/teams/{teamId}/complete", new { outcome = "Again" })).AssertProblem(HttpStatusCode.Conflict);

        var record = await student.GetFromJsonAsync<JsonElement>($"/api/students/{DemoData.BridgemaryStudentId}/record-of-achievement");
        Assert.Contains("Personal challenge: Magic tricks", record.ToString(), StringComparison.Ordinal);
        var plan = await student.GetFromJsonAsync<JsonElement>($"/api/students/{DemoData.BridgemaryStudentId}/learning-plan");
        var line = plan.GetProperty("challengeRecord");
        Assert.Equal(("Magic tricks", "Performed a twenty-minute show for Year 7."), (line.GetProperty("challenge").GetString(), line.GetProperty("outcome").GetString()));
        var openDay = await student.GetFromJsonAsync<JsonElement>($"/api/challenge-menus/{menuId}/open-day");
        Assert.Contains(openDay.EnumerateArray(), s => s.GetProperty("teamId").GetGuid() == teamId);
    }
}

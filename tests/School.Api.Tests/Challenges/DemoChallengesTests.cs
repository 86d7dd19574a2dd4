namespace School.Api.Tests.Challenges;

/// <summary>
/// The demo personal challenges: Bridgemary's menu of about forty challenges for Years 7–9 with the pupils' ranked choices,
/// seen by the school's staff but not by the Year 10 demo student, and an optimal, deterministic preview allocation.
/// </summary>
public sealed class DemoChallengesTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private const string MenusUrl = "/api/challenge-menus";

    private static readonly string MenuUrl = $"{MenusUrl}/{DemoData.BridgemaryChallengeMenuId}";

    [Fact]
    public async Task DemoMenu_IsListedForTheAdmin_WithAboutFortyChallengesForYears7To9()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var menus = await admin.GetFromJsonAsync<JsonElement>(MenusUrl);
        var demo = Assert.Single(menus.EnumerateArray(), m => m.GetProperty("id").GetGuid() == DemoData.BridgemaryChallengeMenuId);
        Assert.Equal("Personal challenges 2027", demo.GetProperty("name").GetString());
        Assert.Equal([7, 8, 9], demo.GetProperty("yearGroups").EnumerateArray().Select(y => y.GetInt32()));
        Assert.Equal("Open", demo.GetProperty("status").GetString());
        Assert.Equal(5, demo.GetProperty("choicesRequired").GetInt32());
        Assert.InRange(demo.GetProperty("challengeCount").GetInt32(), 35, 45);
        Assert.DoesNotContain(menus.EnumerateArray(), m => m.GetProperty("id").GetGuid() == DemoData.CramlingtonChallengeMenuId);

        var menu = await admin.GetFromJsonAsync<JsonElement>(MenuUrl);
        var challenges = menu.GetProperty("challenges").EnumerateArray().ToList();
        Assert.InRange(challenges.Count, 35, 45);
        Assert.All(challenges, c => Assert.NotEmpty(c.GetProperty("coachIds").EnumerateArray()));
        Assert.Contains(challenges, c => c.GetProperty("needsGuardianConsent").GetBoolean());
        Assert.Contains(challenges, c => c.GetProperty("communityPartner").ValueKind == JsonValueKind.String);
        Assert.Contains(challenges, c => c.GetProperty("yearGroups").EnumerateArray().Select(y => y.GetInt32()).SequenceEqual([9]));
        var places = challenges.Sum(c => c.GetProperty("capacity").GetInt32());
        Assert.InRange(places, 600, 700); // a little more than the 600 pupils in Years 7–9
    }

    [Fact]
    public async Task DemoMenu_IsNotShownToTheYear10DemoStudentOrTheirParent()
    {
        foreach (var caller in new[] { Accounts.Student, Accounts.Parent })
        {
            using var client = await factory.ClientFor(caller);

            var menus = await client.GetFromJsonAsync<JsonElement>(MenusUrl);
            Assert.DoesNotContain(menus.EnumerateArray(), m => m.GetProperty("id").GetGuid() == DemoData.BridgemaryChallengeMenuId);
            await (await client.GetAsync(MenuUrl)).AssertProblem(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task CramlingtonMenu_IsSeenByItsYear9Student_AndNotByBridgemary()
    {
        using var student = await factory.ClientFor(Accounts.CramlingtonStudent);
        var menus = await student.GetFromJsonAsync<JsonElement>(MenusUrl);
        var menu = Assert.Single(menus.EnumerateArray());
        Assert.Equal(DemoData.CramlingtonChallengeMenuId, menu.GetProperty("id").GetGuid());
        Assert.InRange(menu.GetProperty("challengeCount").GetInt32(), 3, 4);

        using var admin = await factory.ClientFor(Accounts.Admin);
        await (await admin.GetAsync($"{MenusUrl}/{DemoData.CramlingtonChallengeMenuId}")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PreviewOfTheDemoMenu_PlacesEveryPupilOnceWithinCapacity_MostGetTheirFirstChoice_AndIsDeterministic()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var menu = await admin.GetFromJsonAsync<JsonElement>(MenuUrl);
        var capacity = menu.GetProperty("challenges").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetGuid(), c => c.GetProperty("capacity").GetInt32());

        var preview = await PreviewAsync(admin);

        Assert.False(preview.GetProperty("published").GetBoolean());
        var pupils = preview.GetProperty("pupils").GetInt32();
        Assert.Equal(600, pupils); // 200 in each of Years 7–9
        Assert.Equal(0, preview.GetProperty("unplaced").GetInt32());
        var placements = preview.GetProperty("placements").EnumerateArray()
            .Select(p => (
                Student: p.GetProperty("studentId").GetGuid(),
                Challenge: p.GetProperty("challengeId").ValueKind == JsonValueKind.Null ? (Guid?)null : p.GetProperty("challengeId").GetGuid(),
                Rank: p.GetProperty("rank").ValueKind == JsonValueKind.Null ? (int?)null : p.GetProperty("rank").GetInt32()))
            .ToList();

        Assert.Equal(pupils, placements.Count);
        Assert.Equal(placements.Count, placements.Select(p => p.Student).Distinct().Count());
        Assert.All(placements, p => Assert.NotNull(p.Challenge));
        Assert.All(placements.GroupBy(p => p.Challenge!.Value), g =>
            Assert.True(g.Count() <= capacity[g.Key], $"Challenge {g.Key} has {g.Count()} pupils for {capacity[g.Key]} places."));
        var firstChoices = placements.Count(p => p.Rank == 1);
        Assert.True(firstChoices * 2 > pupils, $"Only {firstChoices} of {pupils} got their first choice.");
        Assert.Equal(firstChoices, preview.GetProperty("byRank")[0].GetInt32());

        var again = await PreviewAsync(admin);
        Assert.Equal(
            preview.GetProperty("placements").GetRawText(),
            again.GetProperty("placements").GetRawText());
    }

    private static async Task<JsonElement> PreviewAsync(HttpClient admin)
    {
        var response = await admin.PostAsJsonAsync($"{MenuUrl}/allocation", new { publish = false });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

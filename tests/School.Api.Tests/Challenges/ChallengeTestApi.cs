namespace School.Api.Tests.Challenges;

/// <summary>Small helpers for the challenge matrix and bad-input tests: menus, challenges, publishing and re-reading state.</summary>
internal static class ChallengeTestApi
{
    public const string MenusUrl = "/api/challenge-menus";

    /// <summary>A Year 7 pupil at Bridgemary (not linked to any demo sign-in).</summary>
    public static readonly Guid BridgemaryYear7StudentId = DemoData.IdFor("bridgemary:student:BMC07001");

    /// <summary>A Year 8 pupil at Bridgemary whom no demo tutor, mentor, student or parent sees.</summary>
    public static readonly Guid OtherBridgemaryStudentId = DemoData.IdFor("bridgemary:student:BMC08100");

    public static string Menu(Guid menuId) => $"{MenusUrl}/{menuId}";

    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>A new menu whose choosing window is open now (unless told otherwise), created by <paramref name="admin"/>.</summary>
    public static async Task<Guid> CreateMenuAsync(
        this HttpClient admin, DateTimeOffset now, int[] yearGroups, int choicesRequired = 1, DateTimeOffset? opensAt = null,
        DateTimeOffset? closesAt = null, string? name = null)
    {
        var response = await admin.PostAsJsonAsync(MenusUrl, new
        {
            name = name ?? Unique("Challenges"),
            yearGroups,
            opensAt = opensAt ?? now.AddDays(-1),
            closesAt = closesAt ?? now.AddDays(7),
            choicesRequired,
            openDay = "2027-07-15",
        });
        await AssertStatus(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Id();
    }

    public static async Task<Guid> AddChallengeAsync(
        this HttpClient admin, Guid menuId, string? title = null, int capacity = 1000, int teamMin = 1, int teamMax = 100, Guid[]? coachIds = null,
        int[]? yearGroups = null)
    {
        var response = await admin.PostAsJsonAsync($"{Menu(menuId)}/challenges", new
        {
            title = title ?? Unique("Challenge"),
            teamMin,
            teamMax,
            capacity,
            coachIds = coachIds ?? [],
            yearGroups,
        });
        await AssertStatus(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Id();
    }

    public static async Task<JsonElement> PublishAsync(this HttpClient admin, Guid menuId)
    {
        var response = await admin.PostAsJsonAsync($"{Menu(menuId)}/allocation", new { publish = true });
        await AssertStatus(response, HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> MenuAsync(this HttpClient client, Guid menuId) =>
        await client.GetFromJsonAsync<JsonElement>(Menu(menuId));

    public static async Task<string?> StatusOfAsync(this HttpClient admin, Guid menuId) =>
        (await admin.MenuAsync(menuId)).GetProperty("status").GetString();

    public static async Task<List<JsonElement>> TeamsAsync(this HttpClient client, Guid menuId) =>
        (await client.GetFromJsonAsync<JsonElement>($"{Menu(menuId)}/teams")).EnumerateArray().ToList();

    /// <summary>The student's ranking on <paramref name="menuId"/> as <paramref name="reader"/> sees it (empty when they have none).</summary>
    public static async Task<List<Guid>> RankingAsync(this HttpClient reader, Guid studentId, Guid menuId)
    {
        var all = await reader.GetFromJsonAsync<JsonElement>($"/api/students/{studentId}/challenges");
        var mine = all.EnumerateArray().Where(m => m.GetProperty("menuId").GetGuid() == menuId).ToList();
        return mine.Count == 0 ? [] : mine[0].GetProperty("rankedChallengeIds").EnumerateArray().Select(i => i.GetGuid()).ToList();
    }

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static List<Guid> Ids(this JsonElement array) => array.EnumerateArray().Select(Id).ToList();

    public static string? Code(this JsonElement problem) => problem.GetProperty("code").GetString();

    /// <summary>The status, and for a failure the problem shape.</summary>
    public static async Task AssertStatus(HttpResponseMessage response, HttpStatusCode expected)
    {
        if ((int)expected >= 400)
        {
            await response.AssertProblem(expected);
            return;
        }

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
    }
}

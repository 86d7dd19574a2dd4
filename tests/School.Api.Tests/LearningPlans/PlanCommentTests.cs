namespace School.Api.Tests.LearningPlans;

/// <summary>
/// Comments on a plan are their own records: adding one never touches the plan (no If-Match, no new ETag), the answer is
/// the comment, and the comments are read a page at a time, oldest first, like a conversation.
/// </summary>
public sealed class PlanCommentTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    [Fact]
    public async Task EightPeopleCommentingAtOnce_AllSucceed_AndThePlansETagIsUnchanged()
    {
        var family = await factory.NewFamilyAsync();
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        await tutor.CreatedPlanAsync(family.StudentId);
        var etagBefore = await tutor.ETagAsync(family.StudentId);
        var clients = new[]
        {
            tutor,
            await factory.ClientFor(Accounts.Mentor),
            await factory.ClientFor(Accounts.Admin),
            await factory.ClientFor(Accounts.Pastoral),
            await factory.StudentOf(family),
            await factory.GuardianOf(family),
            await factory.GuardianWithoutResponsibilityOf(family),
            await factory.ClientFor(Accounts.Tutor),
        };

        var responses = await Task.WhenAll(clients.Select((client, i) =>
            client.PostAsJsonAsync(Comments(family.StudentId), new { text = $"Comment {i + 1} of 8." })));

        foreach (var response in responses)
        {
            await PlanApi.AssertStatus(response, HttpStatusCode.Created);
        }

        Assert.Equal(etagBefore, await tutor.ETagAsync(family.StudentId));
        var listed = await tutor.GetFromJsonAsync<JsonElement>($"{Comments(family.StudentId)}?pageSize=100");
        Assert.Equal(8, listed.GetProperty("totalCount").GetInt32());
        Assert.Equal(
            Enumerable.Range(1, 8).Select(i => $"Comment {i} of 8."),
            listed.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("text").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(8, (await tutor.PlanAsync(family.StudentId)).GetProperty("commentCount").GetInt32());
        foreach (var client in clients.Skip(1))
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task Comment_Is201WithTheCommentAndWhereToReadIt_NotThePlan()
    {
        var family = await factory.NewFamilyAsync();
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        await tutor.CreatedPlanAsync(family.StudentId);
        using var mother = await factory.GuardianOf(family);

        var response = await mother.PostAsJsonAsync(Comments(family.StudentId), new { text = "  Proud of Sam.  " });

        await PlanApi.AssertStatus(response, HttpStatusCode.Created);
        Assert.Null(response.Headers.ETag);
        Assert.Equal(Comments(family.StudentId), response.Headers.Location?.OriginalString);
        var comment = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(Guid.Empty, comment.GetProperty("id").GetGuid());
        Assert.Equal("Proud of Sam.", comment.GetProperty("text").GetString());
        Assert.Equal(family.GuardianId, comment.GetProperty("personId").GetGuid());
        Assert.Equal("Jamie Planner", comment.GetProperty("name").GetString());
        Assert.Equal(factory.Time.GetUtcNow(), comment.GetProperty("at").GetDateTimeOffset());
        Assert.False(comment.TryGetProperty("content", out _), "the answer is the comment, not the whole plan");
    }

    [Fact]
    public async Task Comments_ArePagedOldestFirst()
    {
        var family = await factory.NewFamilyAsync();
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        await tutor.CreatedPlanAsync(family.StudentId);
        foreach (var text in new[] { "First.", "Second.", "Third." })
        {
            await PlanApi.AssertStatus(await tutor.PostAsJsonAsync(Comments(family.StudentId), new { text }), HttpStatusCode.Created);
            factory.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var first = await tutor.GetFromJsonAsync<JsonElement>($"{Comments(family.StudentId)}?page=1&pageSize=2");
        var second = await tutor.GetFromJsonAsync<JsonElement>($"{Comments(family.StudentId)}?page=2&pageSize=2");

        Assert.Equal(["First.", "Second."], Texts(first));
        Assert.Equal(["Third."], Texts(second));
        Assert.Equal((3, 2, 2), (first.GetProperty("totalCount").GetInt32(), first.GetProperty("totalPages").GetInt32(), second.GetProperty("page").GetInt32()));
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task Comments_WithAPageOutOfRange_Is400NamingIt(string query, string field)
    {
        using var tutor = await factory.ClientFor(Accounts.Tutor);

        var response = await tutor.GetAsync($"{Comments(DemoData.BridgemaryStudentId)}?{query}");

        await response.AssertValidationProblem(field);
    }

    [Fact]
    public async Task TheDemoPlansComments_AreListed_AndCountedOnThePlan()
    {
        using var parent = await factory.ClientFor(Accounts.Parent);

        var comments = await parent.GetFromJsonAsync<JsonElement>(Comments(DemoData.BridgemaryStudentId));
        var plan = await parent.PlanAsync(DemoData.BridgemaryStudentId);

        Assert.Contains("Thank you — Alex is really enjoying the science Fridays.", Texts(comments));
        Assert.Equal(comments.GetProperty("totalCount").GetInt32(), plan.GetProperty("commentCount").GetInt32());
        Assert.False(plan.TryGetProperty("comments", out _), "the plan carries a count, not every comment");
    }

    private static string Comments(Guid studentId) => $"{PlanApi.Url(studentId)}/comments";

    private static List<string?> Texts(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("text").GetString()).ToList();
}

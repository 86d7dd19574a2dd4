using School.Application.Common.Models;

namespace School.Api.Tests.Errors;

/// <summary>
/// Values in the query string have their ranges like any body field: a page number that no list could reach is a 400
/// naming <c>page</c> (it used to wrap round to page 1), a page past the end of a list is empty and keeps the total, and
/// filters outside their values are a 400 naming them.
/// </summary>
public sealed class QueryValueTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    [Theory]
    [InlineData("/api/students")]
    [InlineData("/api/staff")]
    public async Task List_AtAPageNoListCouldReach_Is400NamingPage(string list)
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        await (await admin.GetAsync($"{list}?page=2147483647&pageSize=100")).AssertValidationProblem("page");
        await (await admin.GetAsync($"{list}?page={Paging.MaxPage + 1}&pageSize=1")).AssertValidationProblem("page");
        await (await admin.GetAsync($"{list}?page=0")).AssertValidationProblem("page");
    }

    [Theory]
    [InlineData("/api/students")]
    [InlineData("/api/staff")]
    public async Task List_PastItsLastPage_IsAnEmptyPage_WithTheTotal(string list)
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var first = await admin.GetFromJsonAsync<JsonElement>($"{list}?pageSize=100");
        var total = first.GetProperty("totalCount").GetInt32();

        foreach (var page in new[] { first.GetProperty("totalPages").GetInt32() + 1, Paging.MaxPage })
        {
            var past = await admin.GetFromJsonAsync<JsonElement>($"{list}?page={page}&pageSize=100");

            Assert.Equal(0, past.GetProperty("items").GetArrayLength());
            Assert.Equal(page, past.GetProperty("page").GetInt32());
            Assert.Equal(total, past.GetProperty("totalCount").GetInt32());
        }
    }

    /// <summary>Every list the API document shows with a <c>page</c> parameter, so a new paged list is covered too.</summary>
    [Fact]
    public async Task EveryPagedList_RefusesAPageNoListCouldReach_AndAnswersAnEmptyPagePastTheEnd()
    {
        using var anonymous = factory.CreateClient();
        using var admin = await factory.ClientFor(Accounts.Admin);
        var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var lists = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Value.TryGetProperty("get", out var get) && get.TryGetProperty("parameters", out var parameters)
                && parameters.EnumerateArray().Any(q => q.GetProperty("name").GetString() == "page"))
            .Select(p => p.Name)
            .ToList();
        Assert.Contains("/api/students", lists);
        Assert.Contains("/api/staff", lists);

        using var student = await factory.ClientFor(Accounts.Student);
        foreach (var path in lists)
        {
            // A list of one student's records (the plan's comments) is read as that student, who may see it.
            var client = path.StartsWith("/api/students/{id}/", StringComparison.Ordinal) ? student : admin;
            var list = path.Replace("{id}", DemoData.BridgemaryStudentId.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("{", list, StringComparison.Ordinal);

            await (await client.GetAsync($"{list}?page=2147483647&pageSize=100")).AssertValidationProblem("page");

            var past = PageIn(await client.GetFromJsonAsync<JsonElement>($"{list}?page={Paging.MaxPage}&pageSize=100"));
            var first = PageIn(await client.GetFromJsonAsync<JsonElement>($"{list}?pageSize=100"));
            Assert.True(past.GetProperty("items").GetArrayLength() == 0, $"{list} past its end has rows");
            Assert.Equal(first.GetProperty("totalCount").GetInt32(), past.GetProperty("totalCount").GetInt32());
        }
    }

    [Theory]
    [InlineData("role=999")]
    [InlineData("role=64")]
    [InlineData("role=None")]
    [InlineData("role=-1")]
    public async Task ListStaff_ByARoleThatDoesNotExist_Is400NamingRole(string query)
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.GetAsync($"/api/staff?{query}");

        await response.AssertValidationProblem("role");
    }

    [Fact]
    public async Task CalendarFeed_WithATokenFarLongerThanAnyIssued_Is400NamingToken()
    {
        using var anonymous = factory.CreateClient();

        var response = await anonymous.GetAsync($"/api/calendar/{new string('a', 500)}.ics");

        await response.AssertValidationProblem("token");
    }

    /// <summary>The page in an answer: the answer itself, or the member of it that is a page (notifications carry a count beside theirs).</summary>
    private static JsonElement PageIn(JsonElement answer) =>
        answer.TryGetProperty("items", out _)
            ? answer
            : answer.EnumerateObject().Select(p => p.Value).Single(v => v.ValueKind == JsonValueKind.Object && v.TryGetProperty("items", out _));
}

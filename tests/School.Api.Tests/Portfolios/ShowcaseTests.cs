using static School.Api.Tests.Portfolios.PortfolioApi;

namespace School.Api.Tests.Portfolios;

/// <summary>The showcase: entries a student picks to present at a parents' evening, in the order they choose.</summary>
public sealed class ShowcaseTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private static readonly Guid Alex = DemoData.BridgemaryStudentId;

    [Fact]
    public async Task Set_PutsTheEntriesInTheStudentsOrder_AndSharesThemWithTheFamily()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        using var parent = await factory.ClientFor(Accounts.Parent);
        var a = (await student.NewEntryAsync(Alex, visibility: "Private")).Id();
        var b = (await student.NewEntryAsync(Alex, visibility: "Family")).Id();
        var c = (await student.NewEntryAsync(Alex, visibility: "Private")).Id();

        var response = await student.PutAsJsonAsync(Showcase(Alex), new { entryIds = new[] { c, a, b } });

        await AssertStatus(response, HttpStatusCode.OK);
        var set = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([c, a, b], set.GetProperty("entries").Ids());
        Assert.Equal([1, 2, 3], set.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("showcaseOrder").GetInt32()));
        Assert.All(set.GetProperty("entries").EnumerateArray(), e => Assert.Equal("Showcase", e.GetProperty("visibility").GetString()));
        var seenByParent = await parent.GetFromJsonAsync<JsonElement>(Showcase(Alex));
        Assert.Equal([c, a, b], seenByParent.GetProperty("entries").Ids());
        Assert.Contains(a, await parent.EntryIdsAsync(Alex));
    }

    [Fact]
    public async Task Set_Again_ReordersAndSendsEntriesLeftOutBackToFamily()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var a = (await student.NewEntryAsync(Alex)).Id();
        var b = (await student.NewEntryAsync(Alex)).Id();
        var c = (await student.NewEntryAsync(Alex)).Id();
        await AssertStatus(await student.PutAsJsonAsync(Showcase(Alex), new { entryIds = new[] { a, b, c } }), HttpStatusCode.OK);

        var response = await student.PutAsJsonAsync(Showcase(Alex), new { entryIds = new[] { c, b } });

        await AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal([c, b], (await student.GetFromJsonAsync<JsonElement>(Showcase(Alex))).GetProperty("entries").Ids());
        var left = await student.GetFromJsonAsync<JsonElement>(Entry(Alex, a));
        Assert.Equal("Family", left.GetProperty("visibility").GetString());
        Assert.Equal(JsonValueKind.Null, left.GetProperty("showcaseOrder").ValueKind);
    }

    [Fact]
    public async Task Set_Empty_ClearsTheShowcase()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var a = (await student.NewEntryAsync(Alex, visibility: "Showcase")).Id();

        var response = await student.PutAsJsonAsync(Showcase(Alex), new { entryIds = Array.Empty<Guid>() });

        await AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal(0, (await student.GetFromJsonAsync<JsonElement>(Showcase(Alex))).GetProperty("entries").GetArrayLength());
        Assert.Equal("Family", (await student.GetFromJsonAsync<JsonElement>(Entry(Alex, a))).GetProperty("visibility").GetString());
    }

    [Fact]
    public async Task CreateAsShowcase_GoesToTheEndOfTheShowcase()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var first = (await student.NewEntryAsync(Alex)).Id();
        await AssertStatus(await student.PutAsJsonAsync(Showcase(Alex), new { entryIds = new[] { first } }), HttpStatusCode.OK);

        var added = await student.NewEntryAsync(Alex, visibility: "Showcase");

        Assert.Equal(2, added.GetProperty("showcaseOrder").GetInt32());
        Assert.Equal([first, added.Id()], (await student.GetFromJsonAsync<JsonElement>(Showcase(Alex))).GetProperty("entries").Ids());
    }

    [Fact]
    public async Task Set_WithAnotherStudentsEntry_Is400NamingEntryIdsAndChangesNothing()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        using var admin = await factory.ClientFor(Accounts.Admin);
        var mine = (await student.NewEntryAsync(Alex, visibility: "Private")).Id();
        var theirs = (await admin.NewEntryAsync(OtherBridgemaryStudentId)).Id();
        var before = (await student.GetFromJsonAsync<JsonElement>(Showcase(Alex))).GetProperty("entries").Ids();

        var response = await student.PutAsJsonAsync(Showcase(Alex), new { entryIds = new[] { mine, theirs } });

        await response.AssertValidationProblem("entryIds");
        Assert.Equal(before, (await student.GetFromJsonAsync<JsonElement>(Showcase(Alex))).GetProperty("entries").Ids());
        Assert.Equal("Private", (await student.GetFromJsonAsync<JsonElement>(Entry(Alex, mine))).GetProperty("visibility").GetString());
        Assert.Equal("Family", (await admin.GetFromJsonAsync<JsonElement>(Entry(OtherBridgemaryStudentId, theirs))).GetProperty("visibility").GetString());
    }

    [Fact]
    public async Task Set_WithAnEntryTwice_Is400NamingEntryIds()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var a = (await student.NewEntryAsync(Alex)).Id();

        var response = await student.PutAsJsonAsync(Showcase(Alex), new { entryIds = new[] { a, a } });

        await response.AssertValidationProblem("entryIds");
    }

    [Fact]
    public async Task Set_WithoutEntryIds_Is400NamingEntryIds()
    {
        using var student = await factory.ClientFor(Accounts.Student);

        var response = await student.PutAsJsonAsync(Showcase(Alex), new { });

        await response.AssertValidationProblem("entryIds");
    }

    [Theory]
    [InlineData(Accounts.Parent)]
    [InlineData(Accounts.Teacher)]
    public async Task Set_BySomeoneWhoMaySeeButNotChooseIt_Is403(string caller)
    {
        using var student = await factory.ClientFor(Accounts.Student);
        using var client = await factory.ClientFor(caller);
        var a = (await student.NewEntryAsync(Alex)).Id();

        var response = await client.PutAsJsonAsync(Showcase(Alex), new { entryIds = new[] { a } });

        await response.AssertProblem(HttpStatusCode.Forbidden);
    }
}

using static School.Api.Tests.Portfolios.PortfolioApi;

namespace School.Api.Tests.Portfolios;

/// <summary>
/// Who sees which entries: the student and the staff who may see the student see every entry; a guardian sees the
/// entries shared with the family (Family and Showcase) of their own child, and nothing of a Private entry.
/// </summary>
public sealed class PortfolioVisibilityTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private static readonly Guid Alex = DemoData.BridgemaryStudentId;

    [Fact]
    public async Task Parent_SeesFamilyAndShowcaseEntriesOfTheirChild_ButNotPrivateOnes()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        using var parent = await factory.ClientFor(Accounts.Parent);
        var secret = await student.NewEntryAsync(Alex, visibility: "Private");
        var family = await student.NewEntryAsync(Alex, visibility: "Family");
        var showcase = await student.NewEntryAsync(Alex, visibility: "Showcase");

        var seen = await parent.EntryIdsAsync(Alex);
        var entries = await parent.GetFromJsonAsync<JsonElement>(Entries(Alex));

        Assert.Contains(family.Id(), seen);
        Assert.Contains(showcase.Id(), seen);
        Assert.DoesNotContain(secret.Id(), seen);
        Assert.All(entries.EnumerateArray(), e => Assert.NotEqual("Private", e.GetProperty("visibility").GetString()));
    }

    [Fact]
    public async Task Parent_GettingAPrivateEntry_Is404LikeAnEntryThatDoesNotExist()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        using var parent = await factory.ClientFor(Accounts.Parent);
        var secret = await student.NewEntryAsync(Alex, visibility: "Private");

        var response = await parent.GetAsync(Entry(Alex, secret.Id()));
        var missing = await parent.GetAsync(Entry(Alex, Guid.NewGuid()));

        var hidden = await response.AssertProblem(HttpStatusCode.NotFound);
        var absent = await missing.AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(absent.GetProperty("code").GetString(), hidden.GetProperty("code").GetString());
        Assert.Equal(absent.GetProperty("detail").GetString(), hidden.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Parent_GettingAFamilyEntry_SeesIt()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        using var parent = await factory.ClientFor(Accounts.Parent);
        var family = await student.NewEntryAsync(Alex, visibility: "Family");

        var response = await parent.GetAsync(Entry(Alex, family.Id()));

        await AssertStatus(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Parent_WhenTheStudentMakesAnEntryPrivate_NoLongerSeesIt()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        using var parent = await factory.ClientFor(Accounts.Parent);
        var entry = await student.NewEntryAsync(Alex, visibility: "Family", title: "Second thoughts");
        await AssertStatus(await parent.GetAsync(Entry(Alex, entry.Id())), HttpStatusCode.OK);

        await AssertStatus(await student.PutAsJsonAsync(Entry(Alex, entry.Id()), EntryBody("Second thoughts", "Private")), HttpStatusCode.OK);

        await (await parent.GetAsync(Entry(Alex, entry.Id()))).AssertProblem(HttpStatusCode.NotFound);
        Assert.DoesNotContain(entry.Id(), await parent.EntryIdsAsync(Alex));
    }

    [Fact]
    public async Task Parent_EntriesOfAnotherChild_Are404()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        using var parent = await factory.ClientFor(Accounts.Parent);
        var other = await admin.NewEntryAsync(OtherBridgemaryStudentId, visibility: "Family");

        var list = await parent.GetAsync(Entries(OtherBridgemaryStudentId));
        var one = await parent.GetAsync(Entry(OtherBridgemaryStudentId, other.Id()));
        var throughOwnChild = await parent.GetAsync(Entry(Alex, other.Id()));

        await list.AssertProblem(HttpStatusCode.NotFound);
        await one.AssertProblem(HttpStatusCode.NotFound);
        await throughOwnChild.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CramlingtonParent_BridgemaryPortfolio_Is404()
    {
        using var parent = await factory.ClientFor(Accounts.CramlingtonParent);

        var response = await parent.GetAsync(Entries(Alex));

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Accounts.Student)]
    [InlineData(Accounts.Tutor)]
    [InlineData(Accounts.Mentor)]
    [InlineData(Accounts.Teacher)]
    [InlineData(Accounts.Pastoral)]
    [InlineData(Accounts.Admin)]
    public async Task StudentAndStaffWhoMaySeeThem_SeePrivateEntries(string caller)
    {
        using var student = await factory.ClientFor(Accounts.Student);
        using var client = await factory.ClientFor(caller);
        var secret = await student.NewEntryAsync(Alex, visibility: "Private");

        var response = await client.GetAsync(Entry(Alex, secret.Id()));

        await AssertStatus(response, HttpStatusCode.OK);
        Assert.Contains(secret.Id(), await client.EntryIdsAsync(Alex));
    }

    [Fact]
    public async Task Parent_RecordOfAchievementAndShowcase_LeaveOutPrivateEntries()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        using var parent = await factory.ClientFor(Accounts.Parent);
        var privateChallenge = await student.NewEntryAsync(Alex, visibility: "Private", kind: "Challenge");
        var sharedChallenge = await student.NewEntryAsync(Alex, visibility: "Family", kind: "Challenge");
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        await tutor.PostAsync($"{Entry(Alex, privateChallenge.Id())}/endorse", null);
        await tutor.PostAsync($"{Entry(Alex, sharedChallenge.Id())}/endorse", null);

        var record = await parent.GetFromJsonAsync<JsonElement>(RecordOfAchievement(Alex));
        var ids = record.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("entryId").GetGuid()).ToList();

        Assert.Contains(sharedChallenge.Id(), ids);
        Assert.DoesNotContain(privateChallenge.Id(), ids);
    }
}

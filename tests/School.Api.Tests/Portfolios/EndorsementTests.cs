using static School.Api.Tests.Portfolios.PortfolioApi;

namespace School.Api.Tests.Portfolios;

public sealed class EndorsementTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private static readonly Guid Alex = DemoData.BridgemaryStudentId;

    [Fact]
    public async Task Endorse_ByATeacher_RecordsWhoAndWhen()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        using var teacher = await factory.ClientFor(Accounts.Teacher);
        var entry = await student.NewEntryAsync(Alex, kind: "Achievement");
        factory.Time.Advance(TimeSpan.FromMinutes(10));

        var response = await teacher.PostAsync($"{Entry(Alex, entry.Id())}/endorse", null);

        await AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var endorsement = (await student.GetFromJsonAsync<JsonElement>(Entry(Alex, entry.Id()))).GetProperty("endorsement");
        Assert.Equal(DemoData.BridgemaryTeacherId, endorsement.GetProperty("endorsedBy").GetProperty("id").GetGuid());
        Assert.Equal("Mr Bennett", endorsement.GetProperty("endorsedBy").GetProperty("name").GetString());
        Assert.Equal(factory.Time.GetUtcNow(), endorsement.GetProperty("endorsedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Endorse_Twice_Is409AndTheFirstEndorsementStands()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        using var teacher = await factory.ClientFor(Accounts.Teacher);
        using var pastoral = await factory.ClientFor(Accounts.Pastoral);
        var entry = await student.NewEntryAsync(Alex, kind: "Achievement");
        await AssertStatus(await teacher.PostAsync($"{Entry(Alex, entry.Id())}/endorse", null), HttpStatusCode.OK);

        var again = await pastoral.PostAsync($"{Entry(Alex, entry.Id())}/endorse", null);

        var problem = await again.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal("portfolio.already_endorsed", problem.GetProperty("code").GetString());
        var endorsement = (await student.GetFromJsonAsync<JsonElement>(Entry(Alex, entry.Id()))).GetProperty("endorsement");
        Assert.Equal(DemoData.BridgemaryTeacherId, endorsement.GetProperty("endorsedBy").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Endorse_ByTheStudent_Is403()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var entry = await student.NewEntryAsync(Alex, kind: "Achievement");

        var response = await student.PostAsync($"{Entry(Alex, entry.Id())}/endorse", null);

        await response.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal(JsonValueKind.Null, (await student.GetFromJsonAsync<JsonElement>(Entry(Alex, entry.Id()))).GetProperty("endorsement").ValueKind);
    }

    [Fact]
    public async Task Endorse_ByAParent_IsForbiddenForAFamilyEntry_AndNotFoundForAPrivateOne()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        using var parent = await factory.ClientFor(Accounts.Parent);
        var family = await student.NewEntryAsync(Alex, visibility: "Family");
        var secret = await student.NewEntryAsync(Alex, visibility: "Private");

        var shared = await parent.PostAsync($"{Entry(Alex, family.Id())}/endorse", null);
        var hidden = await parent.PostAsync($"{Entry(Alex, secret.Id())}/endorse", null);

        await shared.AssertProblem(HttpStatusCode.Forbidden);
        await hidden.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Endorse_UnknownEntry_Is404()
    {
        using var teacher = await factory.ClientFor(Accounts.Teacher);

        var response = await teacher.PostAsync($"{Entry(Alex, Guid.NewGuid())}/endorse", null);

        await response.AssertProblem(HttpStatusCode.NotFound);
    }
}

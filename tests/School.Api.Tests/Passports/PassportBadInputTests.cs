using System.Text;
using static School.Api.Tests.Passports.PassportApi;

namespace School.Api.Tests.Passports;

/// <summary>A malformed import request is a 400 naming the field (or a 404 for a student who is not there), never a 500, and imports nothing.</summary>
public sealed class PassportBadInputTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task Import_WithoutAPassport_Is400NamingPassport(string? passport)
    {
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        var arrived = await cramlington.NewStudentAsync();

        var response = await cramlington.PostAsJsonAsync(Import, new { studentId = arrived, passport });

        await response.AssertValidationProblem("passport");
        Assert.Empty(await cramlington.ImportsAsync(arrived));
    }

    [Fact]
    public async Task Import_OfAPassportOverTheLengthLimit_Is400NamingPassport()
    {
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        var arrived = await cramlington.NewStudentAsync();

        var response = await cramlington.ImportAsync(arrived, new string('A', 5_000_001));

        await response.AssertValidationProblem("passport");
        Assert.Empty(await cramlington.ImportsAsync(arrived));
    }

    [Fact]
    public async Task Import_WithoutAStudent_Is400NamingStudentId()
    {
        using var bridgemary = await factory.ClientFor(Accounts.Admin);
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        var passport = await bridgemary.PassportAsync(DemoData.BridgemaryStudentId);

        var response = await cramlington.PostAsJsonAsync(Import, new { passport });

        await response.AssertValidationProblem("studentId");
    }

    [Fact]
    public async Task Import_ForAStudentWhoDoesNotExist_Is404()
    {
        using var bridgemary = await factory.ClientFor(Accounts.Admin);
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        var passport = await bridgemary.PassportAsync(DemoData.BridgemaryStudentId);

        var response = await cramlington.ImportAsync(Guid.NewGuid(), passport);

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Import_ByBridgemaryIntoACramlingtonStudent_Is404AndImportsNothing()
    {
        using var bridgemary = await factory.ClientFor(Accounts.Admin);
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        var passport = await bridgemary.PassportAsync(DemoData.BridgemaryStudentId);
        var arrived = await cramlington.NewStudentAsync();

        var response = await bridgemary.ImportAsync(arrived, passport);

        await response.AssertProblem(HttpStatusCode.NotFound);
        Assert.Empty(await cramlington.ImportsAsync(arrived));
    }

    [Theory]
    [InlineData("""{"studentId": "not-a-guid", "passport": "a.b.c"}""", "studentId")]
    [InlineData("""{"studentId": "01a05a43-fc00-718f-beee-e40a690897af", "passport": 42}""", "passport")]
    [InlineData("""{"studentId": "01a05a43-fc00-718f-beee-e40a690897af", "passport": """, "body")]
    [InlineData("", "body")]
    public async Task Import_WithAMalformedBody_Is400NamingTheField(string body, string field)
    {
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);

        var response = await cramlington.PostAsync(Import, Json(body));

        await response.AssertValidationProblem(field);
    }

    [Theory]
    [InlineData(Accounts.Admin)]
    [InlineData(Accounts.Tutor)]
    [InlineData(Accounts.Parent)]
    public async Task ExportAndImports_OfAStudentWhoDoesNotExist_Are404(string caller)
    {
        using var client = await factory.ClientFor(caller);
        var nobody = Guid.NewGuid();

        await (await client.GetAsync(Export(nobody))).AssertProblem(HttpStatusCode.NotFound);
        await (await client.GetAsync(Archive(nobody))).AssertProblem(HttpStatusCode.NotFound);
        await (await client.GetAsync(Imports(nobody))).AssertProblem(HttpStatusCode.NotFound);
    }
}

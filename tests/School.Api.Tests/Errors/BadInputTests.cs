using System.Text;

namespace School.Api.Tests.Errors;

/// <summary>Bad input is a 400 problem naming the field, never a 500.</summary>
public sealed class BadInputTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private const string ValidStudent = """
        {"pupilNumber":"BAD00001","givenName":"Val","familyName":"Id","dateOfBirth":"2013-01-01","yearGroup":8}
        """;

    [Fact]
    public async Task MalformedJson_Is400NamingTheBody()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.PostAsync("/api/students", Json("""{"pupilNumber": "X1", "givenName": """));

        await response.AssertValidationProblem("body");
    }

    [Fact]
    public async Task EmptyBody_Is400NamingTheBody()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.PostAsync("/api/students", Json(""));

        await response.AssertValidationProblem("body");
    }

    [Fact]
    public async Task WrongType_Is400NamingTheField()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.PostAsync("/api/students", Json(ValidStudent.Replace("\"yearGroup\":8", "\"yearGroup\":\"eight\"", StringComparison.Ordinal)));

        await response.AssertValidationProblem("yearGroup");
    }

    [Fact]
    public async Task ImpossibleDate_Is400NamingTheField()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.PostAsync("/api/students", Json(ValidStudent.Replace("2013-01-01", "2013-02-30", StringComparison.Ordinal)));

        await response.AssertValidationProblem("dateOfBirth");
    }

    [Fact]
    public async Task UnknownEnumValue_Is400NamingTheField()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.PostAsync($"/api/students/{DemoData.BridgemaryStudentId}/guardians",
            Json("""{"guardian":{"givenName":"A","familyName":"B"},"relationship":"Uncle","hasParentalResponsibility":false}"""));

        await response.AssertValidationProblem("relationship");
    }

    [Fact]
    public async Task EnumAsANumber_Is400NamingTheField()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.PostAsync($"/api/students/{DemoData.BridgemaryStudentId}/guardians",
            Json("""{"guardian":{"givenName":"A","familyName":"B"},"relationship":99,"hasParentalResponsibility":false}"""));

        await response.AssertValidationProblem("relationship");
    }

    [Fact]
    public async Task AbsurdlyLongString_Is400NamingTheField()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var longName = new string('x', 50_000);

        var response = await admin.PostAsync("/api/students", Json(ValidStudent.Replace("\"Val\"", $"\"{longName}\"", StringComparison.Ordinal)));

        await response.AssertValidationProblem("givenName");
    }

    [Fact]
    public async Task MissingAndInvalidFields_AreEachNamed()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        // Empty names are named by the validator with every other invalid field. (Names left out altogether are refused
        // before validation, as required fields, see RequiredFieldsTests.)
        var response = await admin.PostAsync("/api/students", Json("""{"pupilNumber":"no spaces!","givenName":"","familyName":" ","yearGroup":14,"dateOfBirth":"2030-01-01"}"""));

        var problem = await response.AssertValidationProblem("givenName");
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "familyName", "pupilNumber", "yearGroup", "dateOfBirth" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"missing {field} in {errors}");
        }
    }

    [Fact]
    public async Task InvalidNewAccount_NamesTheNestedField()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.PostAsync("/api/students", Json(ValidStudent.Replace("}", ""","account":{"email":"not-an-email","password":"short"}}""", StringComparison.Ordinal)));

        var problem = await response.AssertValidationProblem("account.email");
        Assert.True(problem.GetProperty("errors").TryGetProperty("account.password", out _));
    }

    [Theory]
    [InlineData("/api/students?yearGroup=abc", "yearGroup")]
    [InlineData("/api/students?yearGroup=20", "yearGroup")]
    [InlineData("/api/students?pageSize=1000", "pageSize")]
    [InlineData("/api/students?page=0", "page")]
    [InlineData("/api/staff?role=Wizard", "role")]
    public async Task BadQueryValues_Are400NamingTheParameter(string url, string field)
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.GetAsync(url);

        await response.AssertValidationProblem(field);
    }

    [Fact]
    public async Task SignInWithMissingFields_Is400NotAnUnauthorised()
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/api/auth/token", Json("{}"));

        await response.AssertValidationProblem("email");
    }

    [Fact]
    public async Task AnUnknownRoute_IsA404Problem()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.GetAsync("/api/nothing-here");

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AMalformedIfMatch_Is412()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/staff/{DemoData.BridgemaryTeacherId}")
        {
            Content = Json("""{"title":"Mr","givenName":"Tom","familyName":"Bennett","roles":["Teacher"]}"""),
        };
        put.Headers.TryAddWithoutValidation("If-Match", "W/\"1\"");

        var response = await admin.SendAsync(put);

        await response.AssertProblem(HttpStatusCode.PreconditionFailed);
    }
}

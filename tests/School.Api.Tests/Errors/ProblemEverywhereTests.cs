using School.Api.Tests.Portfolios;

namespace School.Api.Tests.Errors;

/// <summary>
/// Every 4xx the application answers is a problem document with a <c>code</c> and a <c>traceId</c>, including the answers no
/// endpoint gives: a route that does not exist, a method the route does not take, a content type it does not accept, a NUL
/// character in the query. Checked on the in-memory test server and on a real Kestrel port.
/// </summary>
public abstract class ProblemEverywhereTests(SchoolApiFactory factory)
{
    protected SchoolApiFactory Factory => factory;

    [Fact]
    public async Task AnUnknownRoute_IsA404ProblemWithACode()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        using var response = await admin.GetAsync("/api/nothing-here");

        var problem = await response.AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal("not_found", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task AWrongMethod_IsA405ProblemWithACode_NamingTheMethodsAllowed()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        using var response = await admin.DeleteAsync($"/api/students/{DemoData.BridgemaryStudentId}");

        var problem = await response.AssertProblem(HttpStatusCode.MethodNotAllowed);
        Assert.Equal("method_not_allowed", problem.GetProperty("code").GetString());
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task AContentTypeTheRouteDoesNotTake_IsA415ProblemWithACode()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var entry = DemoData.BridgemaryEndorsedEntryId;

        using var response = await student.PostAsJsonAsync($"/api/students/{DemoData.BridgemaryStudentId}/portfolio/entries/{entry}/evidence", new { });

        var problem = await response.AssertProblem(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("unsupported_media_type", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task NoToken_IsA401ProblemWithACode()
    {
        using var anonymous = factory.CreateClient();

        using var response = await anonymous.GetAsync("/api/students");

        var problem = await response.AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Equal("unauthorized", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task ANulCharacterInTheQuery_IsA400ProblemNamingTheParameter()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        using var response = await admin.GetAsync("/api/students?name=a%00b");

        var problem = await response.AssertValidationProblem("name");
        Assert.Equal("validation", problem.GetProperty("code").GetString());
    }
}

public sealed class ProblemEverywhereOnTestServerTests(SchoolApiFactory server)
    : ProblemEverywhereTests(server), IClassFixture<SchoolApiFactory>
{
    [Fact]
    public async Task ANulCharacterInThePath_CannotEvenBeSentToTheTestServer()
    {
        // The test server decodes the path the way Kestrel does, on the client's side: the request never reaches the app.
        using var admin = await Factory.ClientFor(Accounts.Admin);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => admin.GetAsync("/api/students/%00"));

        Assert.Contains("null characters", refused.Message, StringComparison.Ordinal);
    }
}

public sealed class ProblemEverywhereOnKestrelTests(KestrelSchoolApiFactory server)
    : ProblemEverywhereTests(server), IClassFixture<KestrelSchoolApiFactory>
{
    /// <summary>
    /// Kestrel decodes the request target before any application code runs and refuses a NUL in the path itself ("The path
    /// contains null characters"): it writes a bare 400, closes the connection, and offers no hook to give it a body. The
    /// application cannot make this one a problem document; this test records Kestrel's answer so a change in it is noticed.
    /// A NUL in the query (which Kestrel does not decode) reaches the application and is a 400 problem naming the parameter.
    /// </summary>
    [Theory]
    [InlineData("/api/students/%00")]
    [InlineData("/api/nothing%00here")]
    public async Task ANulCharacterInThePath_IsRefusedByKestrelItself_BeforeTheApplication(string path)
    {
        using var admin = await Factory.ClientFor(Accounts.Admin);

        using var response = await admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.True(response.Headers.ConnectionClose, "Kestrel closes the connection after a request line it refuses.");
    }
}

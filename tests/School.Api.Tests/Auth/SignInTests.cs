namespace School.Api.Tests.Auth;

public sealed class SignInTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    [Theory]
    [InlineData(Accounts.Admin)]
    [InlineData(Accounts.Tutor)]
    [InlineData(Accounts.Mentor)]
    [InlineData(Accounts.Teacher)]
    [InlineData(Accounts.Pastoral)]
    [InlineData(Accounts.Student)]
    [InlineData(Accounts.Parent)]
    [InlineData(Accounts.CramlingtonAdmin)]
    [InlineData(Accounts.CramlingtonStudent)]
    [InlineData(Accounts.CramlingtonParent)]
    public async Task Token_EveryDemoAccount_SignsInWithAnHourLongToken(string email)
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password = DemoData.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<SchoolApiFactory.TokenResponse>();
        Assert.False(string.IsNullOrEmpty(token!.AccessToken));
        Assert.Equal(factory.Time.GetUtcNow().AddHours(1), token.ExpiresAt);
    }

    [Fact]
    public async Task Token_EmailInAnyCase_SignsIn()
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { email = "  Teacher@Bridgemary.DEMO ", password = DemoData.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_WrongPasswordAndUnknownEmail_GiveTheSame401()
    {
        using var client = factory.CreateClient();

        var wrongPassword = await client.PostAsJsonAsync("/api/auth/token", new { email = Accounts.Pastoral, password = "not-the-password" });
        var unknownEmail = await client.PostAsJsonAsync("/api/auth/token", new { email = "nobody@bridgemary.demo", password = "not-the-password" });

        var first = await wrongPassword.AssertProblem(HttpStatusCode.Unauthorized);
        var second = await unknownEmail.AssertProblem(HttpStatusCode.Unauthorized);
        foreach (var property in new[] { "type", "title", "detail", "code" })
        {
            Assert.Equal(first.GetProperty(property).GetString(), second.GetProperty(property).GetString());
        }
    }

    [Fact]
    public async Task Token_FourFailuresThenSuccess_ResetsTheCount()
    {
        var email = await CreateStaffAccount("reset");
        using var client = factory.CreateClient();
        for (var i = 0; i < 4; i++)
        {
            await client.PostAsJsonAsync("/api/auth/token", new { email, password = "wrong-password" });
        }

        var success = await client.PostAsJsonAsync("/api/auth/token", new { email, password = "right-Passw0rd" });
        for (var i = 0; i < 4; i++)
        {
            await client.PostAsJsonAsync("/api/auth/token", new { email, password = "wrong-password" });
        }

        var stillOpen = await client.PostAsJsonAsync("/api/auth/token", new { email, password = "right-Passw0rd" });

        Assert.Equal(HttpStatusCode.OK, success.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillOpen.StatusCode);
    }

    [Fact]
    public async Task Me_AfterTheTokenExpires_Is401()
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email = Accounts.Mentor, password = DemoData.Password });
        var token = (await response.Content.ReadFromJsonAsync<SchoolApiFactory.TokenResponse>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var fresh = await client.GetAsync("/api/me");
        factory.Time.Advance(TimeSpan.FromMinutes(61));
        var expired = await client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        await expired.AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/api/me")]
    [InlineData("/api/students")]
    [InlineData("/api/staff")]
    public async Task ProtectedEndpoints_WithoutAToken_Are401Problems(string path)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(path);

        await response.AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ProtectedEndpoint_WithATokenSignedByAnotherKey_Is401()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIiwicGVyc29uX2lkIjoiMSJ9.c2lnbmF0dXJlLW5vdC12YWxpZA");

        var response = await client.GetAsync("/api/me");

        await response.AssertProblem(HttpStatusCode.Unauthorized);
    }

    private async Task<string> CreateStaffAccount(string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@bridgemary.demo";
        using var admin = await factory.ClientFor(Accounts.Admin);
        var created = await admin.PostAsJsonAsync("/api/staff", new
        {
            title = "Mx",
            givenName = "Sam",
            familyName = name,
            roles = new[] { "Teacher" },
            account = new { email, password = "right-Passw0rd" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return email;
    }
}

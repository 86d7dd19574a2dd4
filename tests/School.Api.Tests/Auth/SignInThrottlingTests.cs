using System.Globalization;

namespace School.Api.Tests.Auth;

/// <summary>The API with the production defaults for tokens and sign-in limits (the rest of the suite relaxes them).</summary>
public sealed class ProductionLimitsApiFactory : SchoolApiFactory
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings.Remove("Auth:AccessTokenLifetime");
            settings.Remove("Auth:Throttle:PerClientPermits");
            settings.Remove("Auth:Throttle:PerAccountPermits");
            return settings;
        }
    }
}

/// <summary>
/// Wrong passwords slow down whoever sends them; they never lock the account, so knowing a parent's e-mail is not enough
/// to keep the parent out.
/// </summary>
public sealed class SignInThrottlingTests(ProductionLimitsApiFactory factory) : IClassFixture<ProductionLimitsApiFactory>
{
    private const string Password = "right-Passw0rd";

    [Fact]
    public async Task FiftyWrongPasswordsFromOneAddress_DoNotStopTheRightPasswordFromAnother()
    {
        var email = await NewColleague();
        using var attacker = factory.ClientFrom("203.0.113.7");
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 50; i++)
        {
            answers.Add(await attacker.PostAsJsonAsync("/api/auth/token", new { email, password = $"guess-{i}" }));
        }

        using var parent = factory.ClientFrom("198.51.100.9");
        var signIn = await parent.PostAsJsonAsync("/api/auth/token", new { email, password = Password });

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.All(answers.Take(5), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        Assert.All(answers.Skip(5), a => Assert.Equal(HttpStatusCode.TooManyRequests, a.StatusCode));
        await AssertThrottled(answers[^1]);
    }

    [Fact]
    public async Task WrongPasswordsFromOneAddress_MakeThatAddressWaitLongerEachTime_ThenTheRightPasswordWorks()
    {
        var email = await NewColleague();
        using var client = factory.ClientFrom("203.0.113.20");
        for (var i = 0; i < 5; i++)
        {
            await (await client.PostAsJsonAsync("/api/auth/token", new { email, password = "wrong-password" })).AssertProblem(HttpStatusCode.Unauthorized);
        }

        var firstWait = await AssertThrottled(await client.PostAsJsonAsync("/api/auth/token", new { email, password = Password }));
        factory.Time.Advance(TimeSpan.FromSeconds(firstWait));
        var sixth = await client.PostAsJsonAsync("/api/auth/token", new { email, password = "wrong-password" });
        var secondWait = await AssertThrottled(await client.PostAsJsonAsync("/api/auth/token", new { email, password = Password }));
        factory.Time.Advance(TimeSpan.FromSeconds(secondWait));
        var right = await client.PostAsJsonAsync("/api/auth/token", new { email, password = Password });

        Assert.Equal(1, firstWait);
        await sixth.AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Equal(2, secondWait);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task ManyRequestsFromOneAddress_AreThrottledWithA429Problem()
    {
        using var client = factory.ClientFrom("203.0.113.30");
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 61; i++)
        {
            // Malformed sign-ins: cheap to answer, and they count against the address all the same.
            answers.Add(await client.PostAsJsonAsync("/api/auth/token", new { email = "", password = "" }));
        }

        Assert.Equal(HttpStatusCode.BadRequest, answers[0].StatusCode);
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.TooManyRequests);
        await AssertThrottled(answers[^1]);
    }

    [Fact]
    public async Task ManyAttemptsOnOneAccountFromManyAddresses_AreThrottledForThatAccountOnly()
    {
        var email = await NewColleague();
        var answers = new List<HttpResponseMessage>();
        for (var i = 1; i <= 21; i++)
        {
            using var client = factory.ClientFrom($"192.0.2.{i}");
            answers.Add(await client.PostAsJsonAsync("/api/auth/token", new { email, password = "wrong-password" }));
        }

        using var someoneElse = factory.ClientFrom("192.0.2.100");
        var otherAccount = await someoneElse.PostAsJsonAsync("/api/auth/token", new { email = Accounts.Teacher, password = DemoData.Password });

        Assert.All(answers.Take(20), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        await AssertThrottled(answers[^1]);
        Assert.Equal(HttpStatusCode.OK, otherAccount.StatusCode);
    }

    [Fact]
    public async Task ThrottledAnswers_AreTheSameForAnUnknownEmail()
    {
        using var client = factory.ClientFrom("203.0.113.40");
        HttpResponseMessage? last = null;
        for (var i = 0; i < 6; i++)
        {
            last = await client.PostAsJsonAsync("/api/auth/token", new { email = "nobody@bridgemary.demo", password = "wrong-password" });
        }

        await AssertThrottled(last!);
    }

    [Fact]
    public async Task Token_ByDefault_LastsFifteenMinutes_AndItsRefreshTokenFourteenDays()
    {
        using var client = factory.ClientFrom("203.0.113.50");
        var now = factory.Time.GetUtcNow();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { email = Accounts.Pastoral, password = DemoData.Password });

        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(now.AddMinutes(15), token.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(now.AddDays(14), token.GetProperty("refreshTokenExpiresAt").GetDateTimeOffset());
    }

    /// <summary>Asserts a 429 problem with code auth.throttled and a Retry-After header; returns its seconds.</summary>
    private static async Task<int> AssertThrottled(HttpResponseMessage response)
    {
        var problem = await response.AssertProblem(HttpStatusCode.TooManyRequests);
        Assert.Equal("auth.throttled", problem.GetProperty("code").GetString());
        Assert.True(response.Headers.TryGetValues("Retry-After", out var values), "A throttled answer says when to retry.");
        var seconds = int.Parse(values.Single(), CultureInfo.InvariantCulture);
        Assert.True(seconds >= 1);
        return seconds;
    }

    private async Task<string> NewColleague()
    {
        var email = $"throttle-{Guid.NewGuid():N}@bridgemary.demo";
        using var admin = await factory.ClientFor(Accounts.Admin);
        var created = await admin.PostAsJsonAsync("/api/staff", new
        {
            title = "Mx",
            givenName = "Sam",
            familyName = "Throttle",
            roles = new[] { "Teacher" },
            account = new { email, password = Password },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return email;
    }
}

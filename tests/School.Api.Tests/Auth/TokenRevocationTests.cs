namespace School.Api.Tests.Auth;

/// <summary>A token stops working as soon as what it says about its holder stops being true.</summary>
public sealed class TokenRevocationTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private const string Password = "right-Passw0rd";

    [Fact]
    public async Task LockedAccount_ItsTokenIs401AndItCannotSignIn()
    {
        var (email, _) = await NewColleague("Teacher");
        using var colleague = await factory.ClientFor(email, Password);
        var before = await colleague.GetAsync("/api/me");
        using var admin = await factory.ClientFor(Accounts.Admin);

        var locked = await admin.PostAsJsonAsync("/api/accounts/lock", new { email });
        var after = await colleague.GetAsync("/api/me");
        using var anonymous = factory.CreateClient();
        var signIn = await anonymous.PostAsJsonAsync("/api/auth/token", new { email, password = Password });

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, locked.StatusCode);
        await after.AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Equal("auth.invalid_credentials", (await signIn.AssertProblem(HttpStatusCode.Unauthorized)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task UnlockedAccount_SignsInAgain()
    {
        var (email, _) = await NewColleague("Teacher");
        using var admin = await factory.ClientFor(Accounts.Admin);
        await admin.PostAsJsonAsync("/api/accounts/lock", new { email });

        var unlocked = await admin.PostAsJsonAsync("/api/accounts/unlock", new { email });
        using var anonymous = factory.CreateClient();
        var signIn = await anonymous.PostAsJsonAsync("/api/auth/token", new { email, password = Password });

        Assert.Equal(HttpStatusCode.NoContent, unlocked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Theory]
    [InlineData(Accounts.CramlingtonAdmin, HttpStatusCode.NotFound)]
    [InlineData(Accounts.Teacher, HttpStatusCode.Forbidden)]
    [InlineData(Accounts.Parent, HttpStatusCode.Forbidden)]
    public async Task LockingAnAccount_ByAnyoneButAnAdminOfItsSchool_IsRefusedAndTheTokenKeepsWorking(string caller, HttpStatusCode expected)
    {
        var (email, _) = await NewColleague("Teacher");
        using var colleague = await factory.ClientFor(email, Password);
        using var client = await factory.ClientFor(caller);

        var response = await client.PostAsJsonAsync("/api/accounts/lock", new { email });

        await response.AssertProblem(expected);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task StaffWhoseRolesAreRemoved_TheirTokenIs401OnTheNextRequest_AndANewSignInCarriesTheNewRoles()
    {
        var (email, id) = await NewColleague("Teacher", "PastoralLead");
        using var colleague = await factory.ClientFor(email, Password);
        var before = await colleague.GetAsync("/api/students?pageSize=1");
        using var admin = await factory.ClientFor(Accounts.Admin);

        var changed = await admin.PutAsJsonAsync($"/api/staff/{id}", new { title = "Mx", givenName = "Sam", familyName = "Roles", roles = new[] { "Teacher" } });
        var after = await colleague.GetAsync("/api/students?pageSize=1");
        using var again = await factory.SignInAgain(email, Password);
        var me = await again.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        await after.AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Equal(["Teacher"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task StaffWhoseNameOnlyChanges_KeepTheirToken()
    {
        var (email, id) = await NewColleague("Teacher");
        using var colleague = await factory.ClientFor(email, Password);
        using var admin = await factory.ClientFor(Accounts.Admin);

        await admin.PutAsJsonAsync($"/api/staff/{id}", new { title = "Dr", givenName = "Sam", familyName = "Renamed", roles = new[] { "Teacher" } });

        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task GuardianWhoseLinkIsStopped_TheirTokenIs401()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var email = $"parent-{Guid.NewGuid():N}@example.org";
        var linked = await admin.PostAsJsonAsync($"/api/students/{DemoData.BridgemaryStudentId}/guardians", new
        {
            guardian = new { givenName = "Lou", familyName = "Stopped" },
            relationship = "Father",
            hasParentalResponsibility = true,
            account = new { email, password = Password },
        });
        var guardianId = (await linked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("guardianId").GetGuid();
        using var parent = await factory.ClientFor(email, Password);
        var before = await parent.GetAsync("/api/me");

        var stop = await admin.PutAsJsonAsync($"/api/students/{DemoData.BridgemaryStudentId}/guardians/{guardianId}", new
        {
            relationship = "Father",
            hasParentalResponsibility = true,
            accessAllowed = false,
            accessStoppedReason = "Court order, 1 October 2026",
        });
        var after = await parent.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        await after.AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ChangingMyPassword_EndsEveryOtherSession_AndGivesThisOneANewPair()
    {
        var (email, _) = await NewColleague("Teacher");
        var phone = await SignIn(email, Password);
        using var laptop = await factory.ClientFor(email, Password);

        var changed = await laptop.PostAsJsonAsync("/api/me/password", new { currentPassword = Password, newPassword = "another-Passw0rd" });
        var fresh = (await changed.Content.ReadFromJsonAsync<Tokens>())!;
        using var phoneClient = factory.CreateClient();
        phoneClient.DefaultRequestHeaders.Authorization = new("Bearer", phone.AccessToken);
        var phoneAfter = await phoneClient.GetAsync("/api/me");
        var phoneRefresh = await phoneClient.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = phone.RefreshToken });
        using var laptopAgain = factory.CreateClient();
        laptopAgain.DefaultRequestHeaders.Authorization = new("Bearer", fresh.AccessToken);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        await phoneAfter.AssertProblem(HttpStatusCode.Unauthorized);
        await phoneRefresh.AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await laptopAgain.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInResponse(email, "another-Passw0rd")).StatusCode);
    }

    [Fact]
    public async Task ChangingMyPassword_WithTheWrongCurrentPassword_Is400AndNothingChanges()
    {
        var (email, _) = await NewColleague("Teacher");
        using var client = await factory.ClientFor(email, Password);

        var response = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = "not-the-password", newPassword = "another-Passw0rd" });

        await response.AssertValidationProblem("currentPassword");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Refresh_GivesANewPairAndTheNewAccessTokenWorks()
    {
        var first = await SignIn(Accounts.Tutor);
        using var anonymous = factory.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first.RefreshToken });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var second = (await response.Content.ReadFromJsonAsync<Tokens>())!;
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.Equal(factory.Time.GetUtcNow().AddHours(1), second.ExpiresAt);
        Assert.Equal(factory.Time.GetUtcNow().AddDays(14), second.RefreshTokenExpiresAt);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", second.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Refresh_AfterTheAccessTokenExpired_KeepsTheSessionGoing()
    {
        var first = await SignIn(Accounts.Pastoral);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", first.AccessToken);
        factory.Time.Advance(TimeSpan.FromMinutes(61));
        var expired = await client.GetAsync("/api/me");

        var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first.RefreshToken });
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await refreshed.Content.ReadFromJsonAsync<Tokens>())!.AccessToken);

        await expired.AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Refresh_WithAnOldRefreshTokenAgain_Is401AndEndsTheWholeSession()
    {
        var first = await SignIn(Accounts.Mentor);
        using var anonymous = factory.CreateClient();
        var second = (await (await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first.RefreshToken }))
            .Content.ReadFromJsonAsync<Tokens>())!;

        var replay = await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first.RefreshToken });
        var newest = await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = second.RefreshToken });

        Assert.Equal("auth.invalid_refresh_token", (await replay.AssertProblem(HttpStatusCode.Unauthorized)).GetProperty("code").GetString());
        await newest.AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_TwiceAtOnceWithTheSameToken_OnlyOneWins()
    {
        var tokens = await SignIn(Accounts.Pastoral);
        using var first = factory.CreateClient();
        using var second = factory.CreateClient();

        var answers = await Task.WhenAll(
            first.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken }),
            second.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken }));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignOut_TheRefreshTokenStopsWorking()
    {
        var tokens = await SignIn(Accounts.Teacher);
        using var anonymous = factory.CreateClient();

        var signedOut = await anonymous.PostAsJsonAsync("/api/auth/sign-out", new { refreshToken = tokens.RefreshToken });
        var refresh = await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });

        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        await refresh.AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_OfALockedAccount_Is401()
    {
        var (email, _) = await NewColleague("Teacher");
        var tokens = await SignIn(email, Password);
        using var admin = await factory.ClientFor(Accounts.Admin);
        await admin.PostAsJsonAsync("/api/accounts/lock", new { email });
        using var anonymous = factory.CreateClient();

        var refresh = await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });

        await refresh.AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_WithAnUnknownToken_Is401()
    {
        using var anonymous = factory.CreateClient();

        var refresh = await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "not-a-token-we-issued" });

        await refresh.AssertProblem(HttpStatusCode.Unauthorized);
    }

    private sealed record Tokens(string AccessToken, DateTimeOffset ExpiresAt, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt);

    private async Task<Tokens> SignIn(string email, string password = DemoData.Password)
    {
        var response = await SignInResponse(email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Tokens>())!;
    }

    private async Task<HttpResponseMessage> SignInResponse(string email, string password)
    {
        using var anonymous = factory.CreateClient();
        return await anonymous.PostAsJsonAsync("/api/auth/token", new { email, password });
    }

    private async Task<(string Email, Guid Id)> NewColleague(params string[] roles)
    {
        var email = $"colleague-{Guid.NewGuid():N}@bridgemary.demo";
        using var admin = await factory.ClientFor(Accounts.Admin);
        var created = await admin.PostAsJsonAsync("/api/staff", new
        {
            title = "Mx",
            givenName = "Sam",
            familyName = "Roles",
            roles,
            account = new { email, password = Password },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (email, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }
}

namespace School.Api.Tests.Staff;

public sealed class StaffTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    [Theory]
    [InlineData(Accounts.Admin, 200)]
    [InlineData(Accounts.Tutor, 200)]
    [InlineData(Accounts.Mentor, 200)]
    [InlineData(Accounts.Teacher, 200)]
    [InlineData(Accounts.Pastoral, 200)]
    [InlineData(Accounts.Student, 403)]
    [InlineData(Accounts.Parent, 403)]
    [InlineData(Accounts.CramlingtonAdmin, 200)]
    [InlineData(Accounts.CramlingtonStudent, 403)]
    [InlineData(Accounts.CramlingtonParent, 403)]
    public async Task ListStaff_OnlyStaffSeeIt_AndOnlyTheirOwnSchool(string caller, int expected)
    {
        using var client = await factory.ClientFor(caller);

        var response = await client.GetAsync("/api/staff?pageSize=100");

        if (expected == 403)
        {
            await response.AssertProblem(HttpStatusCode.Forbidden);
            return;
        }

        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.All(page.GetProperty("items").EnumerateArray(),
            s => Assert.Equal(me.GetProperty("schoolId").GetGuid(), s.GetProperty("schoolId").GetGuid()));
        Assert.True(page.GetProperty("totalCount").GetInt32() >= 20);
    }

    [Fact]
    public async Task ListStaff_Bridgemary_HasAboutSixtyStaff()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var page = await admin.GetFromJsonAsync<JsonElement>("/api/staff");

        Assert.InRange(page.GetProperty("totalCount").GetInt32(), 55, 70);
    }

    [Fact]
    public async Task ListStaff_FilteredByRole_ReturnsOnlyThatRole()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var page = await admin.GetFromJsonAsync<JsonElement>("/api/staff?role=Mentor&pageSize=100");

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, s => Assert.Contains("Mentor", s.GetProperty("roles").EnumerateArray().Select(r => r.GetString())));
    }

    [Theory]
    [InlineData(Accounts.Admin, 200, 404)]
    [InlineData(Accounts.Teacher, 200, 404)]
    [InlineData(Accounts.Student, 403, 404)]
    [InlineData(Accounts.Parent, 403, 404)]
    [InlineData(Accounts.CramlingtonAdmin, 404, 200)]
    public async Task GetStaff_OwnSchoolOnly(string caller, int bridgemaryTutor, int cramlingtonAdmin)
    {
        using var client = await factory.ClientFor(caller);

        var first = await client.GetAsync($"/api/staff/{DemoData.BridgemaryTutorId}");
        var second = await client.GetAsync($"/api/staff/{DemoData.CramlingtonAdminId}");

        Assert.Equal(bridgemaryTutor, (int)first.StatusCode);
        Assert.Equal(cramlingtonAdmin, (int)second.StatusCode);
    }

    [Theory]
    [InlineData(Accounts.Admin, 201)]
    [InlineData(Accounts.Tutor, 403)]
    [InlineData(Accounts.Mentor, 403)]
    [InlineData(Accounts.Teacher, 403)]
    [InlineData(Accounts.Pastoral, 403)]
    [InlineData(Accounts.Student, 403)]
    [InlineData(Accounts.Parent, 403)]
    [InlineData(Accounts.CramlingtonAdmin, 201)]
    public async Task PostStaff_AdminsOnly(string caller, int expected)
    {
        using var client = await factory.ClientFor(caller);

        var response = await client.PostAsJsonAsync("/api/staff", new { givenName = "Lee", familyName = "Newstaff", roles = new[] { "Teacher", "Mentor" } });

        Assert.Equal(expected, (int)response.StatusCode);
    }

    [Theory]
    [InlineData(Accounts.Admin, 200, 404)]
    [InlineData(Accounts.Teacher, 403, 404)]
    [InlineData(Accounts.Student, 403, 404)]
    [InlineData(Accounts.CramlingtonAdmin, 404, 200)]
    public async Task PutStaff_AdminOfTheSameSchoolOnly(string caller, int bridgemaryTeacher, int cramlingtonAdmin)
    {
        using var client = await factory.ClientFor(caller);
        var body = new { title = "Mr", givenName = "Tom", familyName = "Bennett", roles = new[] { "Teacher" } };
        var cramBody = new { title = "Mr", givenName = "Graham", familyName = "Robson", roles = new[] { "SchoolAdmin", "Teacher" } };

        var first = await client.PutAsJsonAsync($"/api/staff/{DemoData.BridgemaryTeacherId}", body);
        var second = await client.PutAsJsonAsync($"/api/staff/{DemoData.CramlingtonAdminId}", cramBody);

        Assert.Equal(bridgemaryTeacher, (int)first.StatusCode);
        Assert.Equal(cramlingtonAdmin, (int)second.StatusCode);
    }

    [Fact]
    public async Task PostStaff_WithAnAccount_TheNewColleagueCanSignInWithTheirRoles()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var email = $"new-{Guid.NewGuid():N}@bridgemary.demo";

        var created = await admin.PostAsJsonAsync("/api/staff", new
        {
            title = "Dr",
            givenName = "Ada",
            familyName = "Okoro",
            roles = new[] { "PersonalTutor", "Mentor" },
            account = new { email, password = "a-Good-passw0rd" },
        });
        using var colleague = await factory.ClientFor(email, "a-Good-passw0rd");
        var me = await colleague.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.NotNull(created.Headers.Location);
        Assert.Equal(["PersonalTutor", "Mentor"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
    }

    [Fact]
    public async Task PostStaff_WithAnEmailAlreadyInUse_Is409AndSavesNothing()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var family = $"Dup{Guid.NewGuid():N}"[..20];

        var response = await admin.PostAsJsonAsync("/api/staff", new
        {
            givenName = "Dee",
            familyName = family,
            roles = new[] { "Teacher" },
            account = new { email = "TEACHER@bridgemary.demo", password = "a-Good-passw0rd" },
        });
        var search = await admin.GetFromJsonAsync<JsonElement>($"/api/staff?name={family}");

        await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(0, search.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task PostStaff_WithoutRolesOrWithAnUnknownRole_Is400NamingRoles()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var none = await admin.PostAsJsonAsync("/api/staff", new { givenName = "No", familyName = "Roles", roles = Array.Empty<string>() });
        var unknown = await admin.PostAsJsonAsync("/api/staff", new { givenName = "Bad", familyName = "Role", roles = new[] { "Headmaster" } });

        await none.AssertValidationProblem("roles");
        await unknown.AssertValidationProblem("roles[0]");
    }

    [Fact]
    public async Task PutStaff_WithAStaleIfMatch_Is412()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var read = await admin.GetAsync($"/api/staff/{DemoData.BridgemaryPastoralId}");
        var etag = read.Headers.ETag!.Tag;
        var body = new { title = "Mrs", givenName = "Sarah", familyName = "Whitfield", roles = new[] { "PastoralLead" } };

        using var first = new HttpRequestMessage(HttpMethod.Put, $"/api/staff/{DemoData.BridgemaryPastoralId}") { Content = JsonContent.Create(body) };
        first.Headers.IfMatch.ParseAdd(etag);
        var accepted = await admin.SendAsync(first);
        using var second = new HttpRequestMessage(HttpMethod.Put, $"/api/staff/{DemoData.BridgemaryPastoralId}") { Content = JsonContent.Create(body) };
        second.Headers.IfMatch.ParseAdd(etag);
        var stale = await admin.SendAsync(second);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.NotEqual(etag, accepted.Headers.ETag!.Tag);
        await stale.AssertProblem(HttpStatusCode.PreconditionFailed);
    }
}

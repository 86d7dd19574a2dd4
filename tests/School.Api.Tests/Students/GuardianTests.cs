namespace School.Api.Tests.Students;

public sealed class GuardianTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private static async Task<Guid> NewStudent(HttpClient admin)
    {
        var created = await admin.PostAsJsonAsync("/api/students", new
        {
            pupilNumber = $"G{Guid.NewGuid().ToString("N")[..12]}",
            givenName = "Morgan",
            familyName = "Linked",
            dateOfBirth = "2012-10-01",
            yearGroup = 9,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task LinkNewGuardianWithAccount_TheGuardianSignsInAndSeesTheChild()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var studentId = await NewStudent(admin);
        var email = $"carer-{Guid.NewGuid():N}@example.org";

        var linked = await admin.PostAsJsonAsync($"/api/students/{studentId}/guardians", new
        {
            guardian = new { givenName = "Kim", familyName = "Linked", email, phone = "07700 900999" },
            relationship = "FosterCarer",
            hasParentalResponsibility = false,
            account = new { email, password = "carer-Passw0rd" },
        });
        using var carer = await factory.ClientFor(email, "carer-Passw0rd");
        var me = await carer.GetFromJsonAsync<JsonElement>("/api/me");
        var child = await carer.GetAsync($"/api/students/{studentId}");

        Assert.Equal(HttpStatusCode.Created, linked.StatusCode);
        var link = await linked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("FosterCarer", link.GetProperty("relationship").GetString());
        Assert.True(link.GetProperty("accessAllowed").GetBoolean());
        Assert.Equal(studentId, Assert.Single(me.GetProperty("children").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, child.StatusCode);
    }

    [Fact]
    public async Task StoppingAccess_TheGuardianNoLongerSeesTheChild_AndRestoringItGivesItBack()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var studentId = await NewStudent(admin);
        var email = $"parent-{Guid.NewGuid():N}@example.org";
        var linked = await admin.PostAsJsonAsync($"/api/students/{studentId}/guardians", new
        {
            guardian = new { givenName = "Lou", familyName = "Linked" },
            relationship = "Father",
            hasParentalResponsibility = true,
            account = new { email, password = "parent-Passw0rd" },
        });
        var guardianId = (await linked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("guardianId").GetGuid();
        using var parent = await factory.ClientFor(email, "parent-Passw0rd");

        var stop = await admin.PutAsJsonAsync($"/api/students/{studentId}/guardians/{guardianId}", new
        {
            relationship = "Father",
            hasParentalResponsibility = true,
            accessAllowed = false,
            accessStoppedReason = "Court order, 1 October 2026",
        });
        var tokenAfterStop = await parent.GetAsync("/api/me");
        using var parentAgain = await factory.SignInAgain(email, "parent-Passw0rd");
        var whileStopped = await parentAgain.GetAsync($"/api/students/{studentId}");
        var meWhileStopped = await parentAgain.GetFromJsonAsync<JsonElement>("/api/me");
        var restore = await admin.PutAsJsonAsync($"/api/students/{studentId}/guardians/{guardianId}", new
        {
            relationship = "Father",
            hasParentalResponsibility = true,
            accessAllowed = true,
        });
        var afterRestore = await parentAgain.GetAsync($"/api/students/{studentId}");

        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        await tokenAfterStop.AssertProblem(HttpStatusCode.Unauthorized);
        await whileStopped.AssertProblem(HttpStatusCode.NotFound);
        Assert.Empty(meWhileStopped.GetProperty("children").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterRestore.StatusCode);
    }

    [Fact]
    public async Task DemoGuardianWhoseAccessIsStopped_HasNoAccountAndIsListedForStaffOnly()
    {
        using var pastoral = await factory.ClientFor(Accounts.Pastoral);

        var guardians = await pastoral.GetFromJsonAsync<JsonElement>($"/api/students/{DemoData.BridgemaryStudentId}/guardians");

        var stopped = Assert.Single(guardians.EnumerateArray(), g => g.GetProperty("guardianId").GetGuid() == DemoData.BridgemaryStoppedGuardianId);
        Assert.False(stopped.GetProperty("accessAllowed").GetBoolean());
    }

    [Fact]
    public async Task StoppingAccessWithoutAReason_Is400NamingTheReason()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.PutAsJsonAsync($"/api/students/{DemoData.BridgemaryStudentId}/guardians/{DemoData.BridgemaryParentId}", new
        {
            relationship = "Mother",
            hasParentalResponsibility = true,
            accessAllowed = false,
        });

        await response.AssertValidationProblem("accessStoppedReason");
    }

    [Fact]
    public async Task LinkingTheSameGuardianTwice_Is409()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.PostAsJsonAsync($"/api/students/{DemoData.BridgemaryStudentId}/guardians", new
        {
            guardianId = DemoData.BridgemaryParentId,
            relationship = "Mother",
            hasParentalResponsibility = true,
        });

        var problem = await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal("student.guardian_already_linked", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task LinkingAnExistingGuardianToASibling_GivesTheGuardianBothChildren()
    {
        using var admin = await factory.ClientFor(Accounts.CramlingtonAdmin);
        var sibling = await NewStudent(admin);

        var linked = await admin.PostAsJsonAsync($"/api/students/{sibling}/guardians", new
        {
            guardianId = DemoData.CramlingtonParentId,
            relationship = "Father",
            hasParentalResponsibility = true,
        });
        using var parent = await factory.ClientFor(Accounts.CramlingtonParent);
        var me = await parent.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(HttpStatusCode.Created, linked.StatusCode);
        Assert.Equal(2, me.GetProperty("children").GetArrayLength());
    }

    [Fact]
    public async Task LinkingAGuardianOfAnotherSchool_Is400NamingGuardianId()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.PostAsJsonAsync($"/api/students/{DemoData.BridgemaryStudentId}/guardians", new
        {
            guardianId = DemoData.CramlingtonParentId,
            relationship = "Father",
            hasParentalResponsibility = true,
        });

        await response.AssertValidationProblem("guardianId");
    }

    [Fact]
    public async Task LinkingWithBothAnIdAndANewGuardian_Is400()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.PostAsJsonAsync($"/api/students/{DemoData.BridgemaryStudentId}/guardians", new
        {
            guardianId = DemoData.BridgemaryParentId,
            guardian = new { givenName = "Two", familyName = "Ways" },
            relationship = "Mother",
            hasParentalResponsibility = true,
        });

        await response.AssertValidationProblem("guardian");
    }
}

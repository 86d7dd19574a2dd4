using System.Text;

namespace School.Api.Tests.Errors;

/// <summary>
/// A field the operation needs is required: leaving it out is a 400 naming it, never a silent 0 or false. Nullable fields
/// and fields with a documented default stay optional.
/// </summary>
public sealed class RequiredFieldsTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task UpdatingAMentorWithAnEmptyBody_Is400NamingTheAllowance_AndKeepsTheAllowance()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/mentors");

        var response = await admin.PutAsync($"/api/mentors/{DemoData.BridgemaryMentorId}", Json("{}"));

        await response.AssertValidationProblem("weeklyAllowanceMinutes");
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/mentors");
        Assert.Equal(Allowance(before), Allowance(after));
    }

    [Fact]
    public async Task SettingGuardianAttendanceWithAnEmptyBody_Is400NamingTheField_AndKeepsTheWish()
    {
        using var student = await factory.ClientFor(Accounts.Student);
        var url = $"/api/students/{DemoData.BridgemaryStudentId}/mentor-preferences";
        (await student.PutAsJsonAsync($"{url}/guardian-attendance", new { guardianMayAttend = true })).EnsureSuccessStatusCode();

        var response = await student.PutAsync($"{url}/guardian-attendance", Json("{}"));

        await response.AssertValidationProblem("guardianMayAttend");
        var preferences = await student.GetFromJsonAsync<JsonElement>(url);
        Assert.True(preferences.GetProperty("guardianMayAttend").GetBoolean());
    }

    [Fact]
    public async Task OptionalFieldsMayBeLeftOut()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        // supervisorId and trainedOn are nullable, isActive has a default: only the allowance is needed.
        var response = await admin.PutAsync($"/api/mentors/{DemoData.BridgemaryMentorId}", Json("""{"weeklyAllowanceMinutes":120}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AMissingNestedField_IsNamedWithItsPath()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.PostAsync($"/api/students/{DemoData.BridgemaryStudentId}/guardians",
            Json("""{"guardian":{"givenName":"A"},"relationship":"Mother","hasParentalResponsibility":true}"""));

        await response.AssertValidationProblem("guardian.familyName");
    }

    [Fact]
    public async Task NullForAFieldThatIsNotNullable_Is400NamingIt()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.PutAsync($"/api/mentors/{DemoData.BridgemaryMentorId}", Json("""{"weeklyAllowanceMinutes":null}"""));

        await response.AssertValidationProblem("weeklyAllowanceMinutes");
    }

    private static int Allowance(JsonElement mentors) =>
        mentors.EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == DemoData.BridgemaryMentorId).GetProperty("weeklyAllowanceMinutes").GetInt32();
}

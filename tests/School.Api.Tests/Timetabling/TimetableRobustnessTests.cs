using System.Text;

namespace School.Api.Tests.Timetabling;

/// <summary>Inputs that once reached a 500: each is now a 400 naming the field, and nothing is saved.</summary>
public sealed class TimetableRobustnessTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task ADatedBlockAtTheEndOfTheCalendar_Is400_AndClashDetectionKeepsWorking()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.PostAsync("/api/timetable/blocks", Json(
            $$"""{"title":"Far future","kind":"ThemedProject","studentIds":["{{DemoData.BridgemaryStudentId}}"],"fromDate":"9999-12-30","toDate":"9999-12-31","start":"10:00","durationMinutes":60}"""));
        var conflicts = await admin.GetAsync("/api/timetable/conflicts");

        await response.AssertValidationProblem("fromDate");
        Assert.Equal(HttpStatusCode.OK, conflicts.StatusCode);
    }

    [Fact]
    public async Task ATimetableAtTheEndOfTheCalendar_Is400()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.GetAsync($"/api/students/{DemoData.BridgemaryStudentId}/timetable?from=9999-12-31&to=9999-12-31");

        await response.AssertValidationProblem("from");
    }

    [Theory]
    [InlineData("PUT", "/api/staff/{staff}/shifts", "{}", "shifts")]
    [InlineData("PUT", "/api/staff/{staff}/shifts", """{"shifts":[null]}""", "shifts[0]")]
    [InlineData("POST", "/api/academic-years", """{"name":"2030/31","cycleWeeks":2}""", "halfTerms")]
    [InlineData("POST", "/api/academic-years", """{"name":"2030/31","cycleWeeks":2,"halfTerms":[null]}""", "halfTerms[0]")]
    [InlineData("POST", "/api/academic-years", """{"name":"2030/31","cycleWeeks":2,"halfTerms":[{"name":"A1","term":"Autumn","start":"2030-09-02","end":"2030-10-18"}],"closures":[null]}""", "closures[0]")]
    [InlineData("PUT", "/api/groups/{group}/members", "{}", "studentIds")]
    [InlineData("POST", "/api/day-windows/{window}/enrolments", "{}", "studentId")]
    public async Task MissingOrNullLists_Are400NamingTheField(string method, string path, string body, string field)
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var url = path
            .Replace("{staff}", DemoData.BridgemaryTeacherId.ToString(), StringComparison.Ordinal)
            .Replace("{group}", DemoData.BridgemaryMathsSet1Id.ToString(), StringComparison.Ordinal)
            .Replace("{window}", DemoData.BridgemaryLateWindowId.ToString(), StringComparison.Ordinal);

        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = Json(body) };
        var response = await admin.SendAsync(request);

        await response.AssertValidationProblem(field);
    }

    [Fact]
    public async Task CreatedLocations_CanBeRead()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var name = TimetableApi.Unique("Located");

        var room = await admin.PostAsJsonAsync("/api/rooms", new { name, capacity = 20, setting = "OnSite" });
        var group = await admin.PostAsJsonAsync("/api/groups", new { name, kind = "Class", studentIds = new[] { DemoData.BridgemaryStudentId } });
        var window = await admin.PostAsJsonAsync("/api/day-windows", new { name, start = "16:00", end = "18:00", capacity = 10, autoApprove = true });
        var groupId = (await group.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var block = await admin.PostAsJsonAsync("/api/timetable/blocks", new { title = name, kind = "Lesson", groupId, day = "Monday", start = "16:00", durationMinutes = 60 });

        foreach (var created in new[] { room, group, window, block })
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(created.Headers.Location)).StatusCode);
        }
    }
}

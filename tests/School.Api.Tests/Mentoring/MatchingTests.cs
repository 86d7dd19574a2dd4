namespace School.Api.Tests.Mentoring;

/// <summary>Matching respects each mentor's capacity and gives as many students as possible their higher choices; admins can override.</summary>
public sealed class MatchingTests
{
    [Fact]
    public async Task Matching_FillsAMentorToCapacity_ThenGivesTheRestTheirNextChoice_AndExplains()
    {
        using var factory = new SchoolApiFactory();
        using var admin = await factory.ClientFor(Accounts.Admin);
        var small = await NewStaffMentorAsync(admin, allowanceMinutes: 30); // 30 ÷ 15 minutes a mentee = 2 places
        var pupils = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var pupil = await NewStudentAsync(admin);
            pupils.Add(pupil);
            var ranked = await admin.PostAsJsonAsync(
                $"/api/students/{pupil}/mentor-preferences", new { mentorIds = new[] { small, DemoData.BridgemaryMentorId }, noPreference = false });
            Assert.Equal(HttpStatusCode.OK, ranked.StatusCode);
        }

        var open = await NewStudentAsync(admin);
        await admin.PostAsJsonAsync($"/api/students/{open}/mentor-preferences", new { noPreference = true });

        var response = await admin.PostAsync("/api/mentoring/matching", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((4, 4, 2, 1, 0, 1, 0), (
            result.GetProperty("considered").GetInt32(), result.GetProperty("assigned").GetInt32(),
            result.GetProperty("firstChoice").GetInt32(), result.GetProperty("secondChoice").GetInt32(),
            result.GetProperty("unassigned").GetInt32(), result.GetProperty("noPreferencePlaced").GetInt32(),
            result.GetProperty("placedOutsideChoices").GetInt32()));
        var matches = result.GetProperty("students").EnumerateArray().ToDictionary(m => m.GetProperty("studentId").GetGuid());
        Assert.Equal(2, pupils.Count(p => matches[p].GetProperty("mentorId").GetGuid() == small));
        var second = matches[pupils.Single(p => matches[p].GetProperty("mentorId").GetGuid() != small)];
        Assert.Equal((DemoData.BridgemaryMentorId, 2), (second.GetProperty("mentorId").GetGuid(), second.GetProperty("rank").GetInt32()));
        Assert.Contains("first choice full", second.GetProperty("reason").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("No preference", matches[open].GetProperty("reason").GetString(), StringComparison.Ordinal);

        var mentors = await admin.GetFromJsonAsync<JsonElement>("/api/mentors");
        var full = mentors.EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == small);
        Assert.Equal((2, 2, 0), (full.GetProperty("capacity").GetInt32(), full.GetProperty("mentees").GetInt32(), full.GetProperty("placesLeft").GetInt32()));
        Assert.DoesNotContain(mentors.EnumerateArray(), m => m.GetProperty("mentees").GetInt32() > m.GetProperty("capacity").GetInt32() && m.GetProperty("id").GetGuid() == small);

        // A second run finds nobody without a mentor.
        var again = await (await admin.PostAsync("/api/mentoring/matching", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("considered").GetInt32());
    }

    [Fact]
    public async Task Override_ToAFullMentorIs409_ToOneWithRoomIsKeptInTheHistoryWithItsReason()
    {
        using var factory = new SchoolApiFactory();
        using var admin = await factory.ClientFor(Accounts.Admin);
        var small = await NewStaffMentorAsync(admin, allowanceMinutes: 15); // one place
        var first = await NewStudentAsync(admin);
        var second = await NewStudentAsync(admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/students/{first}/mentor", new { mentorId = small, reason = "Asked for Mr Small." })).StatusCode);

        var full = await admin.PutAsJsonAsync($"/api/students/{second}/mentor", new { mentorId = small, reason = "Also asked." });
        Assert.Equal("mentoring.mentor_full", (await full.AssertProblem(HttpStatusCode.Conflict)).GetProperty("code").GetString());
        await (await admin.PutAsJsonAsync($"/api/students/{second}/mentor", new { mentorId = small })).AssertValidationProblem("reason");

        var moved = await admin.PutAsJsonAsync($"/api/students/{first}/mentor", new { mentorId = DemoData.BridgemaryMentorId, reason = "Needs a mentor in school on Fridays." });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/students/{first}/mentor-assignments");
        Assert.Equal(2, history.GetArrayLength());
        var current = history[0];
        Assert.Equal(("Override", "Needs a mentor in school on Fridays."), (current.GetProperty("source").GetString(), current.GetProperty("reason").GetString()));
        Assert.Equal(JsonValueKind.Null, current.GetProperty("endedAt").ValueKind);
        Assert.Equal(small, history[1].GetProperty("mentor").GetProperty("id").GetGuid());
        Assert.NotEqual(JsonValueKind.Null, history[1].GetProperty("endedAt").ValueKind);
        var student = await admin.GetFromJsonAsync<JsonElement>($"/api/students/{first}");
        Assert.Equal(DemoData.BridgemaryMentorId, student.GetProperty("mentor").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Preferences_BadInput_Is400NamingMentorIds_AndNothingIsSaved()
    {
        using var factory = new SchoolApiFactory();
        using var student = await factory.ClientFor(Accounts.Student);
        var url = $"/api/students/{DemoData.BridgemaryStudentId}/mentor-preferences";
        var before = await student.GetFromJsonAsync<JsonElement>(url);
        var m = DemoData.BridgemaryMentorId;

        await (await student.PostAsJsonAsync(url, new { mentorIds = new[] { m, m } })).AssertValidationProblem("mentorIds");
        await (await student.PostAsJsonAsync(url, new { mentorIds = new[] { m, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() } })).AssertValidationProblem("mentorIds");
        await (await student.PostAsJsonAsync(url, new { mentorIds = Array.Empty<Guid>() })).AssertValidationProblem("mentorIds");
        await (await student.PostAsJsonAsync(url, new { mentorIds = new[] { m }, noPreference = true })).AssertValidationProblem("mentorIds");
        await (await student.PostAsJsonAsync(url, new { mentorIds = new[] { Guid.NewGuid() } })).AssertValidationProblem("mentorIds");
        await (await student.PostAsJsonAsync(url, new { mentorIds = new[] { DemoData.CramlingtonAdminId } })).AssertValidationProblem("mentorIds");

        Assert.Equal(before.ToString(), (await student.GetFromJsonAsync<JsonElement>(url)).ToString());
        var ok = await student.PostAsJsonAsync(url, new { mentorIds = new[] { m } });
        Assert.Equal(m, (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mentors")[0].GetProperty("id").GetGuid());
    }

    private static async Task<Guid> NewStaffMentorAsync(HttpClient admin, int allowanceMinutes)
    {
        var staff = await admin.PostAsJsonAsync("/api/staff", new { title = "Mr", givenName = "Sam", familyName = "Small", roles = new[] { "Teacher", "Mentor" } });
        Assert.Equal(HttpStatusCode.Created, staff.StatusCode);
        var id = (await staff.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var mentor = await admin.PostAsJsonAsync("/api/mentors", new { personId = id, kind = "Staff", weeklyAllowanceMinutes = allowanceMinutes });
        Assert.Equal(HttpStatusCode.Created, mentor.StatusCode);
        return id;
    }

    private static async Task<Guid> NewStudentAsync(HttpClient admin)
    {
        var response = await admin.PostAsJsonAsync("/api/students", new
        {
            pupilNumber = $"M{Guid.NewGuid().ToString("N")[..10]}".ToUpperInvariant(),
            givenName = "Robin",
            familyName = "Match",
            dateOfBirth = "2013-03-01",
            yearGroup = 8,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}

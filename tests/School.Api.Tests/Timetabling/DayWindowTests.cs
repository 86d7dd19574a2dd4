namespace School.Api.Tests.Timetabling;

/// <summary>
/// Day windows: places are limited (the place after the last is refused, a freed place can be taken); a student or
/// guardian requests and an admin approves; a student belongs to one window at a time.
/// </summary>
/// <remarks>The demo student's enrolments are withdrawn at the end of each test, so every test starts with them in the standard day.</remarks>
public sealed class DayWindowTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private static readonly Guid OtherStudentId = DemoData.IdFor("bridgemary:student:BMC08100");

    [Fact]
    public async Task GetDayWindows_Demo_ShowsTheEarlyWindowWithFortyOfFiftyPlacesTaken()
    {
        using var student = await factory.ClientFor(Accounts.Student);

        var windows = (await student.GetFromJsonAsync<JsonElement>("/api/day-windows")).EnumerateArray().ToList();

        var early = windows.Single(w => w.GetProperty("id").GetGuid() == DemoData.BridgemaryEarlyWindowId);
        Assert.Equal("07:30", early.GetProperty("start").GetString());
        Assert.Equal("13:00", early.GetProperty("end").GetString());
        Assert.Equal(50, early.GetProperty("capacity").GetInt32());
        Assert.Equal(40, early.GetProperty("placesTaken").GetInt32());
        Assert.Equal(10, early.GetProperty("placesLeft").GetInt32());
        Assert.Equal([10], early.GetProperty("yearGroups").EnumerateArray().Select(y => y.GetInt32()));
        var standard = windows.Single(w => w.GetProperty("isDefault").GetBoolean());
        Assert.Equal(DemoData.BridgemaryStandardWindowId, standard.GetProperty("id").GetGuid());
        Assert.Equal("08:30", standard.GetProperty("start").GetString());
        Assert.Equal("15:30", standard.GetProperty("end").GetString());
    }

    [Fact]
    public async Task Enrol_WindowWithTwoPlaces_RefusesTheThirdAsFull_UntilAPlaceIsFreed()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var window = await admin.NewWindowAsync(capacity: 2, yearGroups: [8]);
        var id = window.GetProperty("id").GetGuid();
        var (first, second, third) = (await admin.NewStudentAsync(8), await admin.NewStudentAsync(8), await admin.NewStudentAsync(8));

        var one = await Enrol(admin, id, first);
        var two = await Enrol(admin, id, second);
        var refused = await Enrol(admin, id, third);

        await TimetableApi.AssertStatus(one, HttpStatusCode.Created);
        await TimetableApi.AssertStatus(two, HttpStatusCode.Created);
        Assert.Equal("Approved", (await two.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var problem = await refused.AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains("full", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        var full = await WindowAsync(admin, id);
        Assert.Equal(2, full.GetProperty("placesTaken").GetInt32());
        Assert.Equal(0, full.GetProperty("placesLeft").GetInt32());

        var freed = await admin.DeleteAsync($"/api/day-windows/{id}/enrolments/{first}");
        var retried = await Enrol(admin, id, third);

        await TimetableApi.AssertStatus(freed, HttpStatusCode.NoContent);
        await TimetableApi.AssertStatus(retried, HttpStatusCode.Created);
        var enrolled = (await admin.GetFromJsonAsync<JsonElement>($"/api/day-windows/{id}/enrolments")).EnumerateArray()
            .Select(e => e.GetProperty("studentId").GetGuid()).ToList();
        Assert.Equal(new[] { second, third }.Order(), enrolled.Order());
    }

    [Fact]
    public async Task Enrol_StudentForThemself_IsARequestTakingNoPlace_UntilAnAdminApproves()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        using var student = await factory.ClientFor(Accounts.Student);
        var id = (await admin.NewWindowAsync(capacity: 1, yearGroups: [10])).GetProperty("id").GetGuid();
        try
        {
            var requested = await Enrol(student, id, DemoData.BridgemaryStudentId);

            await TimetableApi.AssertStatus(requested, HttpStatusCode.Created);
            var request = await requested.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Requested", request.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, request.GetProperty("approvedAt").ValueKind);
            var waiting = await WindowAsync(student, id);
            Assert.Equal(0, waiting.GetProperty("placesTaken").GetInt32());
            Assert.Equal(1, waiting.GetProperty("placesLeft").GetInt32());
            Assert.Equal(1, waiting.GetProperty("requests").GetInt32());

            var approved = await admin.PostAsync($"/api/day-windows/{id}/enrolments/{DemoData.BridgemaryStudentId}/approve", null);

            await TimetableApi.AssertStatus(approved, HttpStatusCode.OK);
            Assert.Equal("Approved", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
            var taken = await WindowAsync(student, id);
            Assert.Equal(1, taken.GetProperty("placesTaken").GetInt32());
            Assert.Equal(0, taken.GetProperty("requests").GetInt32());
            var timetable = await student.GetFromJsonAsync<JsonElement>($"/api/students/{DemoData.BridgemaryStudentId}/timetable");
            Assert.Equal(id, timetable.GetProperty("window").GetProperty("id").GetGuid());
        }
        finally
        {
            await admin.DeleteAsync($"/api/day-windows/{id}/enrolments/{DemoData.BridgemaryStudentId}");
        }
    }

    [Fact]
    public async Task Enrol_StudentIntoAWindowThatApprovesAutomatically_TakesAPlaceAtOnce()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        using var student = await factory.ClientFor(Accounts.Student);
        var id = (await admin.NewWindowAsync(capacity: 3, yearGroups: [10], autoApprove: true)).GetProperty("id").GetGuid();
        try
        {
            var response = await Enrol(student, id, DemoData.BridgemaryStudentId);

            await TimetableApi.AssertStatus(response, HttpStatusCode.Created);
            Assert.Equal("Approved", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
            Assert.Equal(1, (await WindowAsync(student, id)).GetProperty("placesTaken").GetInt32());
        }
        finally
        {
            await student.DeleteAsync($"/api/day-windows/{id}/enrolments/{DemoData.BridgemaryStudentId}");
        }
    }

    [Fact]
    public async Task Approve_WhenTheLastPlaceWentMeanwhile_Is409Full()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        using var parent = await factory.ClientFor(Accounts.Parent);
        var id = (await admin.NewWindowAsync(capacity: 1, yearGroups: [10])).GetProperty("id").GetGuid();
        try
        {
            await TimetableApi.AssertStatus(await Enrol(parent, id, DemoData.BridgemaryStudentId), HttpStatusCode.Created);
            await TimetableApi.AssertStatus(await Enrol(admin, id, await admin.NewStudentAsync(10)), HttpStatusCode.Created);

            var approved = await admin.PostAsync($"/api/day-windows/{id}/enrolments/{DemoData.BridgemaryStudentId}/approve", null);

            var problem = await approved.AssertProblem(HttpStatusCode.Conflict);
            Assert.Contains("full", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await admin.DeleteAsync($"/api/day-windows/{id}/enrolments/{DemoData.BridgemaryStudentId}");
        }
    }

    [Fact]
    public async Task Enrol_ParentForTheirChild_IsARequest_AndTheyMayWithdrawIt()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        using var parent = await factory.ClientFor(Accounts.Parent);
        var id = (await admin.NewWindowAsync(capacity: 5, yearGroups: [10, 11])).GetProperty("id").GetGuid();
        try
        {
            var requested = await Enrol(parent, id, DemoData.BridgemaryStudentId);

            await TimetableApi.AssertStatus(requested, HttpStatusCode.Created);
            Assert.Equal("Requested", (await requested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
            var listed = Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"/api/day-windows/{id}/enrolments")).EnumerateArray());
            Assert.Equal(DemoData.BridgemaryStudentId, listed.GetProperty("studentId").GetGuid());

            var withdrawn = await parent.DeleteAsync($"/api/day-windows/{id}/enrolments/{DemoData.BridgemaryStudentId}");

            await TimetableApi.AssertStatus(withdrawn, HttpStatusCode.NoContent);
            Assert.Empty((await admin.GetFromJsonAsync<JsonElement>($"/api/day-windows/{id}/enrolments")).EnumerateArray());
        }
        finally
        {
            await admin.DeleteAsync($"/api/day-windows/{id}/enrolments/{DemoData.BridgemaryStudentId}");
        }
    }

    [Fact]
    public async Task Enrol_StudentAlreadyInAnotherWindow_Is409_NamingThatWindow()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        using var student = await factory.ClientFor(Accounts.Student);
        var first = await admin.NewWindowAsync(capacity: 5, yearGroups: [10]);
        var firstId = first.GetProperty("id").GetGuid();
        var secondId = (await admin.NewWindowAsync(capacity: 5, yearGroups: [10])).GetProperty("id").GetGuid();
        try
        {
            await TimetableApi.AssertStatus(await Enrol(student, firstId, DemoData.BridgemaryStudentId), HttpStatusCode.Created);

            var second = await Enrol(student, secondId, DemoData.BridgemaryStudentId);

            var problem = await second.AssertProblem(HttpStatusCode.Conflict);
            Assert.Contains(first.GetProperty("name").GetString()!, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(0, (await WindowAsync(admin, secondId)).GetProperty("requests").GetInt32());
        }
        finally
        {
            await admin.DeleteAsync($"/api/day-windows/{firstId}/enrolments/{DemoData.BridgemaryStudentId}");
        }
    }

    [Fact]
    public async Task Enrol_AdminEnrollingAStudentTwiceInTheSameWindow_Is409()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var id = (await admin.NewWindowAsync(capacity: 5)).GetProperty("id").GetGuid();
        var pupil = await admin.NewStudentAsync(9);
        await TimetableApi.AssertStatus(await Enrol(admin, id, pupil), HttpStatusCode.Created);

        var again = await Enrol(admin, id, pupil);

        await again.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(1, (await WindowAsync(admin, id)).GetProperty("placesTaken").GetInt32());
    }

    [Theory]
    [InlineData(Accounts.Student)]
    [InlineData(Accounts.Parent)]
    public async Task Enrol_StudentOrParentForAnotherChild_Is404(string caller)
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        using var client = await factory.ClientFor(caller);
        var id = (await admin.NewWindowAsync(capacity: 5)).GetProperty("id").GetGuid();

        var response = await Enrol(client, id, OtherStudentId);

        await response.AssertProblem(HttpStatusCode.NotFound);
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>($"/api/day-windows/{id}/enrolments")).EnumerateArray());
    }

    [Fact]
    public async Task Enrol_YearGroupTheWindowIsNotOpenTo_Is409()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var id = (await admin.NewWindowAsync(capacity: 5, yearGroups: [7])).GetProperty("id").GetGuid();

        var response = await Enrol(admin, id, await admin.NewStudentAsync(10));

        var problem = await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains("Year 10", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrol_StudentIntoTheEarlyWindowOutsideYear10_Is409()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await Enrol(admin, DemoData.BridgemaryEarlyWindowId, OtherStudentId);

        var problem = await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains("Year 8", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrol_IntoTheStandardDay_Is409_EveryoneIsAlreadyInIt()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await Enrol(admin, DemoData.BridgemaryStandardWindowId, await admin.NewStudentAsync(9));

        await response.AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Enrol_UnknownWindow_Is404()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var response = await Enrol(admin, Guid.NewGuid(), await admin.NewStudentAsync(9));

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    private static Task<HttpResponseMessage> Enrol(HttpClient client, Guid windowId, Guid studentId) =>
        client.PostAsJsonAsync($"/api/day-windows/{windowId}/enrolments", new { studentId });

    private static async Task<JsonElement> WindowAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/day-windows")).EnumerateArray().Single(w => w.GetProperty("id").GetGuid() == id);
}

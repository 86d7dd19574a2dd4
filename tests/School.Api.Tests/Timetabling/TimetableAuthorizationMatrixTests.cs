namespace School.Api.Tests.Timetabling;

/// <summary>
/// The timetabling endpoints × every demo role, in the style of the roster's matrix: the three target students are the
/// Bridgemary demo student (the caller's own record for the Bridgemary tutor, mentor, student and parent), another
/// Bridgemary student linked to no demo account, and the Cramlington demo student. Who may not see a student gets 404;
/// who may see but not do gets 403; another school's records are never visible.
/// </summary>
public sealed class TimetableAuthorizationMatrixTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private const string Demo = "bridgemary-demo";
    private const string Other = "bridgemary-other";
    private const string Cram = "cramlington-demo";

    /// <summary>A one-day "year" far from any other, so an admin's save succeeds (years of one school may not overlap).</summary>
    private const string FarFutureDay = "2035-08-01";

    private static readonly Guid OtherStudentId = DemoData.IdFor("bridgemary:student:BMC08100");

    /// <summary>A student's timetable: exactly who may read the student (GET /api/students/{id}).</summary>
    public static TheoryData<string, string, int> ReadTimetable => Matrix(
        (Accounts.Admin, 200, 200, 404),
        (Accounts.Tutor, 200, 404, 404),
        (Accounts.Mentor, 200, 404, 404),
        (Accounts.Teacher, 200, 200, 404),
        (Accounts.Pastoral, 200, 200, 404),
        (Accounts.Student, 200, 404, 404),
        (Accounts.Parent, 200, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 200),
        (Accounts.CramlingtonStudent, 404, 404, 200),
        (Accounts.CramlingtonParent, 404, 404, 200));

    /// <summary>Choosing a window: the student, their guardian, or their school's admin; staff who only look after them get 403.</summary>
    public static TheoryData<string, string, int> ChooseWindow => Matrix(
        (Accounts.Admin, 201, 201, 404),
        (Accounts.Tutor, 403, 404, 404),
        (Accounts.Mentor, 403, 404, 404),
        (Accounts.Teacher, 403, 403, 404),
        (Accounts.Pastoral, 403, 403, 404),
        (Accounts.Student, 201, 404, 404),
        (Accounts.Parent, 201, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 201),
        (Accounts.CramlingtonStudent, 404, 404, 201),
        (Accounts.CramlingtonParent, 404, 404, 201));

    public static TheoryData<string, string, int> LeaveWindow => Replace(ChooseWindow, 201, 204);

    /// <summary>Approving a request: only the student's school admin; the student and guardian may see but not approve.</summary>
    public static TheoryData<string, string, int> ApproveEnrolment => Matrix(
        (Accounts.Admin, 200, 200, 404),
        (Accounts.Tutor, 403, 404, 404),
        (Accounts.Mentor, 403, 404, 404),
        (Accounts.Teacher, 403, 403, 404),
        (Accounts.Pastoral, 403, 403, 404),
        (Accounts.Student, 403, 404, 404),
        (Accounts.Parent, 403, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 200),
        (Accounts.CramlingtonStudent, 404, 404, 403),
        (Accounts.CramlingtonParent, 404, 404, 403));

    private static readonly string[] NonAdmins =
    [
        Accounts.Tutor, Accounts.Mentor, Accounts.Teacher, Accounts.Pastoral, Accounts.Student, Accounts.Parent,
        Accounts.CramlingtonStudent, Accounts.CramlingtonParent,
    ];

    private static readonly string[] AdminOnly =
    [
        "POST /api/timetable/blocks", "GET /api/timetable/conflicts", "POST /api/day-windows", "PUT /api/day-windows/{id}",
        "POST /api/rooms", "POST /api/groups", "PUT /api/staff/{id}/shifts", "POST /api/academic-years", "GET /api/day-windows/{id}/enrolments",
    ];

    public static TheoryData<string, string> AdminOnlyEndpoints
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var endpoint in AdminOnly)
            {
                foreach (var caller in NonAdmins)
                {
                    data.Add(endpoint, caller);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ReadTimetable))]
    public async Task GetStudentTimetable(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);

        var response = await client.GetAsync($"/api/students/{IdOf(target)}/timetable?from=2026-09-14&to=2026-09-18");

        await TimetableApi.AssertStatus(response, (HttpStatusCode)expected);
        if (expected == 200)
        {
            var timetable = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(IdOf(target), timetable.GetProperty("personId").GetGuid());
            // The demo students have a week of lessons; the generated Year 8 has none in the demo timetable.
            Assert.Equal(target != Other, timetable.Sessions().Count > 0);
        }
    }

    [Theory]
    [MemberData(nameof(ChooseWindow))]
    public async Task PostEnrolment(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);
        using var admin = await TargetAdmin(target);
        var window = (await admin.NewWindowAsync(capacity: 500)).GetProperty("id").GetGuid();
        try
        {
            var response = await client.PostAsJsonAsync($"/api/day-windows/{window}/enrolments", new { studentId = IdOf(target) });

            await TimetableApi.AssertStatus(response, (HttpStatusCode)expected);
            var enrolments = (await admin.GetFromJsonAsync<JsonElement>($"/api/day-windows/{window}/enrolments")).EnumerateArray().ToList();
            Assert.Equal(expected == 201 ? 1 : 0, enrolments.Count);
        }
        finally
        {
            await admin.DeleteAsync($"/api/day-windows/{window}/enrolments/{IdOf(target)}");
        }
    }

    [Theory]
    [MemberData(nameof(LeaveWindow))]
    public async Task DeleteEnrolment(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);
        using var admin = await TargetAdmin(target);
        var window = await EnrolledWindowAsync(admin, target);
        try
        {
            var response = await client.DeleteAsync($"/api/day-windows/{window}/enrolments/{IdOf(target)}");

            await TimetableApi.AssertStatus(response, (HttpStatusCode)expected);
            var left = (await admin.GetFromJsonAsync<JsonElement>($"/api/day-windows/{window}/enrolments")).GetArrayLength();
            Assert.Equal(expected == 204 ? 0 : 1, left);
        }
        finally
        {
            await admin.DeleteAsync($"/api/day-windows/{window}/enrolments/{IdOf(target)}");
        }
    }

    [Theory]
    [MemberData(nameof(ApproveEnrolment))]
    public async Task ApproveEnrolmentRequest(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);
        using var admin = await TargetAdmin(target);
        var window = await EnrolledWindowAsync(admin, target);
        try
        {
            var response = await client.PostAsync($"/api/day-windows/{window}/enrolments/{IdOf(target)}/approve", null);

            await TimetableApi.AssertStatus(response, (HttpStatusCode)expected);
        }
        finally
        {
            await admin.DeleteAsync($"/api/day-windows/{window}/enrolments/{IdOf(target)}");
        }
    }

    [Theory]
    [MemberData(nameof(AdminOnlyEndpoints))]
    public async Task AdminOnlyEndpoint_NonAdmin_IsRefused(string endpoint, string caller)
    {
        using var client = await factory.ClientFor(caller);

        var response = await SendAsync(client, endpoint);

        // A Bridgemary record does not exist for another school's members (404); anyone else is refused (403).
        var otherSchoolsRecord = endpoint.Contains("{id}", StringComparison.Ordinal) && caller.EndsWith("@cramlington.demo", StringComparison.Ordinal);
        await response.AssertProblem(otherSchoolsRecord ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AdminOnlyEndpoints_Admin_Succeeds()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        foreach (var endpoint in AdminOnly)
        {
            var response = await SendAsync(admin, endpoint);

            Assert.True(response.IsSuccessStatusCode, $"{endpoint}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Theory]
    [InlineData(Accounts.Admin)]
    [InlineData(Accounts.Teacher)]
    [InlineData(Accounts.Student)]
    [InlineData(Accounts.Parent)]
    [InlineData(Accounts.CramlingtonStudent)]
    [InlineData(Accounts.CramlingtonParent)]
    public async Task GetDayWindows_EveryoneAtTheSchool_SeesExactlyTheirSchoolsWindows(string caller)
    {
        using var client = await factory.ClientFor(caller);
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        using var bridgemary = await factory.ClientFor(Accounts.Admin);
        var bridgemaryIds = await IdsAsync(bridgemary, "/api/day-windows");
        var cramlingtonIds = await IdsAsync(cramlington, "/api/day-windows");

        var ids = await IdsAsync(client, "/api/day-windows");

        var expected = caller.EndsWith("@cramlington.demo", StringComparison.Ordinal) ? cramlingtonIds : bridgemaryIds;
        Assert.Equal(expected.Order(), ids.Order());
        Assert.Empty(bridgemaryIds.Intersect(cramlingtonIds));
    }

    [Fact]
    public async Task CramlingtonAdmin_NeverSeesBridgemarysTimetable()
    {
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        using var bridgemary = await factory.ClientFor(Accounts.Admin);
        var bridgemaryWindow = (await bridgemary.NewWindowAsync()).GetProperty("id").GetGuid();
        var bridgemaryBlocks = await IdsAsync(bridgemary, "/api/timetable/blocks");
        var bridgemaryRooms = await IdsAsync(bridgemary, "/api/rooms");
        var bridgemaryGroups = await IdsAsync(bridgemary, "/api/groups");

        var windows = await IdsAsync(cramlington, "/api/day-windows");
        var blocks = await IdsAsync(cramlington, "/api/timetable/blocks");
        var rooms = await IdsAsync(cramlington, "/api/rooms");
        var groups = await IdsAsync(cramlington, "/api/groups");
        var conflicts = await cramlington.GetFromJsonAsync<JsonElement>("/api/timetable/conflicts");

        Assert.Contains(DemoData.IdFor("cramlington:window:standard"), windows);
        Assert.DoesNotContain(bridgemaryWindow, windows);
        Assert.DoesNotContain(DemoData.BridgemaryEarlyWindowId, windows);
        Assert.NotEmpty(blocks);
        Assert.Empty(blocks.Intersect(bridgemaryBlocks));
        Assert.Empty(rooms.Intersect(bridgemaryRooms));
        Assert.Empty(groups.Intersect(bridgemaryGroups));
        Assert.All(conflicts.GetProperty("clashes").EnumerateArray(), c => Assert.Empty(c.Guids("blockIds").Intersect(bridgemaryBlocks)));
    }

    [Fact]
    public async Task CramlingtonAdmin_ChangingBridgemarysRecordsById_Is404()
    {
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        using var bridgemary = await factory.ClientFor(Accounts.Admin);
        var window = await bridgemary.NewWindowAsync(capacity: 10);
        var windowId = window.GetProperty("id").GetGuid();
        var cramlingtonBlock = new BlockSpec("Cramlington probe") { GroupId = DemoData.IdFor("cramlington:group:9-maths") };

        var putWindow = await cramlington.PutAsJsonAsync($"/api/day-windows/{windowId}", TimetableApi.WindowBody("Taken over", 1, [], false));
        var listEnrolments = await cramlington.GetAsync($"/api/day-windows/{DemoData.BridgemaryEarlyWindowId}/enrolments");
        var enrol = await cramlington.PostAsJsonAsync($"/api/day-windows/{windowId}/enrolments", new { studentId = DemoData.CramlingtonStudentId });
        var putBlock = await cramlington.PutAsJsonAsync($"/api/timetable/blocks/{DemoData.BridgemaryPlacementId}", cramlingtonBlock);
        var deleteBlock = await cramlington.DeleteAsync($"/api/timetable/blocks/{DemoData.BridgemaryThemedProjectId}");
        var putShifts = await cramlington.PutAsJsonAsync($"/api/staff/{DemoData.BridgemaryTeacherId}/shifts", new { shifts = Array.Empty<object>() });
        var getShifts = await cramlington.GetAsync($"/api/staff/{DemoData.BridgemaryTeacherId}/shifts");
        var bridgemaryBlockWithCramlingtonGroup = await bridgemary.PostAsJsonAsync("/api/timetable/blocks", cramlingtonBlock);

        await putWindow.AssertProblem(HttpStatusCode.NotFound);
        await listEnrolments.AssertProblem(HttpStatusCode.NotFound);
        await enrol.AssertProblem(HttpStatusCode.NotFound);
        await putBlock.AssertProblem(HttpStatusCode.NotFound);
        await deleteBlock.AssertProblem(HttpStatusCode.NotFound);
        await putShifts.AssertProblem(HttpStatusCode.NotFound);
        await getShifts.AssertProblem(HttpStatusCode.NotFound);
        await bridgemaryBlockWithCramlingtonGroup.AssertValidationProblem("groupId");
        var after = (await bridgemary.GetFromJsonAsync<JsonElement>("/api/day-windows")).EnumerateArray().Single(w => w.GetProperty("id").GetGuid() == windowId);
        Assert.Equal(window.GetProperty("name").GetString(), after.GetProperty("name").GetString());
        Assert.Equal(0, after.GetProperty("placesTaken").GetInt32());
        var blocks = await IdsAsync(bridgemary, "/api/timetable/blocks");
        Assert.Contains(DemoData.BridgemaryThemedProjectId, blocks);
        Assert.Contains(DemoData.BridgemaryPlacementId, blocks);
    }

    /// <summary>Sends a valid request to an admin-only endpoint, so that only the caller's role can refuse it.</summary>
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string endpoint)
    {
        var window = DemoData.BridgemaryLateWindowId;
        return endpoint switch
        {
            "POST /api/timetable/blocks" => client.PostAsJsonAsync("/api/timetable/blocks", new BlockSpec(TimetableApi.Unique("Matrix"))
            {
                GroupId = DemoData.BridgemaryMathsSet1Id, Day = "Saturday",
            }),
            "GET /api/timetable/conflicts" => client.GetAsync("/api/timetable/conflicts"),
            "POST /api/day-windows" => client.PostAsJsonAsync("/api/day-windows", TimetableApi.WindowBody(TimetableApi.Unique("Matrix"), 10, [10], false)),
            // The demo late window, unchanged: 13:00–18:30, 40 places, Years 10–11, approving automatically.
            "PUT /api/day-windows/{id}" => client.PutAsJsonAsync($"/api/day-windows/{window}", TimetableApi.WindowBody("Late window", 40, [10, 11], true)),
            "POST /api/rooms" => client.PostAsJsonAsync("/api/rooms", new { name = TimetableApi.Unique("Matrix room"), capacity = 20, setting = "OnSite" }),
            "POST /api/groups" => client.PostAsJsonAsync("/api/groups", new { name = TimetableApi.Unique("Matrix set"), kind = "AbilitySet", subject = "Maths", studentIds = Array.Empty<Guid>() }),
            "PUT /api/staff/{id}/shifts" => client.PutAsJsonAsync($"/api/staff/{DemoData.BridgemaryPastoralId}/shifts", new { shifts = Array.Empty<object>() }),
            "POST /api/academic-years" => client.PostAsJsonAsync("/api/academic-years", new
            {
                name = TimetableApi.Unique("Year"),
                cycleWeeks = 1,
                halfTerms = new[] { new { name = "Summer school", term = "Summer", start = FarFutureDay, end = FarFutureDay } },
            }),
            "GET /api/day-windows/{id}/enrolments" => client.GetAsync($"/api/day-windows/{DemoData.BridgemaryEarlyWindowId}/enrolments"),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, null),
        };
    }


    private static Guid IdOf(string target) => target switch
    {
        Demo => DemoData.BridgemaryStudentId,
        Other => OtherStudentId,
        Cram => DemoData.CramlingtonStudentId,
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    /// <summary>The target's own school admin: windows are created in the target student's school.</summary>
    private Task<HttpClient> TargetAdmin(string target) => factory.ClientFor(target == Cram ? Accounts.CramlingtonAdmin : Accounts.Admin);

    /// <summary>A fresh window open to every year, with the target enrolled by their school's admin.</summary>
    private static async Task<Guid> EnrolledWindowAsync(HttpClient admin, string target)
    {
        var window = (await admin.NewWindowAsync(capacity: 500)).GetProperty("id").GetGuid();
        var enrolled = await admin.PostAsJsonAsync($"/api/day-windows/{window}/enrolments", new { studentId = IdOf(target) });
        await TimetableApi.AssertStatus(enrolled, HttpStatusCode.Created);
        return window;
    }

    private static async Task<HashSet<Guid>> IdsAsync(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonElement>(path)).EnumerateArray().Select(x => x.GetProperty("id").GetGuid()).ToHashSet();

    private static TheoryData<string, string, int> Matrix(params (string Caller, int Demo, int Other, int Cram)[] rows)
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (caller, demo, other, cram) in rows)
        {
            data.Add(caller, Demo, demo);
            data.Add(caller, Other, other);
            data.Add(caller, Cram, cram);
        }

        return data;
    }

    private static TheoryData<string, string, int> Replace(TheoryData<string, string, int> source, int from, int to)
    {
        var data = new TheoryData<string, string, int>();
        foreach (var row in source)
        {
            var status = (int)row[2];
            data.Add((string)row[0], (string)row[1], status == from ? to : status);
        }

        return data;
    }
}

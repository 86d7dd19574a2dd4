namespace School.Api.Tests.Timetabling;

/// <summary>
/// A learning block as the API takes it (POST /api/timetable/blocks). Defaults: a one-hour lesson every Monday at 10:00,
/// inside every Bridgemary window's hours except the early window's end.
/// </summary>
internal sealed record BlockSpec(string Title, string Start = "10:00", int DurationMinutes = 60)
{
    public string? Subject { get; init; } = "Timetabling";

    public string Kind { get; init; } = "Lesson";

    public Guid? GroupId { get; init; }

    public IReadOnlyList<Guid>? StudentIds { get; init; }

    public IReadOnlyList<Guid>? StaffIds { get; init; }

    public Guid? RoomId { get; init; }

    public int? CycleWeek { get; init; }

    public string? Day { get; init; } = "Monday";

    public string? FromDate { get; init; }

    public string? ToDate { get; init; }

    /// <summary>A block that runs every school day from <paramref name="from"/> to <paramref name="to"/> instead of on a cycle day.</summary>
    public BlockSpec Dated(string from, string to) => this with { Day = null, FromDate = from, ToDate = to };
}

/// <summary>Small steps the timetabling tests share: records of their own (unique names) created through the API.</summary>
internal static class TimetableApi
{
    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>A new student of the admin's school (in the standard day until enrolled elsewhere).</summary>
    public static async Task<Guid> NewStudentAsync(this HttpClient admin, int yearGroup = 10)
    {
        var response = await admin.PostAsJsonAsync("/api/students", new
        {
            pupilNumber = $"TT{Guid.NewGuid().ToString("N")[..10]}".ToUpperInvariant(),
            givenName = "Taylor",
            familyName = "Timetable",
            dateOfBirth = "2011-06-01",
            yearGroup,
        });
        return await IdOfCreated(response);
    }

    /// <summary>A new teacher of the admin's school, with no shifts (they work the standard day).</summary>
    public static async Task<Guid> NewTeacherAsync(this HttpClient admin)
    {
        var response = await admin.PostAsJsonAsync("/api/staff", new { givenName = "Robin", familyName = "Rota", roles = new[] { "Teacher" } });
        return await IdOfCreated(response);
    }

    public static async Task<Guid> NewRoomAsync(this HttpClient admin, int capacity = 30)
    {
        var response = await admin.PostAsJsonAsync("/api/rooms", new { name = Unique("Room"), capacity, setting = "OnSite" });
        return await IdOfCreated(response);
    }

    /// <summary>A new day window; the caller is an admin of the school it belongs to.</summary>
    public static async Task<JsonElement> NewWindowAsync(
        this HttpClient admin, int? capacity = 100, int[]? yearGroups = null, bool autoApprove = false, string start = "13:00", string end = "18:30")
    {
        var response = await admin.PostAsJsonAsync("/api/day-windows", WindowBody(Unique("Window"), capacity, yearGroups ?? [], autoApprove, start, end));
        await AssertStatus(response, HttpStatusCode.Created);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static object WindowBody(string name, int? capacity, int[] yearGroups, bool autoApprove, string start = "13:00", string end = "18:30") =>
        new { name, start, end, capacity, yearGroups, autoApprove };

    /// <summary>Places a block and returns the saved block with its clashes.</summary>
    public static async Task<JsonElement> PostBlockAsync(this HttpClient admin, BlockSpec block)
    {
        var response = await admin.PostAsJsonAsync("/api/timetable/blocks", block);
        await AssertStatus(response, HttpStatusCode.Created);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Guid BlockId(this JsonElement saved) => saved.GetProperty("block").GetProperty("id").GetGuid();

    public static async Task<JsonElement> TimetableAsync(this HttpClient client, Guid studentId, string from, string to) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/students/{studentId}/timetable?from={from}&to={to}");

    public static List<JsonElement> Sessions(this JsonElement timetable) => timetable.GetProperty("sessions").EnumerateArray().ToList();

    public static List<Guid> Guids(this JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(x => x.GetGuid()).ToList();

    public static async Task AssertStatus(HttpResponseMessage response, HttpStatusCode expected)
    {
        if ((int)expected >= 400)
        {
            await response.AssertProblem(expected);
            return;
        }

        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<Guid> IdOfCreated(HttpResponseMessage response)
    {
        await AssertStatus(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}

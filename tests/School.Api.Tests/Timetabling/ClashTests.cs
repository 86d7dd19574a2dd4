namespace School.Api.Tests.Timetabling;

/// <summary>
/// Every kind of clash, caused through the API: a clashing block is saved (201) and comes back with its clashes, and the
/// admin's list of conflicts shows the same clash with its kind, blocks and the people involved.
/// </summary>
public sealed class ClashTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    [Fact]
    public async Task PostBlock_SameStudentInTwoOverlappingBlocks_IsSavedAndReportsStudentDoubleBooked()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var student = await admin.NewStudentAsync();
        var first = await admin.PostBlockAsync(new BlockSpec(TimetableApi.Unique("Geography"), "10:00", 60) { StudentIds = [student] });

        var second = await admin.PostBlockAsync(new BlockSpec(TimetableApi.Unique("History"), "10:30", 60) { StudentIds = [student] });

        Assert.Empty(first.GetProperty("clashes").EnumerateArray());
        var clash = AssertClash(second, "StudentDoubleBooked", first.BlockId(), second.BlockId());
        Assert.Equal([student], clash.Guids("studentIds"));
        Assert.Equal("10:30", clash.GetProperty("start").GetString());
        Assert.Equal("11:00", clash.GetProperty("end").GetString());
        await AssertListedAsync(admin, clash);
    }

    [Fact]
    public async Task PostBlock_SameTeacherInTwoOverlappingBlocks_ReportsTeacherDoubleBooked()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var teacher = await admin.NewTeacherAsync();
        var first = await admin.PostBlockAsync(new BlockSpec(TimetableApi.Unique("Chemistry"), "09:00", 100)
        {
            Day = "Tuesday", StudentIds = [await admin.NewStudentAsync()], StaffIds = [teacher],
        });

        var second = await admin.PostBlockAsync(new BlockSpec(TimetableApi.Unique("Physics"), "10:00", 60)
        {
            Day = "Tuesday", StudentIds = [await admin.NewStudentAsync()], StaffIds = [teacher],
        });

        var clash = AssertClash(second, "TeacherDoubleBooked", first.BlockId(), second.BlockId());
        Assert.Equal([teacher], clash.Guids("staffIds"));
        Assert.Empty(clash.Guids("studentIds"));
        await AssertListedAsync(admin, clash);
    }

    [Fact]
    public async Task PostBlock_SameRoomForTwoOverlappingBlocks_ReportsRoomDoubleBooked()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var room = await admin.NewRoomAsync();
        var first = await admin.PostBlockAsync(new BlockSpec(TimetableApi.Unique("Drama"), "13:00", 60)
        {
            Day = "Wednesday", StudentIds = [await admin.NewStudentAsync()], RoomId = room,
        });

        var second = await admin.PostBlockAsync(new BlockSpec(TimetableApi.Unique("Music"), "13:30", 30)
        {
            Day = "Wednesday", StudentIds = [await admin.NewStudentAsync()], RoomId = room,
        });

        var clash = AssertClash(second, "RoomDoubleBooked", first.BlockId(), second.BlockId());
        Assert.Equal(room, clash.GetProperty("roomId").GetGuid());
        await AssertListedAsync(admin, clash);
    }

    [Fact]
    public async Task PutBlock_MovedAwayFromTheClash_ComesBackWithoutIt_AndTheListDropsIt()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var student = await admin.NewStudentAsync();
        var first = await admin.PostBlockAsync(new BlockSpec(TimetableApi.Unique("Spanish"), "14:00", 60) { Day = "Tuesday", StudentIds = [student] });
        var moving = new BlockSpec(TimetableApi.Unique("French"), "14:30", 60) { Day = "Tuesday", StudentIds = [student] };
        var second = await admin.PostBlockAsync(moving);
        AssertClash(second, "StudentDoubleBooked", first.BlockId(), second.BlockId());

        var moved = await admin.PutAsJsonAsync($"/api/timetable/blocks/{second.BlockId()}", moving with { Day = "Wednesday" });

        await TimetableApi.AssertStatus(moved, HttpStatusCode.OK);
        var saved = await moved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Wednesday", saved.GetProperty("block").GetProperty("day").GetString());
        Assert.Empty(saved.GetProperty("clashes").EnumerateArray());
        var conflicts = await admin.GetFromJsonAsync<JsonElement>("/api/timetable/conflicts");
        Assert.DoesNotContain(conflicts.GetProperty("clashes").EnumerateArray(), c => c.Guids("blockIds").Contains(second.BlockId()));
    }

    [Fact]
    public async Task DeleteBlock_RemovesItsClashes()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var room = await admin.NewRoomAsync(capacity: 1);
        var crowded = await admin.PostBlockAsync(new BlockSpec(TimetableApi.Unique("Crowded"))
        {
            Day = "Thursday", StudentIds = [await admin.NewStudentAsync(), await admin.NewStudentAsync()], RoomId = room,
        });
        AssertClash(crowded, "RoomOverCapacity", crowded.BlockId());

        var deleted = await admin.DeleteAsync($"/api/timetable/blocks/{crowded.BlockId()}");

        await TimetableApi.AssertStatus(deleted, HttpStatusCode.NoContent);
        var conflicts = await admin.GetFromJsonAsync<JsonElement>("/api/timetable/conflicts");
        Assert.DoesNotContain(conflicts.GetProperty("clashes").EnumerateArray(), c => c.Guids("blockIds").Contains(crowded.BlockId()));
        await (await admin.DeleteAsync($"/api/timetable/blocks/{crowded.BlockId()}")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PostBlock_DatedBlock_ClashesOnlyOnTheCycleDaysOfItsSchoolDays()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var student = await admin.NewStudentAsync();
        await admin.PostBlockAsync(new BlockSpec(TimetableApi.Unique("Monday A"), "09:00", 60) { CycleWeek = 1, StudentIds = [student] });
        var mondayB = await admin.PostBlockAsync(new BlockSpec(TimetableApi.Unique("Monday B"), "09:00", 60) { CycleWeek = 2, StudentIds = [student] });

        // Friday 23 October and Monday 2 November are both in week B; Monday 26 October (week A) is half term.
        var dated = await admin.PostBlockAsync(new BlockSpec(TimetableApi.Unique("Across half term"), "09:00", 60) { StudentIds = [student] }
            .Dated("2026-10-23", "2026-11-02"));
        var inset = await admin.PostBlockAsync(new BlockSpec(TimetableApi.Unique("On the INSET day"), "09:00", 60) { StudentIds = [student] }
            .Dated("2026-11-27", "2026-11-27"));

        var clash = AssertClash(dated, "StudentDoubleBooked", mondayB.BlockId(), dated.BlockId());
        Assert.Single(dated.GetProperty("clashes").EnumerateArray());
        Assert.Equal(2, clash.GetProperty("cycleWeek").GetInt32());
        Assert.Equal("Monday", clash.GetProperty("day").GetString());
        Assert.Empty(inset.GetProperty("clashes").EnumerateArray());
    }

    [Fact]
    public async Task PostBlock_BlocksThatOnlyTouch_DoNotClash()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var student = await admin.NewStudentAsync();
        var room = await admin.NewRoomAsync();
        await admin.PostBlockAsync(new BlockSpec(TimetableApi.Unique("Before"), "11:00", 30) { Day = "Thursday", StudentIds = [student], RoomId = room });

        var after = await admin.PostBlockAsync(new BlockSpec(TimetableApi.Unique("After"), "11:30", 30) { Day = "Thursday", StudentIds = [student], RoomId = room });

        Assert.Empty(after.GetProperty("clashes").EnumerateArray());
    }

    [Fact]
    public async Task PostBlock_MoreStudentsThanTheRoomHolds_ReportsRoomOverCapacity()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var room = await admin.NewRoomAsync(capacity: 1);

        var saved = await admin.PostBlockAsync(new BlockSpec(TimetableApi.Unique("Small group"))
        {
            Day = "Friday", StudentIds = [await admin.NewStudentAsync(), await admin.NewStudentAsync()], RoomId = room,
        });

        var clash = AssertClash(saved, "RoomOverCapacity", saved.BlockId());
        Assert.Equal(room, clash.GetProperty("roomId").GetGuid());
        Assert.Contains("2 students", clash.GetProperty("message").GetString(), StringComparison.Ordinal);
        await AssertListedAsync(admin, clash);
    }

    [Fact]
    public async Task PostBlock_EarlyWindowStudentAtTwoPm_ReportsStudentOutsideWindow_AndTheirTimetableShowsIt()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var enrolments = await admin.GetFromJsonAsync<JsonElement>($"/api/day-windows/{DemoData.BridgemaryEarlyWindowId}/enrolments");
        var earlyStudent = enrolments.EnumerateArray().First(e => e.GetProperty("status").GetString() == "Approved").GetProperty("studentId").GetGuid();
        var title = TimetableApi.Unique("Afternoon clinic");

        var saved = await admin.PostBlockAsync(new BlockSpec(title, "14:00", 60) { StudentIds = [earlyStudent] });

        var clash = AssertClash(saved, "StudentOutsideWindow", saved.BlockId());
        Assert.Equal([earlyStudent], clash.Guids("studentIds"));
        Assert.Equal(DemoData.BridgemaryEarlyWindowId, clash.GetProperty("windowId").GetGuid());
        await AssertListedAsync(admin, clash);
        var timetable = await admin.TimetableAsync(earlyStudent, "2026-09-14", "2026-09-14");
        Assert.Equal("Early window", timetable.GetProperty("window").GetProperty("name").GetString());
        Assert.True(timetable.Sessions().Single(s => s.GetProperty("title").GetString() == title).GetProperty("outsideWindow").GetBoolean());
    }

    [Fact]
    public async Task PostBlock_TeacherOnAnEarlyShiftTeachingAtTwoPm_ReportsTeacherOutsideShift()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var teacher = await admin.NewTeacherAsync();
        var shifts = await admin.PutAsJsonAsync($"/api/staff/{teacher}/shifts", new
        {
            shifts = new[] { 1, 2 }.Select(week => new { cycleWeek = week, day = "Monday", start = "07:15", end = "13:15" }),
        });
        await TimetableApi.AssertStatus(shifts, HttpStatusCode.OK);

        var inShift = await admin.PostBlockAsync(new BlockSpec(TimetableApi.Unique("Early maths"), "09:00", 60)
        {
            StudentIds = [await admin.NewStudentAsync()], StaffIds = [teacher],
        });
        var afterShift = await admin.PostBlockAsync(new BlockSpec(TimetableApi.Unique("Late maths"), "14:00", 60)
        {
            StudentIds = [await admin.NewStudentAsync()], StaffIds = [teacher],
        });

        Assert.Empty(inShift.GetProperty("clashes").EnumerateArray());
        var clash = AssertClash(afterShift, "TeacherOutsideShift", afterShift.BlockId());
        Assert.Equal([teacher], clash.Guids("staffIds"));
        await AssertListedAsync(admin, clash);
    }

    [Fact]
    public async Task PutDayWindow_CapacityBelowThePlacesTaken_Is409_SoAWindowCannotBeOverfilled()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var window = await admin.NewWindowAsync(capacity: 5, yearGroups: [7]);
        var id = window.GetProperty("id").GetGuid();
        foreach (var student in new[] { await admin.NewStudentAsync(7), await admin.NewStudentAsync(7) })
        {
            await TimetableApi.AssertStatus(
                await admin.PostAsJsonAsync($"/api/day-windows/{id}/enrolments", new { studentId = student }), HttpStatusCode.Created);
        }

        var response = await admin.PutAsJsonAsync($"/api/day-windows/{id}", TimetableApi.WindowBody(
            window.GetProperty("name").GetString()!, 1, [7], autoApprove: false));

        var problem = await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains("2 students", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var windows = await admin.GetFromJsonAsync<JsonElement>("/api/day-windows");
        var unchanged = windows.EnumerateArray().Single(w => w.GetProperty("id").GetGuid() == id);
        Assert.Equal(5, unchanged.GetProperty("capacity").GetInt32());
        var conflicts = await admin.GetFromJsonAsync<JsonElement>("/api/timetable/conflicts");
        Assert.DoesNotContain(conflicts.GetProperty("clashes").EnumerateArray(), c => c.GetProperty("kind").GetString() == "WindowOverCapacity");
    }

    [Fact]
    public async Task PutDayWindow_CapacityDownToThePlacesTaken_IsAllowed()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var window = await admin.NewWindowAsync(capacity: 5, yearGroups: [7]);
        var id = window.GetProperty("id").GetGuid();
        await TimetableApi.AssertStatus(
            await admin.PostAsJsonAsync($"/api/day-windows/{id}/enrolments", new { studentId = await admin.NewStudentAsync(7) }), HttpStatusCode.Created);

        var response = await admin.PutAsJsonAsync($"/api/day-windows/{id}", TimetableApi.WindowBody(
            window.GetProperty("name").GetString()!, 1, [7], autoApprove: false));

        await TimetableApi.AssertStatus(response, HttpStatusCode.OK);
        var changed = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, changed.GetProperty("placesLeft").GetInt32());
    }

    [Fact]
    public async Task GetConflicts_DemoTimetable_ShowsEnterpriseWeekClashingWithSet1ForEightYear9s()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var conflicts = await admin.GetFromJsonAsync<JsonElement>("/api/timetable/conflicts");

        var blocks = (await admin.GetFromJsonAsync<JsonElement>("/api/timetable/blocks")).EnumerateArray()
            .ToDictionary(b => b.GetProperty("id").GetGuid(), b => b.GetProperty("title").GetString()!);
        var groups = (await admin.GetFromJsonAsync<JsonElement>("/api/groups")).EnumerateArray()
            .ToDictionary(g => g.GetProperty("id").GetGuid(), g => g.Guids("studentIds").ToHashSet());
        var enterprise = conflicts.GetProperty("clashes").EnumerateArray()
            .Where(c => c.GetProperty("kind").GetString() == "StudentDoubleBooked" && c.Guids("blockIds").Contains(DemoData.BridgemaryThemedProjectId))
            .ToList();
        Assert.Equal(conflicts.GetProperty("count").GetInt32(), conflicts.GetProperty("clashes").GetArrayLength());
        Assert.NotEmpty(enterprise);
        Assert.All(enterprise, clash =>
        {
            var other = Assert.Single(clash.Guids("blockIds"), id => id != DemoData.BridgemaryThemedProjectId);
            Assert.StartsWith("Y10 Set 1 ", blocks[other], StringComparison.Ordinal);
            var students = clash.Guids("studentIds");
            Assert.Equal(8, students.Count);
            Assert.Subset(groups[DemoData.BridgemaryMathsSet1Id], students.ToHashSet());
            Assert.Subset(groups[DemoData.BridgemaryYear9CohortId], students.ToHashSet());
        });
        Assert.Single(enterprise.Select(c => string.Join(",", c.Guids("studentIds"))).Distinct());
        Assert.Contains(enterprise, c => blocks[c.Guids("blockIds").Single(id => id != DemoData.BridgemaryThemedProjectId)] == "Y10 Set 1 Maths");
    }

    private static JsonElement AssertClash(JsonElement saved, string kind, params Guid[] blockIds)
    {
        var clashes = saved.GetProperty("clashes").EnumerateArray().Where(c => c.GetProperty("kind").GetString() == kind).ToList();
        var clash = Assert.Single(clashes);
        Assert.Equal(blockIds.Order(), clash.Guids("blockIds").Order());
        Assert.False(string.IsNullOrWhiteSpace(clash.GetProperty("message").GetString()));
        return clash;
    }

    /// <summary>The clash a save reported is in the admin's list of conflicts, with the same kind, blocks and people.</summary>
    private static async Task AssertListedAsync(HttpClient admin, JsonElement clash)
    {
        var conflicts = await admin.GetFromJsonAsync<JsonElement>("/api/timetable/conflicts");
        var blockIds = clash.Guids("blockIds").Order().ToList();
        var listed = Assert.Single(conflicts.GetProperty("clashes").EnumerateArray(), c =>
            c.GetProperty("kind").GetString() == clash.GetProperty("kind").GetString() && c.Guids("blockIds").Order().SequenceEqual(blockIds));
        Assert.Equal(clash.Guids("studentIds"), listed.Guids("studentIds"));
        Assert.Equal(clash.Guids("staffIds"), listed.Guids("staffIds"));
        Assert.Equal(clash.GetProperty("roomId").ToString(), listed.GetProperty("roomId").ToString());
        Assert.Equal(clash.GetProperty("windowId").ToString(), listed.GetProperty("windowId").ToString());
    }
}

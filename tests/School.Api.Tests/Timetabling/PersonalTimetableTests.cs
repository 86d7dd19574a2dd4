using System.Globalization;

namespace School.Api.Tests.Timetabling;

/// <summary>
/// Personal timetables follow the cycle (week A starts Monday 31 August 2026, so 7 September is week B), the term dates
/// and closures, and give times in the school's local time across the clock change.
/// </summary>
public sealed class PersonalTimetableTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private static readonly Guid AlexId = DemoData.BridgemaryStudentId;

    [Fact]
    public async Task StudentTimetable_WeekABlock_AppearsOn14SeptemberNot7September_AndWeekBTheOtherWay()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var student = await admin.NewStudentAsync();
        var weekA = await admin.PostBlockAsync(new BlockSpec(TimetableApi.Unique("Week A"), "11:00", 30) { CycleWeek = 1, StudentIds = [student] });
        var weekB = await admin.PostBlockAsync(new BlockSpec(TimetableApi.Unique("Week B"), "11:00", 30) { CycleWeek = 2, StudentIds = [student] });

        var sessions = (await admin.TimetableAsync(student, "2026-09-07", "2026-09-28")).Sessions();

        Assert.Equal(["2026-09-14", "2026-09-28"], DatesOf(sessions, weekA.BlockId()));
        Assert.Equal(["2026-09-07", "2026-09-21"], DatesOf(sessions, weekB.BlockId()));
    }

    [Fact]
    public async Task StudentTimetable_FirstWeekOfTerm_IsWeekA_AndNothingBeforeTermStarts()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var student = await admin.NewStudentAsync();
        var everyDay = new List<Guid>();
        foreach (var day in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" })
        {
            everyDay.Add((await admin.PostBlockAsync(new BlockSpec(TimetableApi.Unique($"Week A {day}")) { Day = day, CycleWeek = 1, StudentIds = [student] })).BlockId());
        }

        var sessions = (await admin.TimetableAsync(student, "2026-08-31", "2026-09-06")).Sessions();

        // Term starts on Thursday 3 September, in week A: Monday to Wednesday are still holiday.
        Assert.Equal(["2026-09-03", "2026-09-04"], sessions.Select(s => s.GetProperty("date").GetString()!));
        Assert.All(sessions, s => Assert.Contains(s.GetProperty("blockId").GetGuid(), everyDay));
    }

    [Fact]
    public async Task StudentTimetable_DemoFlexibleFriday_IsScienceInWeekA_AndHumanitiesInWeekB()
    {
        using var student = await factory.ClientFor(Accounts.Student);

        var weekB = (await student.TimetableAsync(AlexId, "2026-09-11", "2026-09-11")).Sessions();
        var weekA = (await student.TimetableAsync(AlexId, "2026-09-18", "2026-09-18")).Sessions();

        var humanities = Assert.Single(weekB);
        var science = Assert.Single(weekA);
        Assert.Equal("Y10 Set 1 Flexible Friday: humanities", humanities.GetProperty("title").GetString());
        Assert.Equal("Y10 Set 1 Flexible Friday: science", science.GetProperty("title").GetString());
        Assert.All([humanities, science], s =>
        {
            Assert.Equal("FlexibleDay", s.GetProperty("kind").GetString());
            Assert.Equal("08:30", s.GetProperty("start").GetString());
            Assert.Equal("15:30", s.GetProperty("end").GetString());
        });
    }

    [Fact]
    public async Task StudentTimetable_HalfTermHoliday_IsEmpty_AndAWeeklyBlockSkipsIt()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var student = await admin.NewStudentAsync();
        var monday = await admin.PostBlockAsync(new BlockSpec(TimetableApi.Unique("Mondays")) { StudentIds = [student] });

        var holiday = (await admin.TimetableAsync(AlexId, "2026-10-24", "2026-11-01")).Sessions();
        var around = (await admin.TimetableAsync(student, "2026-10-19", "2026-11-02")).Sessions();

        Assert.Empty(holiday);
        Assert.Equal(["2026-10-19", "2026-11-02"], DatesOf(around, monday.BlockId()));
    }

    [Fact]
    public async Task StudentTimetable_InsetClosureFriday27November_IsEmpty_TheFridayBeforeIsNot()
    {
        using var student = await factory.ClientFor(Accounts.Student);

        var inset = (await student.TimetableAsync(AlexId, "2026-11-27", "2026-11-27")).Sessions();
        var fridayBefore = (await student.TimetableAsync(AlexId, "2026-11-20", "2026-11-20")).Sessions();

        Assert.Empty(inset);
        Assert.NotEmpty(fridayBefore);
    }

    [Fact]
    public async Task StudentTimetable_DatedProject_AppearsOnlyOnItsSchoolDays()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var student = await admin.NewStudentAsync();
        var project = await admin.PostBlockAsync(new BlockSpec(TimetableApi.Unique("Bridge building"), "09:00", 360)
        {
            Kind = "ThemedProject", StudentIds = [student],
        }.Dated("2026-10-08", "2026-10-13"));

        var sessions = (await admin.TimetableAsync(student, "2026-10-01", "2026-10-20")).Sessions();

        Assert.Equal(["2026-10-08", "2026-10-09", "2026-10-12", "2026-10-13"], DatesOf(sessions, project.BlockId()));
        Assert.All(sessions, s => Assert.Equal("ThemedProject", s.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task StudentTimetable_DemoEnterpriseWeek_AppearsForAYear9OnlyFrom9To13November()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var groups = (await admin.GetFromJsonAsync<JsonElement>("/api/groups")).EnumerateArray().ToList();
        var year9 = groups.Single(g => g.GetProperty("id").GetGuid() == DemoData.BridgemaryYear9CohortId).Guids("studentIds")[0];

        var sessions = (await admin.TimetableAsync(year9, "2026-11-02", "2026-11-22")).Sessions();

        Assert.Equal(["2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13"], DatesOf(sessions, DemoData.BridgemaryThemedProjectId));
    }

    [Fact]
    public async Task StudentTimetable_DemoStudentsWeek_HasSessionsOfAtLeastThreeLengths()
    {
        using var student = await factory.ClientFor(Accounts.Student);

        var sessions = (await student.TimetableAsync(AlexId, "2026-09-14", "2026-09-20")).Sessions();

        var lengths = sessions.Select(s => Minutes(s.GetProperty("end")) - Minutes(s.GetProperty("start"))).Distinct().ToList();
        Assert.True(lengths.Count >= 3, $"Lengths: {string.Join(", ", lengths)}");
        var maths = sessions.Single(s => s.GetProperty("date").GetString() == "2026-09-14" && s.GetProperty("title").GetString() == "Y10 Set 1 Maths");
        Assert.Equal("09:00", maths.GetProperty("start").GetString());
        Assert.Equal("10:00", maths.GetProperty("end").GetString());
        Assert.Equal("Maths", maths.GetProperty("subject").GetString());
        Assert.Equal(DemoData.BridgemaryTeacherId, Assert.Single(maths.GetProperty("staff").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.False(string.IsNullOrEmpty(maths.GetProperty("location").GetProperty("name").GetString()));
        Assert.DoesNotContain(sessions, s => s.GetProperty("date").GetString() is "2026-09-19" or "2026-09-20");
    }

    [Fact]
    public async Task StudentTimetable_TimesAreLocal_BritishSummerTimeBeforeTheClockChange_GreenwichAfter()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var student = await admin.NewStudentAsync();
        var nine = await admin.PostBlockAsync(new BlockSpec(TimetableApi.Unique("Nine o'clock"), "09:00", 60) { StudentIds = [student] }
            .Dated("2026-10-23", "2026-11-02"));

        var timetable = await admin.TimetableAsync(student, "2026-10-19", "2026-11-06");

        Assert.Equal("Europe/London", timetable.GetProperty("timeZone").GetString());
        var sessions = timetable.Sessions().Where(s => s.GetProperty("blockId").GetGuid() == nine.BlockId()).ToList();
        Assert.Equal(["2026-10-23", "2026-11-02"], sessions.Select(s => s.GetProperty("date").GetString()!));
        Assert.All(sessions, s => Assert.Equal("09:00", s.GetProperty("start").GetString()));
        var before = sessions[0].GetProperty("startsAt").GetDateTimeOffset();
        var after = sessions[1].GetProperty("startsAt").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromHours(1), before.Offset);
        Assert.Equal(TimeSpan.Zero, after.Offset);
        Assert.Equal(new DateTimeOffset(2026, 10, 23, 8, 0, 0, TimeSpan.Zero), before.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), after.ToUniversalTime());
    }

    [Fact]
    public async Task StudentTimetable_WithoutARange_IsThisWeekMondayToSunday()
    {
        using var student = await factory.ClientFor(Accounts.Student);

        var timetable = await student.GetFromJsonAsync<JsonElement>($"/api/students/{AlexId}/timetable");

        Assert.Equal("2026-09-07", timetable.GetProperty("from").GetString());
        Assert.Equal("2026-09-13", timetable.GetProperty("to").GetString());
        Assert.NotEmpty(timetable.Sessions());
    }

    [Fact]
    public async Task StaffTimetable_TeacherSeesTheirSet1MathsSessions()
    {
        using var teacher = await factory.ClientFor(Accounts.Teacher);

        var timetable = await teacher.GetFromJsonAsync<JsonElement>($"/api/staff/{DemoData.BridgemaryTeacherId}/timetable?from=2026-09-14&to=2026-09-18");

        var sessions = timetable.Sessions();
        Assert.NotEmpty(sessions);
        Assert.All(sessions, s =>
        {
            Assert.StartsWith("Y10 Set 1 Maths", s.GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.Equal("Maths", s.GetProperty("subject").GetString());
        });
        Assert.Contains(sessions, s => s.GetProperty("date").GetString() == "2026-09-14" && s.GetProperty("start").GetString() == "09:00");
        Assert.Contains(sessions, s => s.GetProperty("kind").GetString() == "Intensive");
    }

    [Fact]
    public async Task StaffTimetable_TutorSeesTheirSet1TutorialsMondayToThursday()
    {
        using var tutor = await factory.ClientFor(Accounts.Tutor);

        var sessions = (await tutor.GetFromJsonAsync<JsonElement>($"/api/staff/{DemoData.BridgemaryTutorId}/timetable?from=2026-09-14&to=2026-09-18")).Sessions();

        Assert.Equal(["2026-09-14", "2026-09-15", "2026-09-16", "2026-09-17"], sessions.Select(s => s.GetProperty("date").GetString()!));
        Assert.All(sessions, s =>
        {
            Assert.Equal("Y10 Set 1 Tutorial", s.GetProperty("title").GetString());
            Assert.Equal("08:30", s.GetProperty("start").GetString());
            Assert.Equal("08:50", s.GetProperty("end").GetString());
        });
    }

    [Theory]
    [InlineData(Accounts.Teacher, "own", 200)]
    [InlineData(Accounts.Teacher, "colleague", 403)]
    [InlineData(Accounts.Teacher, "cramlington", 404)]
    [InlineData(Accounts.Admin, "own", 200)]
    [InlineData(Accounts.Admin, "colleague", 200)]
    [InlineData(Accounts.Admin, "cramlington", 404)]
    [InlineData(Accounts.Pastoral, "colleague", 403)]
    [InlineData(Accounts.Student, "colleague", 403)]
    [InlineData(Accounts.Parent, "colleague", 403)]
    [InlineData(Accounts.CramlingtonAdmin, "colleague", 404)]
    public async Task StaffTimetable_OwnOrAdmin_OtherwiseForbidden_AnotherSchoolNotFound(string caller, string whose, int expected)
    {
        using var client = await factory.ClientFor(caller);
        var staffId = whose switch
        {
            // "own" is the teacher's record: for the admin it is a colleague's, which they may see too.
            "own" => DemoData.BridgemaryTeacherId,
            "colleague" => DemoData.BridgemaryTutorId,
            _ => DemoData.CramlingtonAdminId,
        };

        var response = await client.GetAsync($"/api/staff/{staffId}/timetable?from=2026-09-14&to=2026-09-18");

        await TimetableApi.AssertStatus(response, (HttpStatusCode)expected);
    }

    private static List<string> DatesOf(IEnumerable<JsonElement> sessions, Guid blockId) =>
        sessions.Where(s => s.GetProperty("blockId").GetGuid() == blockId).Select(s => s.GetProperty("date").GetString()!).ToList();

    private static int Minutes(JsonElement hhmm)
    {
        var time = TimeOnly.ParseExact(hhmm.GetString()!, "HH:mm", CultureInfo.InvariantCulture);
        return (time.Hour * 60) + time.Minute;
    }
}

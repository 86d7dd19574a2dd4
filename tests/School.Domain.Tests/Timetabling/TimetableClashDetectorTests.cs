using School.Domain.Timetabling;

namespace School.Domain.Tests.Timetabling;

public class TimetableClashDetectorTests
{
    private readonly Guid _schoolId = A.SchoolId();
    private readonly AcademicYear _year = T.Year();

    [Fact]
    public void Detect_StudentInAGroupAndNamedInAnOverlappingBlock_ReportsStudentDoubleBooked()
    {
        var shared = T.Student(_schoolId);
        var groupOnly = T.Student(_schoolId);
        var set = TeachingGroup.Create(A.Id(), _schoolId, "10X1", GroupKind.AbilitySet, "Maths", "Set 1");
        set.SetMembers([shared, groupOnly]);
        var maths = T.Block(_schoolId, T.Weekly(DayOfWeek.Monday, "10:00", 60, cycleWeek: 1, title: "Maths") with { GroupId = set.Id });
        var music = T.Block(_schoolId, T.Weekly(DayOfWeek.Monday, "10:30", 60, cycleWeek: 1, title: "Music") with { StudentIds = [shared.Id] });

        var clashes = TimetableClashDetector.Detect(T.Snapshot(_year, [maths, music], groups: [set]));

        var clash = Assert.Single(clashes);
        Assert.Equal(ClashKind.StudentDoubleBooked, clash.Kind);
        Assert.Equal([shared.Id], clash.StudentIds);
        Assert.Equal(new HashSet<Guid> { maths.Id, music.Id }, clash.BlockIds.ToHashSet());
        Assert.Equal(new CycleDay(1, DayOfWeek.Monday), clash.CycleDay);
        Assert.Equal(10 * 60 + 30, clash.StartMinute);
        Assert.Equal(11 * 60, clash.EndMinute);
        Assert.Contains("10:30–11:00", clash.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_OverlapInEveryWeekOfTheCycle_ReportsThePairOnce()
    {
        var student = T.Student(_schoolId);
        var maths = T.Block(_schoolId, T.Weekly(DayOfWeek.Monday, "10:00", 60, title: "Maths") with { StudentIds = [student.Id] });
        var music = T.Block(_schoolId, T.Weekly(DayOfWeek.Monday, "10:30", 60, title: "Music") with { StudentIds = [student.Id] });

        var clashes = TimetableClashDetector.Detect(T.Snapshot(_year, [maths, music]));

        Assert.Equal(ClashKind.StudentDoubleBooked, Assert.Single(clashes).Kind);
    }

    [Fact]
    public void Detect_TeacherInTwoOverlappingBlocks_ReportsTeacherDoubleBooked()
    {
        var teacher = T.Teacher(_schoolId);
        var other = T.Teacher(_schoolId);
        var maths = T.Block(_schoolId, T.Weekly(DayOfWeek.Tuesday, "09:00", 120, cycleWeek: 2, title: "Maths") with { StaffIds = [teacher.Id] });
        var physics = T.Block(_schoolId, T.Weekly(DayOfWeek.Tuesday, "10:00", 60, cycleWeek: 2, title: "Physics") with { StaffIds = [teacher.Id, other.Id] });

        var clashes = TimetableClashDetector.Detect(T.Snapshot(_year, [maths, physics]));

        var clash = Assert.Single(clashes);
        Assert.Equal(ClashKind.TeacherDoubleBooked, clash.Kind);
        Assert.Equal([teacher.Id], clash.StaffIds);
        Assert.Empty(clash.StudentIds);
        Assert.Equal(new HashSet<Guid> { maths.Id, physics.Id }, clash.BlockIds.ToHashSet());
        Assert.Equal(new CycleDay(2, DayOfWeek.Tuesday), clash.CycleDay);
        Assert.Equal(10 * 60, clash.StartMinute);
        Assert.Equal(11 * 60, clash.EndMinute);
    }

    [Fact]
    public void Detect_TwoBlocksInOneRoomAtOnce_ReportsRoomDoubleBooked()
    {
        var lab = T.Room(_schoolId, name: "Lab 1");
        var chemistry = T.Block(_schoolId, T.Weekly(DayOfWeek.Wednesday, "13:00", 60, cycleWeek: 1, title: "Chemistry") with { RoomId = lab.Id });
        var biology = T.Block(_schoolId, T.Weekly(DayOfWeek.Wednesday, "13:30", 60, cycleWeek: 1, title: "Biology") with { RoomId = lab.Id });

        var clashes = TimetableClashDetector.Detect(T.Snapshot(_year, [chemistry, biology], rooms: [lab]));

        var clash = Assert.Single(clashes);
        Assert.Equal(ClashKind.RoomDoubleBooked, clash.Kind);
        Assert.Equal(lab.Id, clash.RoomId);
        Assert.Equal(new HashSet<Guid> { chemistry.Id, biology.Id }, clash.BlockIds.ToHashSet());
        Assert.Equal(13 * 60 + 30, clash.StartMinute);
        Assert.Equal(14 * 60, clash.EndMinute);
    }

    [Fact]
    public void Detect_MoreStudentsThanTheRoomHolds_ReportsRoomOverCapacity()
    {
        var smallRoom = T.Room(_schoolId, capacity: 2, name: "Tutorial room");
        var students = new[] { T.Student(_schoolId), T.Student(_schoolId), T.Student(_schoolId) };
        var tutorial = T.Block(_schoolId, T.Weekly(DayOfWeek.Thursday, "09:00", 30, title: "Tutorial") with
        {
            StudentIds = students.Select(s => s.Id).ToList(),
            RoomId = smallRoom.Id,
        });

        var clashes = TimetableClashDetector.Detect(T.Snapshot(_year, [tutorial], rooms: [smallRoom]));

        var clash = Assert.Single(clashes);
        Assert.Equal(ClashKind.RoomOverCapacity, clash.Kind);
        Assert.Equal(smallRoom.Id, clash.RoomId);
        Assert.Equal([tutorial.Id], clash.BlockIds);
        Assert.Contains("3 students", clash.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_RoomFilledExactlyToCapacity_ReportsNothing()
    {
        var smallRoom = T.Room(_schoolId, capacity: 2, name: "Tutorial room");
        var tutorial = T.Block(_schoolId, T.Weekly(DayOfWeek.Thursday, "09:00", 30, title: "Tutorial") with
        {
            StudentIds = [T.Student(_schoolId).Id, T.Student(_schoolId).Id],
            RoomId = smallRoom.Id,
        });

        Assert.Empty(TimetableClashDetector.Detect(T.Snapshot(_year, [tutorial], rooms: [smallRoom])));
    }

    [Fact]
    public void Detect_EarlyWindowStudentInAnAfternoonBlock_ReportsStudentOutsideWindow()
    {
        var standard = T.StandardDay(_schoolId);
        var early = T.EarlyWindow(_schoolId);
        var earlyStudent = T.Student(_schoolId);
        var standardStudent = T.Student(_schoolId);
        early.Enrol(earlyStudent, approve: true, T.Now);
        var art = T.Block(_schoolId, T.Weekly(DayOfWeek.Monday, "14:00", 60, title: "Art") with
        {
            StudentIds = [earlyStudent.Id, standardStudent.Id],
        });

        var clashes = TimetableClashDetector.Detect(T.Snapshot(_year, [art], windows: [standard, early]));

        var clash = Assert.Single(clashes);
        Assert.Equal(ClashKind.StudentOutsideWindow, clash.Kind);
        Assert.Equal([earlyStudent.Id], clash.StudentIds);
        Assert.Equal(early.Id, clash.WindowId);
        Assert.Equal([art.Id], clash.BlockIds);
        Assert.Equal(14 * 60, clash.StartMinute);
        Assert.Equal(15 * 60, clash.EndMinute);
    }

    [Fact]
    public void Detect_EarlyWindowRequestNotYetApproved_JudgesTheStudentByTheStandardDay()
    {
        var standard = T.StandardDay(_schoolId);
        var early = T.EarlyWindow(_schoolId);
        var student = T.Student(_schoolId);
        early.Enrol(student, approve: false, T.Now);
        var art = T.Block(_schoolId, T.Weekly(DayOfWeek.Monday, "14:00", 60, title: "Art") with { StudentIds = [student.Id] });

        Assert.Empty(TimetableClashDetector.Detect(T.Snapshot(_year, [art], windows: [standard, early])));
    }

    [Fact]
    public void Detect_StandardDayStudentBeforeTheDayStarts_ReportsTheStandardWindow()
    {
        var standard = T.StandardDay(_schoolId);
        var student = T.Student(_schoolId);
        var breakfastClub = T.Block(_schoolId, T.Weekly(DayOfWeek.Monday, "07:30", 45, title: "Breakfast maths") with { StudentIds = [student.Id] });

        var clash = Assert.Single(TimetableClashDetector.Detect(T.Snapshot(_year, [breakfastClub], windows: [standard])));

        Assert.Equal(ClashKind.StudentOutsideWindow, clash.Kind);
        Assert.Equal(standard.Id, clash.WindowId);
        Assert.Equal([student.Id], clash.StudentIds);
    }

    [Fact]
    public void Detect_StaffTeachingAfterTheirEarlyShift_ReportsTeacherOutsideShift()
    {
        var earlyTeacher = T.Teacher(_schoolId);
        var standardTeacher = T.Teacher(_schoolId);
        var shift = T.Shift(_schoolId, earlyTeacher, 1, DayOfWeek.Monday, "07:30", "13:00");
        var history = T.Block(_schoolId, T.Weekly(DayOfWeek.Monday, "14:00", 60, cycleWeek: 1, title: "History") with
        {
            StaffIds = [earlyTeacher.Id, standardTeacher.Id],
        });

        var clashes = TimetableClashDetector.Detect(T.Snapshot(_year, [history], shifts: [shift]));

        var clash = Assert.Single(clashes);
        Assert.Equal(ClashKind.TeacherOutsideShift, clash.Kind);
        Assert.Equal([earlyTeacher.Id], clash.StaffIds);
        Assert.Equal([history.Id], clash.BlockIds);
        Assert.Equal(new CycleDay(1, DayOfWeek.Monday), clash.CycleDay);
        Assert.Equal(14 * 60, clash.StartMinute);
    }

    [Fact]
    public void Detect_StaffTeachingInsideTheirShift_ReportsNothing()
    {
        var earlyTeacher = T.Teacher(_schoolId);
        var shift = T.Shift(_schoolId, earlyTeacher, 1, DayOfWeek.Monday, "07:30", "13:00");
        var history = T.Block(_schoolId, T.Weekly(DayOfWeek.Monday, "07:30", 90, cycleWeek: 1, title: "History") with
        {
            StaffIds = [earlyTeacher.Id],
        });

        Assert.Empty(TimetableClashDetector.Detect(T.Snapshot(_year, [history], shifts: [shift])));
    }

    [Fact]
    public void Detect_BackToBackBlocks_ReportsNothing()
    {
        var student = T.Student(_schoolId);
        var teacher = T.Teacher(_schoolId);
        var room = T.Room(_schoolId);
        var first = T.Weekly(DayOfWeek.Monday, "10:00", 60, title: "Maths") with { StudentIds = [student.Id], StaffIds = [teacher.Id], RoomId = room.Id };
        var second = first with { Title = "Physics", Start = T.Time("11:00") };

        var clashes = TimetableClashDetector.Detect(
            T.Snapshot(_year, [T.Block(_schoolId, first), T.Block(_schoolId, second)], rooms: [room]));

        Assert.Empty(clashes);
    }

    [Fact]
    public void Detect_SameSlotInDifferentCycleWeeks_ReportsNothing()
    {
        var student = T.Student(_schoolId);
        var teacher = T.Teacher(_schoolId);
        var room = T.Room(_schoolId);
        var weekA = T.Weekly(DayOfWeek.Monday, "10:00", 60, cycleWeek: 1, title: "Maths") with { StudentIds = [student.Id], StaffIds = [teacher.Id], RoomId = room.Id };
        var weekB = weekA with { Title = "Physics", CycleWeek = 2 };

        var clashes = TimetableClashDetector.Detect(
            T.Snapshot(_year, [T.Block(_schoolId, weekA), T.Block(_schoolId, weekB)], rooms: [room]));

        Assert.Empty(clashes);
    }

    [Fact]
    public void Detect_DatedProjectsInDifferentWeeksOnTheSameCycleDays_ReportNothing()
    {
        // 16–20 Nov and 30 Nov–4 Dec 2026 are both week B, but the projects never run on the same date.
        var student = T.Student(_schoolId);
        var teacher = T.Teacher(_schoolId);
        var room = T.Room(_schoolId);
        var rivers = T.Dated(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 20), "09:00", 360, title: "Rivers") with
        {
            StudentIds = [student.Id],
            StaffIds = [teacher.Id],
            RoomId = room.Id,
        };
        var volcanoes = rivers with { Title = "Volcanoes", FromDate = new DateOnly(2026, 11, 30), ToDate = new DateOnly(2026, 12, 4) };

        var clashes = TimetableClashDetector.Detect(
            T.Snapshot(_year, [T.Block(_schoolId, rivers), T.Block(_schoolId, volcanoes)], rooms: [room]));

        Assert.Empty(clashes);
    }

    [Theory]
    [InlineData("2026-11-16", "2026-11-27", "2026-11-27", "2026-12-04")] // they meet only on the INSET day
    [InlineData("2026-11-16", "2026-11-22", "2026-11-21", "2026-12-04")] // they meet only at a weekend
    public void Detect_DatedProjectsMeetingOnlyOnDaysWithoutSchool_ReportNothing(string from1, string to1, string from2, string to2)
    {
        var student = T.Student(_schoolId);
        var rivers = T.Dated(DateOnly.Parse(from1, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to1, System.Globalization.CultureInfo.InvariantCulture), "09:00", 360, title: "Rivers") with
        {
            StudentIds = [student.Id],
        };
        var volcanoes = rivers with
        {
            Title = "Volcanoes",
            FromDate = DateOnly.Parse(from2, System.Globalization.CultureInfo.InvariantCulture),
            ToDate = DateOnly.Parse(to2, System.Globalization.CultureInfo.InvariantCulture),
        };

        var clashes = TimetableClashDetector.Detect(T.Snapshot(_year, [T.Block(_schoolId, rivers), T.Block(_schoolId, volcanoes)]));

        Assert.Empty(clashes);
    }

    [Fact]
    public void Detect_DatedProjectOverAWeeklyLesson_ReportsTheStudentDoubleBooked()
    {
        // Mon 16 Nov 2026 is week B, so the project meets the week-B Monday lesson.
        var student = T.Student(_schoolId);
        var project = T.Block(_schoolId, T.Dated(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 20), "09:00", 360) with { StudentIds = [student.Id] });
        var lesson = T.Block(_schoolId, T.Weekly(DayOfWeek.Monday, "10:00", 60, cycleWeek: 2) with { StudentIds = [student.Id] });

        var clash = Assert.Single(TimetableClashDetector.Detect(T.Snapshot(_year, [project, lesson])));

        Assert.Equal(ClashKind.StudentDoubleBooked, clash.Kind);
        Assert.Equal(new CycleDay(2, DayOfWeek.Monday), clash.CycleDay);
        Assert.Equal([student.Id], clash.StudentIds);
    }

    [Fact]
    public void Detect_CleanTimetable_ReportsNothing()
    {
        var standard = T.StandardDay(_schoolId);
        var early = T.EarlyWindow(_schoolId);
        var earlyStudent = T.Student(_schoolId);
        var standardStudent = T.Student(_schoolId);
        early.Enrol(earlyStudent, approve: true, T.Now);
        var set = TeachingGroup.Create(A.Id(), _schoolId, "10X1", GroupKind.AbilitySet, "Maths", null);
        set.SetMembers([earlyStudent, standardStudent]);
        var earlyTeacher = T.Teacher(_schoolId);
        var standardTeacher = T.Teacher(_schoolId);
        var shift = T.Shift(_schoolId, earlyTeacher, 1, DayOfWeek.Monday, "07:30", "13:00");
        var room = T.Room(_schoolId, capacity: 2);
        var hall = T.Room(_schoolId, capacity: 200, name: "Hall");
        var blocks = new[]
        {
            T.Block(_schoolId, T.Weekly(DayOfWeek.Monday, "09:00", 60, cycleWeek: 1, title: "Maths") with { GroupId = set.Id, StaffIds = [earlyTeacher.Id], RoomId = room.Id }),
            T.Block(_schoolId, T.Weekly(DayOfWeek.Monday, "10:00", 60, cycleWeek: 1, title: "English") with { GroupId = set.Id, StaffIds = [standardTeacher.Id], RoomId = room.Id }),
            T.Block(_schoolId, T.Weekly(DayOfWeek.Monday, "14:00", 60, title: "PE") with { StudentIds = [standardStudent.Id], StaffIds = [standardTeacher.Id], RoomId = hall.Id }),
            T.Block(_schoolId, T.Dated(new DateOnly(2026, 11, 17), new DateOnly(2026, 11, 20), "09:00", 180) with { StudentIds = [earlyStudent.Id], RoomId = hall.Id }),
        };

        var clashes = TimetableClashDetector.Detect(
            T.Snapshot(_year, blocks, groups: [set], rooms: [room, hall], windows: [standard, early], shifts: [shift]));

        Assert.Empty(clashes);
    }
}

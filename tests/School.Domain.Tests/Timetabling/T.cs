using School.Domain.Staff;
using School.Domain.Students;
using School.Domain.Timetabling;

namespace School.Domain.Tests.Timetabling;

/// <summary>
/// Builders for the timetabling tests: the 2026/27 year (six half terms and an INSET day on Friday 27 November),
/// blocks, windows, shifts and the snapshot clash detection reads. Ids are fresh on every call, as in <see cref="A"/>.
/// </summary>
internal static class T
{
    /// <summary>Friday 27 November 2026, the INSET day of <see cref="Year"/>.</summary>
    public static readonly DateOnly InsetDay = new(2026, 11, 27);

    public static readonly DateTimeOffset Now = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    public static HalfTerm Autumn1 => new("Autumn 1", TermName.Autumn, new(2026, 9, 3), new(2026, 10, 23));

    public static HalfTerm Autumn2 => new("Autumn 2", TermName.Autumn, new(2026, 11, 2), new(2026, 12, 18));

    public static HalfTerm Spring1 => new("Spring 1", TermName.Spring, new(2027, 1, 5), new(2027, 2, 12));

    public static HalfTerm Spring2 => new("Spring 2", TermName.Spring, new(2027, 2, 22), new(2027, 3, 26));

    public static HalfTerm Summer1 => new("Summer 1", TermName.Summer, new(2027, 4, 12), new(2027, 5, 28));

    public static HalfTerm Summer2 => new("Summer 2", TermName.Summer, new(2027, 6, 7), new(2027, 7, 21));

    public static HalfTerm[] HalfTerms => [Autumn1, Autumn2, Spring1, Spring2, Summer1, Summer2];

    public static Closure Inset => new("INSET day", InsetDay, InsetDay);

    /// <summary>2026/27: term starts Thursday 3 September, so week A begins on Monday 31 August.</summary>
    public static AcademicYear Year(int cycleWeeks = 2, Guid? schoolId = null) =>
        AcademicYear.Create(A.Id(), schoolId ?? A.SchoolId(), "2026/27", cycleWeeks, HalfTerms, [Inset]);

    public static Student Student(Guid schoolId, int yearGroup = 10) =>
        global::School.Domain.Students.Student.Create(A.Id(), schoolId, "B2001", "Alan", "Turing", new DateOnly(2011, 6, 23), yearGroup);

    public static StaffMember Teacher(Guid schoolId) => A.StaffMember(schoolId, StaffRoles.Teacher);

    /// <summary>A lesson repeating on <paramref name="day"/> (every week unless <paramref name="cycleWeek"/> is set), with nobody in it yet.</summary>
    public static BlockDetails Weekly(DayOfWeek day, string start, int minutes, int? cycleWeek = null, string title = "Maths") =>
        new(title, "Maths", BlockKind.Lesson, null, [], [], null, cycleWeek, day, null, null, Time(start), minutes);

    /// <summary>A themed project running every school day from <paramref name="from"/> to <paramref name="to"/>, with nobody in it yet.</summary>
    public static BlockDetails Dated(DateOnly from, DateOnly to, string start, int minutes, string title = "Rivers project") =>
        new(title, "Geography", BlockKind.ThemedProject, null, [], [], null, null, null, from, to, Time(start), minutes);

    public static LearningBlock Block(Guid schoolId, BlockDetails details) => LearningBlock.Create(A.Id(), schoolId, details);

    public static DayWindow StandardDay(Guid schoolId) =>
        DayWindow.Create(A.Id(), schoolId, "Standard day", Time("08:30"), Time("15:30"), null, [], autoApprove: false, isDefault: true);

    public static DayWindow EarlyWindow(Guid schoolId, int? capacity = 50, int[]? yearGroups = null, bool autoApprove = false) =>
        DayWindow.Create(A.Id(), schoolId, "Early", Time("07:30"), Time("13:00"), capacity, yearGroups ?? [10], autoApprove);

    public static StaffShift Shift(Guid schoolId, StaffMember member, int cycleWeek, DayOfWeek day, string start, string end) =>
        StaffShift.Create(A.Id(), schoolId, member.Id, cycleWeek, day, Time(start), Time(end));

    public static Room Room(Guid schoolId, int capacity = 30, string name = "S1") =>
        global::School.Domain.Timetabling.Room.Create(A.Id(), schoolId, name, capacity, SettingKind.OnSite);

    public static TimetableSnapshot Snapshot(
        AcademicYear year,
        LearningBlock[] blocks,
        TeachingGroup[]? groups = null,
        Room[]? rooms = null,
        DayWindow[]? windows = null,
        StaffShift[]? shifts = null) =>
        new(
            year,
            blocks,
            (groups ?? []).ToDictionary(g => g.Id, g => g.StudentIds),
            (rooms ?? []).ToDictionary(r => r.Id),
            windows ?? [],
            shifts ?? []);

    /// <summary>"09:30" as a time of day.</summary>
    public static TimeOnly Time(string hhmm) => TimeOnly.ParseExact(hhmm, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

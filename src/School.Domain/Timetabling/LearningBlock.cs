using School.Domain.Common;

namespace School.Domain.Timetabling;

public enum BlockKind
{
    Lesson,
    Intensive,
    ExtendedSession,
    FlexibleDay,
    ThemedProject,
    Tutorial,
    SecurePeriod,
    OffSitePlacement,
}

/// <summary>Limits on when a block may sit: 5-minute steps, from 10 minutes to a whole day, within one day.</summary>
public static class BlockTiming
{
    public const int StepMinutes = 5;
    public const int MinMinutes = 10;
    public const int MaxMinutes = 24 * 60;

    /// <summary>Longest span of dates one dated block (a themed project) may cover.</summary>
    public const int MaxDatedSpanDays = 31;

    public static bool IsOnStep(TimeOnly time) => time.Second == 0 && time.Millisecond == 0 && time.Minute % StepMinutes == 0;

    public static bool IsValidDuration(int minutes) => minutes is >= MinMinutes and <= MaxMinutes && minutes % StepMinutes == 0;

    public static bool FitsInDay(TimeOnly start, int minutes) => (start.Hour * 60) + start.Minute + minutes <= MaxMinutes;

    public static int MinuteOfDay(TimeOnly time) => (time.Hour * 60) + time.Minute;

    public static string Format(int minuteOfDay) => $"{minuteOfDay / 60:00}:{minuteOfDay % 60:00}";
}

/// <summary>
/// A block of learning of any length: a group (and/or individual students) with staff, a room or setting, a subject and
/// a kind. It either repeats on a day of the timetable cycle (every week, or only week A or B), or runs every school
/// day of a date range (a week-long themed project). A joint block can include students of other partnership schools.
/// </summary>
public sealed class LearningBlock : Entity
{
    private List<Guid> _studentIds = [];
    private List<Guid> _staffIds = [];

    private LearningBlock(Guid id, Guid schoolId, string title, BlockKind kind, TimeOnly start, int durationMinutes) : base(id)
    {
        SchoolId = schoolId;
        Title = title;
        Kind = kind;
        Start = start;
        DurationMinutes = durationMinutes;
    }

    public Guid SchoolId { get; private set; }

    public string Title { get; private set; }

    public string? Subject { get; private set; }

    public BlockKind Kind { get; private set; }

    public Guid? GroupId { get; private set; }

    /// <summary>Students in the block besides the group's members (or instead of a group).</summary>
    public IReadOnlyList<Guid> StudentIds => _studentIds;

    public IReadOnlyList<Guid> StaffIds => _staffIds;

    public Guid? RoomId { get; private set; }

    /// <summary>For a repeating block, the cycle week it runs in; null for every week.</summary>
    public int? CycleWeek { get; private set; }

    /// <summary>For a repeating block, the day of the week.</summary>
    public DayOfWeek? Day { get; private set; }

    /// <summary>For a dated block, the first day; it runs every school day to <see cref="ToDate"/>.</summary>
    public DateOnly? FromDate { get; private set; }

    public DateOnly? ToDate { get; private set; }

    public TimeOnly Start { get; private set; }

    public int DurationMinutes { get; private set; }

    /// <summary>A partnership's joint block: students of other member schools may attend.</summary>
    public bool IsJoint { get; private set; }

    public uint Version { get; private set; }

    public bool IsDated => FromDate is not null;

    public int StartMinute => BlockTiming.MinuteOfDay(Start);

    public int EndMinute => StartMinute + DurationMinutes;

    public static LearningBlock Create(Guid id, Guid schoolId, BlockDetails details)
    {
        var block = new LearningBlock(id, schoolId, details.Title, details.Kind, details.Start, details.DurationMinutes);
        block.Apply(details);
        return block;
    }

    public void Change(BlockDetails details)
    {
        Apply(details);
        Version++;
    }

    /// <summary>Whether the block runs on <paramref name="date"/> (which falls on <paramref name="cycleDay"/>).</summary>
    public bool OccursOn(DateOnly date, CycleDay cycleDay) =>
        IsDated
            ? date >= FromDate && date <= ToDate
            : Day == cycleDay.Day && (CycleWeek is null || CycleWeek == cycleDay.Week);

    /// <summary>The days of the cycle the block can fall on; a dated block's weekdays map through <paramref name="year"/>.</summary>
    public IEnumerable<CycleDay> CycleDays(AcademicYear year)
    {
        if (!IsDated)
        {
            return CycleWeek is { } week
                ? [new CycleDay(week, Day!.Value)]
                : Enumerable.Range(1, year.CycleWeeks).Select(w => new CycleDay(w, Day!.Value));
        }

        var days = new HashSet<CycleDay>();
        var first = FromDate!.Value > year.Start ? FromDate.Value : year.Start;
        var last = ToDate!.Value < year.End ? ToDate.Value : year.End;
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (year.IsSchoolDay(date))
            {
                days.Add(year.CycleDayOf(date));
            }
        }

        return days;
    }

    private void Apply(BlockDetails details)
    {
        if (!BlockTiming.IsOnStep(details.Start) || !BlockTiming.IsValidDuration(details.DurationMinutes)
            || !BlockTiming.FitsInDay(details.Start, details.DurationMinutes))
        {
            throw new ArgumentException("A block starts on a 5-minute step and lasts 10 minutes to a day, ending by midnight.", nameof(details));
        }

        var dated = details.FromDate is not null;
        if (dated == (details.Day is not null)
            || (dated && (details.ToDate is null || details.ToDate < details.FromDate || details.CycleWeek is not null))
            || (details.CycleWeek is { } w && w is < 1 or > AcademicYear.MaxCycleWeeks))
        {
            throw new ArgumentException("A block repeats on a cycle day, or runs over a date range, not both.", nameof(details));
        }

        Title = Guard.Text(details.Title, nameof(details.Title), 200);
        Subject = Guard.OptionalText(details.Subject, nameof(details.Subject), 100);
        Kind = details.Kind;
        GroupId = details.GroupId;
        _studentIds = details.StudentIds.Distinct().ToList();
        _staffIds = details.StaffIds.Distinct().ToList();
        RoomId = details.RoomId;
        CycleWeek = details.CycleWeek;
        Day = details.Day;
        FromDate = details.FromDate;
        ToDate = details.ToDate;
        Start = details.Start;
        DurationMinutes = details.DurationMinutes;
        IsJoint = details.IsJoint;
    }
}

/// <summary>Everything that describes a block; ids are checked against the school before a block is built.</summary>
public sealed record BlockDetails(
    string Title,
    string? Subject,
    BlockKind Kind,
    Guid? GroupId,
    IReadOnlyList<Guid> StudentIds,
    IReadOnlyList<Guid> StaffIds,
    Guid? RoomId,
    int? CycleWeek,
    DayOfWeek? Day,
    DateOnly? FromDate,
    DateOnly? ToDate,
    TimeOnly Start,
    int DurationMinutes,
    bool IsJoint = false);

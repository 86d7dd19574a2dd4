using School.Domain.Timetabling;

namespace School.Bench;

/// <summary>Where a block came from in the generated timetable; used to pick blocks for the seeded clashes and to report the shape.</summary>
internal enum BlockSource
{
    AbilitySet,
    OptionGroup,
    Class,
    Tutor,
    EarlyWindow,
    FlexibleFriday,
    OffSite,
    ThemedProject,
}

/// <summary>A block while the generator still edits it (staff, room, extra students); becomes a <see cref="LearningBlock"/> at the end.</summary>
internal sealed class BlockSpec
{
    public required string Title { get; init; }

    public required string Subject { get; init; }

    public required BlockKind Kind { get; init; }

    public required BlockSource Source { get; init; }

    /// <summary>The pupils' year group; 0 for a block mixing years (vertical sets, tutor groups, the joint project).</summary>
    public required int YearGroup { get; init; }

    public Guid? GroupId { get; init; }

    public int GroupSize { get; init; }

    /// <summary>For an ability set, its number (1 = top set).</summary>
    public int SetNumber { get; init; }

    public List<Guid> Students { get; } = [];

    public List<Guid> Staff { get; } = [];

    public Guid? RoomId { get; set; }

    public int? CycleWeek { get; init; }

    public DayOfWeek? Day { get; init; }

    public DateOnly? FromDate { get; init; }

    public DateOnly? ToDate { get; init; }

    public required int Start { get; init; }

    public required int Minutes { get; init; }

    public bool IsJoint { get; init; }

    /// <summary>Blocks with the same key (a group and a subject) keep the same teacher through the fortnight.</summary>
    public required string UnitKey { get; init; }

    public required IReadOnlyList<Occurrence> Occurrences { get; init; }

    /// <summary>Whether the generator should put a teaching assistant in as a second member of staff.</summary>
    public bool WantsAssistant { get; init; }

    /// <summary>Changed on purpose to make one of the seeded clashes.</summary>
    public bool Seeded { get; set; }

    public int Size => GroupSize + Students.Count;

    public LearningBlock ToBlock(Guid schoolId) =>
        LearningBlock.Create(Guid.CreateVersion7(), schoolId, new BlockDetails(
            Title, Subject, Kind, GroupId, Students, Staff, RoomId, CycleWeek, Day, FromDate, ToDate,
            TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(Start)), Minutes, IsJoint));
}

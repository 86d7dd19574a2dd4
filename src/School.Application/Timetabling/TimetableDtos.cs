using School.Application.Common.Models;
using School.Domain.Timetabling;

namespace School.Application.Timetabling;

public sealed record AcademicYearDto(
    Guid Id, string Name, int CycleWeeks, DateOnly Start, DateOnly End, IReadOnlyList<HalfTerm> HalfTerms, IReadOnlyList<Closure> Closures, uint Version)
{
    public static AcademicYearDto From(AcademicYear y) =>
        new(y.Id, y.Name, y.CycleWeeks, y.Start, y.End, y.HalfTerms, y.Closures, y.Version);
}

public sealed record DayWindowDto(
    Guid Id, string Name, TimeOnly Start, TimeOnly End, int? Capacity, int PlacesTaken, int? PlacesLeft, int Requests,
    IReadOnlyList<int> YearGroups, bool AutoApprove, bool IsDefault, uint Version)
{
    public static DayWindowDto From(DayWindow w) => new(
        w.Id, w.Name, w.Start, w.End, w.Capacity, w.PlacesTaken, w.PlacesLeft,
        w.Enrolments.Count(e => e.Status == EnrolmentStatus.Requested), w.YearGroups, w.AutoApprove, w.IsDefault, w.Version);
}

public sealed record EnrolmentDto(Guid WindowId, string WindowName, Guid StudentId, EnrolmentStatus Status, DateTimeOffset RequestedAt, DateTimeOffset? ApprovedAt);

public sealed record RoomDto(Guid Id, string Name, int Capacity, SettingKind Setting, string? Address)
{
    public static RoomDto From(Room r) => new(r.Id, r.Name, r.Capacity, r.Setting, r.Address);
}

public sealed record GroupDto(Guid Id, string Name, GroupKind Kind, string? Subject, string? Level, IReadOnlyList<Guid> StudentIds)
{
    public static GroupDto From(TeachingGroup g) => new(g.Id, g.Name, g.Kind, g.Subject, g.Level, g.StudentIds);
}

public sealed record ShiftDto(int CycleWeek, DayOfWeek Day, TimeOnly Start, TimeOnly End);

public sealed record BlockDto(
    Guid Id, string Title, string? Subject, BlockKind Kind, Guid? GroupId, IReadOnlyList<Guid> StudentIds, IReadOnlyList<Guid> StaffIds,
    Guid? RoomId, int? CycleWeek, DayOfWeek? Day, DateOnly? FromDate, DateOnly? ToDate, TimeOnly Start, int DurationMinutes, string End,
    bool IsJoint, uint Version)
{
    public static BlockDto From(LearningBlock b) => new(
        b.Id, b.Title, b.Subject, b.Kind, b.GroupId, b.StudentIds, b.StaffIds, b.RoomId, b.CycleWeek, b.Day, b.FromDate, b.ToDate,
        b.Start, b.DurationMinutes, BlockTiming.Format(b.EndMinute), b.IsJoint, b.Version);
}

public sealed record ClashDto(
    ClashKind Kind, string Message, IReadOnlyList<Guid> BlockIds, IReadOnlyList<Guid> StudentIds, IReadOnlyList<Guid> StaffIds,
    Guid? RoomId, Guid? WindowId, int? CycleWeek, DayOfWeek? Day, string? Start, string? End)
{
    public static ClashDto From(Clash c) => new(
        c.Kind, c.Message, c.BlockIds, c.StudentIds, c.StaffIds, c.RoomId, c.WindowId, c.CycleDay?.Week, c.CycleDay?.Day,
        c.StartMinute is { } s ? BlockTiming.Format(s) : null, c.EndMinute is { } e ? BlockTiming.Format(e) : null);
}

/// <summary>A block with the clashes it is part of (saving a clashing block is allowed; the clash is reported).</summary>
public sealed record SavedBlockDto(BlockDto Block, IReadOnlyList<ClashDto> Clashes);

public sealed record ConflictsDto(int Count, IReadOnlyList<ClashDto> Clashes);

public sealed record LocationDto(Guid Id, string Name, SettingKind Setting, string? Address);

/// <summary>One concrete session on one date, with times in the school's local time.</summary>
public sealed record SessionDto(
    Guid BlockId,
    DateOnly Date,
    string Start,
    string End,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Title,
    string? Subject,
    BlockKind Kind,
    IReadOnlyList<PersonRef> Staff,
    LocationDto? Location,
    bool OutsideWindow,
    Guid? StudentId = null,
    string? StudentName = null);

public sealed record WindowRefDto(Guid Id, string Name, TimeOnly Start, TimeOnly End);

public sealed record PersonalTimetableDto(
    Guid PersonId, string Name, string TimeZone, DateOnly From, DateOnly To, WindowRefDto? Window, IReadOnlyList<SessionDto> Sessions);

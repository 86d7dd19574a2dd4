using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Application.Common.Models;
using School.Domain.Timetabling;

namespace School.Application.Timetabling;

/// <summary>Loading a school's timetable and turning blocks into dated sessions; shared by the timetable use cases.</summary>
internal static class TimetableData
{
    public static DateOnly Today(this TimeProvider time, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);

    /// <summary>Today's date at the school, in its own time zone.</summary>
    public static async Task<DateOnly> TodayAtAsync(this IApplicationDbContext db, Guid schoolId, TimeProvider time, CancellationToken ct)
    {
        var zone = await db.Schools.Where(s => s.Id == schoolId).Select(s => s.TimeZoneId).SingleAsync(ct);
        return time.Today(TimeZoneInfo.FindSystemTimeZoneById(zone));
    }

    /// <summary>The year covering <paramref name="date"/>, else the next one to start, else the latest.</summary>
    public static AcademicYear? YearFor(this IReadOnlyList<AcademicYear> years, DateOnly date) =>
        years.FirstOrDefault(y => y.Covers(date))
        ?? years.Where(y => y.Start > date).MinBy(y => y.Start)
        ?? years.MaxBy(y => y.End);

    public static async Task<List<AcademicYear>> YearsOfAsync(this IApplicationDbContext db, Guid schoolId, CancellationToken ct) =>
        await db.AcademicYears.AsNoTracking().Where(y => y.SchoolId == schoolId).ToListAsync(ct);

    /// <summary>Everything clash detection needs for one school in the year around <paramref name="today"/>; null when the school has no year.</summary>
    public static async Task<TimetableSnapshot?> SnapshotAsync(this IApplicationDbContext db, Guid schoolId, DateOnly today, CancellationToken ct)
    {
        var year = (await db.YearsOfAsync(schoolId, ct)).YearFor(today);
        if (year is null)
        {
            return null;
        }

        var blocks = await db.LearningBlocks.AsNoTracking().Where(b => b.SchoolId == schoolId).ToListAsync(ct);
        var groups = await db.TeachingGroups.AsNoTracking().Where(g => g.SchoolId == schoolId)
            .ToDictionaryAsync(g => g.Id, g => g.StudentIds, ct);
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.SchoolId == schoolId).ToDictionaryAsync(r => r.Id, ct);
        var windows = await db.DayWindows.AsNoTracking().Where(w => w.SchoolId == schoolId).ToListAsync(ct);
        var shifts = await db.StaffShifts.AsNoTracking().Where(s => s.SchoolId == schoolId).ToListAsync(ct);
        return new TimetableSnapshot(year, blocks, groups, rooms, windows, shifts);
    }

    /// <summary>The window a student is timetabled in: the one holding their approved place, else the school's standard day.</summary>
    public static async Task<DayWindow?> WindowOfAsync(this IApplicationDbContext db, Guid schoolId, Guid studentId, CancellationToken ct)
    {
        var windows = await db.DayWindows.AsNoTracking().Where(w => w.SchoolId == schoolId).ToListAsync(ct);
        return windows.FirstOrDefault(w => w.Enrolments.Any(e => e.StudentId == studentId && e.Status == EnrolmentStatus.Approved))
            ?? windows.FirstOrDefault(w => w.IsDefault);
    }

    /// <summary>
    /// The concrete sessions of <paramref name="blocks"/> between two dates: each school day (a weekday in a half term,
    /// not a closure) maps to its cycle day, and the blocks on that day (or dated over it) become sessions.
    /// </summary>
    public static async Task<List<SessionDto>> SessionsAsync(
        this IApplicationDbContext db, IReadOnlyList<LearningBlock> blocks, DateOnly from, DateOnly to, DayWindow? window, CancellationToken ct)
    {
        if (blocks.Count == 0)
        {
            return [];
        }

        var schoolIds = blocks.Select(b => b.SchoolId).Distinct().ToList();
        var years = await db.AcademicYears.AsNoTracking().Where(y => schoolIds.Contains(y.SchoolId)).ToListAsync(ct);
        var zones = await db.Schools.AsNoTracking().Where(s => schoolIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => TimeZoneInfo.FindSystemTimeZoneById(s.TimeZoneId), ct);
        var staffIds = blocks.SelectMany(b => b.StaffIds).Distinct().ToList();
        var staff = await db.StaffMembers.AsNoTracking().Where(s => staffIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => new PersonRef(s.Id, s.DisplayName), ct);
        var roomIds = blocks.Where(b => b.RoomId is not null).Select(b => b.RoomId!.Value).Distinct().ToList();
        var rooms = await db.Rooms.AsNoTracking().Where(r => roomIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);

        var sessions = new List<SessionDto>();
        foreach (var bySchool in blocks.GroupBy(b => b.SchoolId))
        {
            var schoolYears = years.Where(y => y.SchoolId == bySchool.Key).ToList();
            var zone = zones[bySchool.Key];
            for (var date = from; date <= to && date < DateOnly.MaxValue; date = date.AddDays(1))
            {
                var year = schoolYears.FirstOrDefault(y => y.Covers(date));
                if (year is null || !year.IsSchoolDay(date))
                {
                    continue;
                }

                var cycleDay = year.CycleDayOf(date);
                foreach (var block in bySchool.Where(b => b.OccursOn(date, cycleDay)))
                {
                    var startsAt = LocalToOffset(date, block.StartMinute, zone);
                    var endsAt = LocalToOffset(date, block.EndMinute, zone);
                    var outside = window is not null && (block.Start < window.Start || block.EndMinute > BlockTiming.MinuteOfDay(window.End));
                    sessions.Add(new SessionDto(
                        block.Id, date, BlockTiming.Format(block.StartMinute), BlockTiming.Format(block.EndMinute), startsAt, endsAt,
                        block.Title, block.Subject, block.Kind,
                        block.StaffIds.Where(staff.ContainsKey).Select(id => staff[id]).ToList(),
                        block.RoomId is { } roomId && rooms.TryGetValue(roomId, out var room)
                            ? new LocationDto(room.Id, room.Name, room.Setting, room.Address)
                            : null,
                        outside));
                }
            }
        }

        return sessions.OrderBy(s => s.StartsAt).ThenBy(s => s.Title, StringComparer.Ordinal).ToList();
    }

    /// <summary>A local wall-clock time at the school as an instant with its offset (skipped or repeated hours take the standard offset).</summary>
    public static DateTimeOffset LocalToOffset(DateOnly date, int minuteOfDay, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue).AddMinutes(minuteOfDay);
        var offset = zone.IsInvalidTime(local) || zone.IsAmbiguousTime(local) ? zone.BaseUtcOffset : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}

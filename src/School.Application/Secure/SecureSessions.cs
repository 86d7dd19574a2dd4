using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Application.Common.Models;
using School.Application.Timetabling;
using School.Domain.Secure;
using School.Domain.Timetabling;

namespace School.Application.Secure;

/// <summary>A pupil's SECURE placements as sessions of their personal timetable (and so of their calendar feed).</summary>
internal static class SecureSessions
{
    public static string Label(this SecureMode mode) => mode switch
    {
        SecureMode.CatchUp => "Catch up",
        _ => mode.ToString(),
    };

    /// <summary>"SECURE: Maths (Catch up)"; without a mode when the pupil was placed where there was room.</summary>
    public static string Title(string subject, SecureMode? mode) => mode is { } m ? $"SECURE: {subject} ({m.Label()})" : $"SECURE: {subject}";

    /// <summary>
    /// Adds the student's SECURE placements between <paramref name="from"/> and <paramref name="to"/> to their sessions, each
    /// in place of the SECURE timetable block's session of that day (if the period sits on one): the pupil goes to their
    /// subject, teacher and room rather than to the general slot.
    /// </summary>
    public static async Task<List<SessionDto>> WithSecurePlacementsAsync(
        this IApplicationDbContext db, List<SessionDto> sessions, Guid studentId, DateOnly from, DateOnly to, DayWindow? window, TimeZoneInfo zone,
        CancellationToken ct)
    {
        var placements = await db.SecurePlacements.AsNoTracking().Where(p => p.StudentId == studentId).ToListAsync(ct);
        if (placements.Count == 0)
        {
            return sessions;
        }

        var cycleIds = placements.Select(p => p.CycleId).Distinct().ToList();
        var earliest = from.AddDays(-(SecureCycle.FortnightDays - 1));
        var cycles = await db.SecureCycles.AsNoTracking()
            .Where(c => cycleIds.Contains(c.Id) && c.FortnightStart >= earliest && c.FortnightStart <= to)
            .ToListAsync(ct);
        var periods = cycles.SelectMany(c => c.Periods).Where(p => p.Date >= from && p.Date <= to).ToDictionary(p => p.Id);
        var placed = placements.Where(p => periods.ContainsKey(p.PeriodId)).ToList();
        if (placed.Count == 0)
        {
            return sessions;
        }

        var offers = periods.Values.SelectMany(p => p.Offers).ToDictionary(o => o.Id);
        var teachers = await db.StaffAsync(placed.Select(p => offers[p.OfferId].TeacherId), ct);
        var roomIds = placed.Select(p => offers[p.OfferId].RoomId).Where(r => r is not null).Select(r => r!.Value).Distinct().ToList();
        var rooms = await db.Rooms.AsNoTracking().Where(r => roomIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);

        var replaced = placed
            .Where(p => periods[p.PeriodId].LearningBlockId is not null)
            .Select(p => (periods[p.PeriodId].LearningBlockId!.Value, periods[p.PeriodId].Date))
            .ToHashSet();
        var result = sessions.Where(s => !replaced.Contains((s.BlockId, s.Date))).ToList();
        foreach (var placement in placed)
        {
            var period = periods[placement.PeriodId];
            var offer = offers[placement.OfferId];
            result.Add(new SessionDto(
                period.LearningBlockId ?? period.Id,
                period.Date,
                BlockTiming.Format(period.StartMinute),
                BlockTiming.Format(period.EndMinute),
                TimetableData.LocalToOffset(period.Date, period.StartMinute, zone),
                TimetableData.LocalToOffset(period.Date, period.EndMinute, zone),
                Title(offer.Subject, placement.Mode),
                offer.Subject,
                BlockKind.SecurePeriod,
                [teachers.GetValueOrDefault(offer.TeacherId) ?? new PersonRef(offer.TeacherId, "(unknown)")],
                offer.RoomId is { } roomId && rooms.TryGetValue(roomId, out var room) ? new LocationDto(room.Id, room.Name, room.Setting, room.Address) : null,
                window is not null && !period.FitsWithin(window.Start, window.End)));
        }

        return result.OrderBy(s => s.StartsAt).ThenBy(s => s.Title, StringComparer.Ordinal).ToList();
    }
}

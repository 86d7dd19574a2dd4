using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Domain.Timetabling;

namespace School.Application.Mentoring.Sweep;

/// <summary>
/// Finds a time when a student and their mentor are both free, from the school's timetable: loaded once per sweep, then
/// each look-up only reads the two people's blocks. The school day is the default day window's hours (08:30–15:30 when
/// the school has none). A school without any blocks gets no suggestions.
/// </summary>
public sealed class FreeSlots
{
    private const int MaxDaysTried = 5;
    private static readonly TimeOnly DefaultStart = new(8, 30);
    private static readonly TimeOnly DefaultEnd = new(15, 30);

    private readonly AcademicYear _year;
    private readonly TimeZoneInfo _zone;
    private readonly int _minutes;
    private readonly int _dayStart;
    private readonly int _dayEnd;
    private readonly Dictionary<Guid, List<LearningBlock>> _blocksOf;

    private FreeSlots(AcademicYear year, TimeZoneInfo zone, int minutes, int dayStart, int dayEnd, Dictionary<Guid, List<LearningBlock>> blocksOf)
    {
        _year = year;
        _zone = zone;
        _minutes = minutes;
        _dayStart = dayStart;
        _dayEnd = dayEnd;
        _blocksOf = blocksOf;
    }

    public static async Task<FreeSlots?> LoadAsync(IApplicationDbContext db, Guid schoolId, AcademicYear year, TimeZoneInfo zone, int minutes, CancellationToken ct)
    {
        var blocks = await db.LearningBlocks.AsNoTracking().Where(b => b.SchoolId == schoolId).ToListAsync(ct);
        if (blocks.Count == 0)
        {
            return null;
        }

        var groups = await db.TeachingGroups.AsNoTracking().Where(g => g.SchoolId == schoolId).ToDictionaryAsync(g => g.Id, g => g.StudentIds, ct);
        var window = await db.DayWindows.AsNoTracking().Where(w => w.SchoolId == schoolId && w.IsDefault).FirstOrDefaultAsync(ct);
        var blocksOf = new Dictionary<Guid, List<LearningBlock>>();
        foreach (var block in blocks)
        {
            foreach (var person in TimetableClashDetector.StudentsOf(block, groups).Concat(block.StaffIds))
            {
                if (!blocksOf.TryGetValue(person, out var list))
                {
                    blocksOf[person] = list = [];
                }

                list.Add(block);
            }
        }

        return new FreeSlots(
            year, zone, minutes,
            BlockTiming.MinuteOfDay(window?.Start ?? DefaultStart),
            BlockTiming.MinuteOfDay(window?.End ?? DefaultEnd),
            blocksOf);
    }

    /// <summary>The first time on <paramref name="days"/> (tried in order, at most five) when neither person has a block.</summary>
    public DateTimeOffset? Find(Guid studentId, Guid mentorId, IEnumerable<DateOnly> days)
    {
        foreach (var day in days.Take(MaxDaysTried))
        {
            var cycleDay = _year.CycleDayOf(day);
            var busy = Blocks(studentId).Concat(Blocks(mentorId))
                .Where(b => b.OccursOn(day, cycleDay))
                .Select(b => (b.StartMinute, b.EndMinute))
                .OrderBy(b => b.StartMinute)
                .ToList();
            var start = _dayStart;
            foreach (var (from, to) in busy)
            {
                if (from - start >= _minutes)
                {
                    break;
                }

                start = Math.Max(start, to);
            }

            if (start + _minutes <= _dayEnd)
            {
                var local = day.ToDateTime(new TimeOnly(start / 60, start % 60));
                return new DateTimeOffset(local, _zone.GetUtcOffset(local)).ToUniversalTime();
            }
        }

        return null;
    }

    private List<LearningBlock> Blocks(Guid person) => _blocksOf.TryGetValue(person, out var list) ? list : [];
}

namespace School.Bench;

/// <summary>
/// One occurrence of a block in the fortnight: a cycle-day index (0–4 Monday–Friday of week A, 5–9 of week B) and
/// the minutes of the day it covers.
/// </summary>
internal readonly record struct Occurrence(int Day, int Start, int End)
{
    public bool Overlaps(Occurrence other) => Day == other.Day && Start < other.End && other.Start < End;

    public static int DayIndex(int cycleWeek, DayOfWeek day) => ((cycleWeek - 1) * 5) + ((int)day - 1);

    public static int WeekOf(int dayIndex) => (dayIndex / 5) + 1;

    public static DayOfWeek DayOf(int dayIndex) => (DayOfWeek)((dayIndex % 5) + 1);
}

/// <summary>Who or what (a member of staff, a room) is busy when, while the generator builds the timetable.</summary>
internal sealed class Occupancy
{
    private readonly Dictionary<Guid, List<Occurrence>> _busy = [];
    private readonly Dictionary<Guid, int> _minutes = [];

    public bool IsFree(Guid who, IReadOnlyList<Occurrence> when)
    {
        if (!_busy.TryGetValue(who, out var booked))
        {
            return true;
        }

        foreach (var w in when)
        {
            foreach (var b in booked)
            {
                if (b.Overlaps(w))
                {
                    return false;
                }
            }
        }

        return true;
    }

    public void Book(Guid who, IReadOnlyList<Occurrence> when)
    {
        if (!_busy.TryGetValue(who, out var booked))
        {
            booked = [];
            _busy[who] = booked;
        }

        booked.AddRange(when);
        _minutes[who] = _minutes.GetValueOrDefault(who) + when.Sum(w => w.End - w.Start);
    }

    /// <summary>Minutes booked across the fortnight.</summary>
    public int MinutesOf(Guid who) => _minutes.GetValueOrDefault(who);
}

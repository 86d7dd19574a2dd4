using School.Domain.Timetabling;

namespace School.Domain.Mentoring;

/// <summary>
/// When a half term's check-ins fall due. The policy's N check-ins are spread evenly over the half term's school days:
/// check-in k is due on the school day k/N of the way through (so the last is due on the last day). A check-in added
/// later (one planned after the pace point already passed, or a replacement for one too short to count) is due no
/// sooner than <see cref="GraceSchoolDays"/> school days ahead, and never after the half term ends.
/// </summary>
public sealed class CheckInSchedule
{
    public const int GraceSchoolDays = 5;

    private readonly List<DateOnly> _schoolDays;

    public CheckInSchedule(AcademicYear year, HalfTerm halfTerm)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(halfTerm);
        HalfTerm = halfTerm;
        _schoolDays = [];
        for (var day = halfTerm.Start; day <= halfTerm.End; day = day.AddDays(1))
        {
            if (year.IsSchoolDay(day))
            {
                _schoolDays.Add(day);
            }
        }
    }

    public HalfTerm HalfTerm { get; }

    public IReadOnlyList<DateOnly> SchoolDays => _schoolDays;

    /// <summary>The due date of check-in <paramref name="sequence"/> when planned on <paramref name="today"/>.</summary>
    public DateOnly DueOn(int sequence, int perHalfTerm, DateOnly today)
    {
        if (_schoolDays.Count == 0)
        {
            return HalfTerm.End;
        }

        var point = Math.Min(sequence, perHalfTerm);
        var paced = _schoolDays[Math.Max(0, (int)Math.Ceiling(point * _schoolDays.Count / (double)perHalfTerm) - 1)];
        var remaining = _schoolDays.FindAll(d => d >= today);
        if (remaining.Count == 0)
        {
            return _schoolDays[^1];
        }

        var earliest = remaining[Math.Min(GraceSchoolDays, remaining.Count - 1)];
        return sequence > perHalfTerm || paced < earliest ? earliest : paced;
    }

    /// <summary>The school days from <paramref name="from"/> to <paramref name="to"/>, latest first (for looking for a slot before a due date).</summary>
    public IEnumerable<DateOnly> DaysBackFrom(DateOnly to, DateOnly from) =>
        _schoolDays.Where(d => d >= from && d <= to).Reverse();
}

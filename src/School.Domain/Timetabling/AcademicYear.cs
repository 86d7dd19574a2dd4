using School.Domain.Common;

namespace School.Domain.Timetabling;

public enum TermName
{
    Autumn,
    Spring,
    Summer,
}

/// <summary>A day of the timetable cycle: week 1 (A) or 2 (B), and a day of the week.</summary>
public readonly record struct CycleDay(int Week, DayOfWeek Day)
{
    public string Label(int cycleWeeks) => cycleWeeks == 1 ? Day.ToString() : $"{Day} week {(char)('A' + Week - 1)}";
}

/// <summary>A half term: the unit mentoring cadence is counted in. Teaching happens on its weekdays, less closures.</summary>
public sealed record HalfTerm(string Name, TermName Term, DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly date) => date >= Start && date <= End;
}

/// <summary>A day or span with no teaching inside a half term (a bank holiday, an INSET day).</summary>
public sealed record Closure(string Name, DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly date) => date >= Start && date <= End;
}

/// <summary>
/// A school's academic year: its half terms (grouped into autumn, spring and summer terms), closures, and the
/// timetable cycle of one or two weeks that repeats through it. Week A starts on the Monday of the first half term's
/// first week and the cycle counts every calendar week from there, holidays included.
/// </summary>
public sealed class AcademicYear : Entity
{
    public const int MaxCycleWeeks = 2;

    private List<HalfTerm> _halfTerms = [];
    private List<Closure> _closures = [];

    private AcademicYear(Guid id, Guid schoolId, string name, int cycleWeeks) : base(id)
    {
        SchoolId = schoolId;
        Name = name;
        CycleWeeks = cycleWeeks;
    }

    public Guid SchoolId { get; private set; }

    /// <summary>e.g. "2026/27".</summary>
    public string Name { get; private set; }

    public int CycleWeeks { get; private set; }

    public IReadOnlyList<HalfTerm> HalfTerms => _halfTerms;

    public IReadOnlyList<Closure> Closures => _closures;

    public uint Version { get; private set; }

    public DateOnly Start => _halfTerms[0].Start;

    public DateOnly End => _halfTerms[^1].End;

    /// <summary>The Monday on which week A of the cycle first starts.</summary>
    public DateOnly CycleStart => MondayOf(Start);

    public static AcademicYear Create(Guid id, Guid schoolId, string name, int cycleWeeks, IEnumerable<HalfTerm> halfTerms, IEnumerable<Closure> closures)
    {
        var year = new AcademicYear(id, schoolId, Guard.Text(name, nameof(name), 50), cycleWeeks);
        year.SetCalendar(cycleWeeks, halfTerms, closures);
        return year;
    }

    public void Change(string name, int cycleWeeks, IEnumerable<HalfTerm> halfTerms, IEnumerable<Closure> closures)
    {
        Name = Guard.Text(name, nameof(name), 50);
        SetCalendar(cycleWeeks, halfTerms, closures);
        Version++;
    }

    public bool Covers(DateOnly date) => date >= Start && date <= End;

    /// <summary>A school day: a weekday inside a half term and not in a closure.</summary>
    public bool IsSchoolDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && HalfTermOn(date) is not null
        && !_closures.Any(c => c.Contains(date));

    public HalfTerm? HalfTermOn(DateOnly date) => _halfTerms.FirstOrDefault(h => h.Contains(date));

    /// <summary>The day of the cycle a date falls on (week A/B counted from <see cref="CycleStart"/>).</summary>
    public CycleDay CycleDayOf(DateOnly date)
    {
        var weeks = (int)Math.Floor((date.DayNumber - CycleStart.DayNumber) / 7.0);
        var week = ((weeks % CycleWeeks) + CycleWeeks) % CycleWeeks + 1;
        return new CycleDay(week, date.DayOfWeek);
    }

    /// <summary>The first and last day of the term that contains <paramref name="date"/>, or of the next term when it falls in a holiday.</summary>
    public (DateOnly Start, DateOnly End)? TermAround(DateOnly date)
    {
        var terms = _halfTerms
            .GroupBy(h => h.Term)
            .Select(g => (Start: g.Min(h => h.Start), End: g.Max(h => h.End)))
            .OrderBy(t => t.Start)
            .ToList();
        return terms.Where(t => t.End >= date).Select(t => ((DateOnly, DateOnly)?)t).FirstOrDefault();
    }

    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private void SetCalendar(int cycleWeeks, IEnumerable<HalfTerm> halfTerms, IEnumerable<Closure> closures)
    {
        if (cycleWeeks is < 1 or > MaxCycleWeeks)
        {
            throw new ArgumentOutOfRangeException(nameof(cycleWeeks), cycleWeeks, "A cycle is one or two weeks.");
        }

        // Copies: the year owns its calendar entries, never shares them with another year.
        var sorted = halfTerms.OrderBy(h => h.Start).Select(h => h with { }).ToList();
        if (sorted.Count == 0 || CalendarRules.FirstOverlap(sorted) is not null || sorted.Any(h => h.End < h.Start))
        {
            throw new ArgumentException("Half terms are in order, each ends after it starts, and none overlap.", nameof(halfTerms));
        }

        CycleWeeks = cycleWeeks;
        _halfTerms = sorted;
        _closures = closures.OrderBy(c => c.Start).Select(c => c with { }).ToList();
    }
}

/// <summary>Rules about calendar spans that validators and the domain share.</summary>
public static class CalendarRules
{
    /// <summary>The index of the first half term (in start order) that overlaps the one before it, or null.</summary>
    public static int? FirstOverlap(IReadOnlyList<HalfTerm> byStart)
    {
        for (var i = 1; i < byStart.Count; i++)
        {
            if (byStart[i].Start <= byStart[i - 1].End)
            {
                return i;
            }
        }

        return null;
    }
}

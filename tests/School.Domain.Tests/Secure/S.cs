using School.Domain.Common;
using School.Domain.Secure;
using School.Domain.Tests.Timetabling;

namespace School.Domain.Tests.Secure;

/// <summary>
/// Builders for the SECURE tests: a fortnight from Monday 16 November 2026 (week A of the demo year, with the INSET day on
/// Friday 27 November), four periods on its Mondays and Wednesdays at 14:50 for 40 minutes, each with three offers.
/// </summary>
internal static class S
{
    public static readonly DateOnly Monday = new(2026, 11, 16);

    public static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public static SecureOfferDetails Offer(string subject = "Maths", int capacity = 30, Guid? teacherId = null, Guid? roomId = null) =>
        new(subject, teacherId ?? A.Id(), roomId, capacity);

    /// <summary>A period <paramref name="day"/> days after <see cref="Monday"/>, with fresh teachers for Maths, English and Science.</summary>
    public static SecurePeriodDetails Period(int day, string start = "14:50", int minutes = 40, IReadOnlyList<SecureOfferDetails>? offers = null) =>
        new($"SECURE day {day}", null, Monday.AddDays(day), T.Time(start), minutes, offers ?? [Offer("Maths"), Offer("English"), Offer("Science")]);

    public static SecurePeriodDetails[] Periods => [Period(0), Period(2), Period(7), Period(9)];

    public static Result<SecureCycle> Create(IReadOnlyList<SecurePeriodDetails>? periods = null, DateOnly? monday = null, int[]? yearGroups = null) =>
        SecureCycle.Create(A.Id(), A.SchoolId(), "Year 10 SECURE", monday ?? Monday, yearGroups ?? [10], periods ?? Periods, T.Year(), A.Id);

    /// <summary>A valid cycle whose periods each offer <paramref name="offers"/> subjects of <paramref name="capacity"/> places.</summary>
    public static SecureCycle Cycle(int offers = 3, int capacity = 30)
    {
        string[] subjects = ["Maths", "English", "Science", "Art", "Humanities"];
        SecurePeriodDetails Each(int day) => Period(day, offers: subjects.Take(offers).Select(s => Offer(s, capacity)).ToList());
        return Create([Each(0), Each(2), Each(7), Each(9)]).Value;
    }
}

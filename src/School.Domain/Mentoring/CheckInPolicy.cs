using School.Domain.Common;

namespace School.Domain.Mentoring;

/// <summary>
/// How often each child must be seen: at least <see cref="MinCheckInsPerHalfTerm"/> check-ins of at least
/// <see cref="MinMinutes"/> minutes each half term (2 × 15 by default, as at Cramlington). One per school; the id is the
/// school's id. A school without one uses <see cref="Default"/>.
/// </summary>
public sealed class CheckInPolicy : Entity
{
    public const int DefaultCheckIns = 2;
    public const int DefaultMinutes = 15;
    public const int DefaultRemindDaysAhead = 3;
    public const int DefaultMinutesPerMenteePerWeek = 15;

    private CheckInPolicy(Guid id) : base(id)
    {
    }

    public Guid SchoolId => Id;

    public int MinCheckInsPerHalfTerm { get; private set; } = DefaultCheckIns;

    public int MinMinutes { get; private set; } = DefaultMinutes;

    /// <summary>How many days before a check-in is due its mentor is reminded.</summary>
    public int RemindDaysAhead { get; private set; } = DefaultRemindDaysAhead;

    /// <summary>The weekly time a mentee takes from a mentor's allowance; sets each mentor's capacity.</summary>
    public int MinutesPerMenteePerWeek { get; private set; } = DefaultMinutesPerMenteePerWeek;

    public uint Version { get; private set; }

    public static CheckInPolicy Default(Guid schoolId) => new(schoolId);

    public void Change(int minCheckInsPerHalfTerm, int minMinutes, int remindDaysAhead, int minutesPerMenteePerWeek)
    {
        MinCheckInsPerHalfTerm = Guard.InRange(minCheckInsPerHalfTerm, 1, 10, nameof(minCheckInsPerHalfTerm));
        MinMinutes = Guard.InRange(minMinutes, 5, 120, nameof(minMinutes));
        RemindDaysAhead = Guard.InRange(remindDaysAhead, 0, 14, nameof(remindDaysAhead));
        MinutesPerMenteePerWeek = Guard.InRange(minutesPerMenteePerWeek, 5, 600, nameof(minutesPerMenteePerWeek));
        Version++;
    }

    /// <summary>A check-in counts towards the policy when it lasted at least the minimum.</summary>
    public bool Counts(int minutes) => minutes >= MinMinutes;
}

using School.Domain.Common;
using School.Domain.Timetabling;

namespace School.Domain.Secure;

/// <summary>What an admin says about one offer of a period: a subject with a teacher, perhaps a room, and its places.</summary>
public sealed record SecureOfferDetails(string Subject, Guid TeacherId, Guid? RoomId, int Capacity);

/// <summary>
/// What an admin says about one period: a label, when it is (a date of the fortnight, a start and a length; for a
/// period on a timetable block of kind <see cref="BlockKind.SecurePeriod"/>, the block's time) and its offers.
/// </summary>
public sealed record SecurePeriodDetails(string Label, Guid? LearningBlockId, DateOnly Date, TimeOnly Start, int DurationMinutes, IReadOnlyList<SecureOfferDetails> Offers);

/// <summary>
/// A SECURE cycle: one fortnight (from a Monday) in which every pupil of some year groups has four SECURE periods. In
/// each period they choose a subject and a mode — Stretch, Consolidate, Catch up or Reinforce — from the period's
/// offers, each with a teacher, a room and a number of places; teachers may request a pupil, and each period is then
/// allocated.
/// </summary>
/// <remarks>
/// Rules (named, checked on creation): the fortnight starts on a Monday; exactly <see cref="PeriodsPerCycle"/> periods,
/// each on a weekday of the fortnight (and a school day when the school's year covers it), none overlapping another;
/// each period has 1–<see cref="MaxOffers"/> offers with 0–<see cref="MaxCapacity"/> places; within a period a teacher
/// takes one offer and a room holds one offer.
/// </remarks>
public sealed class SecureCycle : Entity
{
    public const int PeriodsPerCycle = 4;
    public const int FortnightDays = 14;
    public const int MaxOffers = 30;
    public const int MaxCapacity = 500;
    public const int MaxNameLength = 200;

    private readonly List<SecurePeriod> _periods = [];
    private List<int> _yearGroups = [];

    private SecureCycle(Guid id, Guid schoolId, string name, DateOnly fortnightStart) : base(id)
    {
        SchoolId = schoolId;
        Name = name;
        FortnightStart = fortnightStart;
    }

    public Guid SchoolId { get; private set; }

    public string Name { get; private set; }

    /// <summary>The Monday the fortnight starts on.</summary>
    public DateOnly FortnightStart { get; private set; }

    public DateOnly FortnightEnd => FortnightStart.AddDays(FortnightDays - 1);

    /// <summary>The year groups whose pupils take part.</summary>
    public IReadOnlyList<int> YearGroups => _yearGroups;

    /// <summary>The four periods in time order (whatever order they were loaded in).</summary>
    public IReadOnlyList<SecurePeriod> Periods => [.. _periods.OrderBy(p => p.Sequence)];

    public uint Version { get; private set; }

    public bool IsFor(int yearGroup) => _yearGroups.Contains(yearGroup);

    public SecurePeriod? Period(Guid periodId) => _periods.FirstOrDefault(p => p.Id == periodId);

    /// <summary>
    /// Creates a cycle when every rule holds. <paramref name="year"/> is the school's academic year around the fortnight,
    /// if there is one: a period must then fall on one of its school days. <paramref name="newId"/> names periods and offers.
    /// </summary>
    public static Result<SecureCycle> Create(
        Guid id, Guid schoolId, string name, DateOnly fortnightStart, IReadOnlyList<int> yearGroups,
        IReadOnlyList<SecurePeriodDetails> periods, AcademicYear? year, Func<Guid> newId)
    {
        ArgumentNullException.ThrowIfNull(yearGroups);
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(newId);
        if (fortnightStart.DayOfWeek != DayOfWeek.Monday)
        {
            return Error.Validation("fortnightStart", "A SECURE fortnight starts on a Monday.");
        }

        if (yearGroups.Count == 0 || yearGroups.Any(y => y is < Students.YearGroup.Min or > Students.YearGroup.Max))
        {
            return Error.Validation("yearGroups", "Name at least one year group, each 0 (Reception) to 13.");
        }

        if (periods.Count != PeriodsPerCycle)
        {
            return Error.Validation("periods", $"A SECURE cycle has exactly {PeriodsPerCycle} periods a fortnight.");
        }

        var cycle = new SecureCycle(id, schoolId, Guard.Text(name, nameof(name), MaxNameLength), fortnightStart)
        {
            _yearGroups = yearGroups.Distinct().Order().ToList(),
        };
        for (var i = 0; i < periods.Count; i++)
        {
            var checkedPeriod = cycle.CheckPeriod(i, periods[i], year);
            if (!checkedPeriod.IsSuccess)
            {
                return checkedPeriod.Error!;
            }
        }

        var overlap = FirstOverlap(periods);
        if (overlap is { } o)
        {
            return Error.Validation("periods", $"Periods {o.First + 1} and {o.Second + 1} overlap on {periods[o.First].Date:yyyy-MM-dd}: a pupil cannot be in both.");
        }

        var inOrder = periods.Select((p, i) => (Details: p, Index: i)).OrderBy(p => p.Details.Date).ThenBy(p => p.Details.Start).ToList();
        for (var s = 0; s < inOrder.Count; s++)
        {
            cycle._periods.Add(SecurePeriod.Create(newId(), s + 1, inOrder[s].Details, newId));
        }

        cycle.Version = 1;
        return cycle;
    }

    /// <summary>
    /// Marks a period allocated (again). Rule: once attendance has been recorded for a period, its placements stand, so
    /// it can no longer be allocated.
    /// </summary>
    public Result Allocate(Guid periodId, DateTimeOffset at, bool attendanceRecorded)
    {
        var period = Period(periodId) ?? throw new ArgumentException("No such period in this cycle.", nameof(periodId));
        if (attendanceRecorded)
        {
            return SecureErrors.PeriodHeld;
        }

        period.MarkAllocated(at);
        Version++;
        return Result.Success();
    }

    /// <summary>Takes a period back to choosing; its placements go. Refused once attendance is recorded.</summary>
    public Result Reopen(Guid periodId, bool attendanceRecorded)
    {
        var period = Period(periodId) ?? throw new ArgumentException("No such period in this cycle.", nameof(periodId));
        if (period.Status != SecurePeriodStatus.Allocated)
        {
            return SecureErrors.NotAllocated;
        }

        if (attendanceRecorded)
        {
            return SecureErrors.PeriodHeld;
        }

        period.MarkOpen();
        Version++;
        return Result.Success();
    }

    private Result CheckPeriod(int index, SecurePeriodDetails details, AcademicYear? year)
    {
        var field = $"periods[{index}]";
        if (details.Date < FortnightStart || details.Date > FortnightEnd || details.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return Error.Validation($"{field}.date", $"A period falls on a weekday of the fortnight {FortnightStart:yyyy-MM-dd} – {FortnightEnd:yyyy-MM-dd}.");
        }

        if (year is not null && year.Covers(details.Date) && !year.IsSchoolDay(details.Date))
        {
            return Error.Validation($"{field}.date", $"{details.Date:yyyy-MM-dd} is not a school day (a holiday or a closure).");
        }

        if (!BlockTiming.IsOnStep(details.Start) || !BlockTiming.IsValidDuration(details.DurationMinutes)
            || !BlockTiming.FitsInDay(details.Start, details.DurationMinutes))
        {
            return Error.Validation($"{field}.start", "A period starts on a 5-minute step and lasts 10 minutes to a day, ending by midnight.");
        }

        if (details.Offers.Count is 0 or > MaxOffers)
        {
            return Error.Validation($"{field}.offers", $"A period offers 1 to {MaxOffers} subjects.");
        }

        for (var o = 0; o < details.Offers.Count; o++)
        {
            if (details.Offers[o].Capacity is < 0 or > MaxCapacity)
            {
                return Error.Validation($"{field}.offers[{o}].capacity", $"An offer has 0 to {MaxCapacity} places.");
            }
        }

        if (details.Offers.GroupBy(o => o.TeacherId).Any(g => g.Count() > 1))
        {
            return SecureErrors.TeacherTwice(index + 1);
        }

        if (details.Offers.Where(o => o.RoomId is not null).GroupBy(o => o.RoomId).Any(g => g.Count() > 1))
        {
            return SecureErrors.RoomTwice(index + 1);
        }

        return Result.Success();
    }

    private static (int First, int Second)? FirstOverlap(IReadOnlyList<SecurePeriodDetails> periods)
    {
        for (var a = 0; a < periods.Count; a++)
        {
            for (var b = a + 1; b < periods.Count; b++)
            {
                var x = periods[a];
                var y = periods[b];
                var xStart = BlockTiming.MinuteOfDay(x.Start);
                var yStart = BlockTiming.MinuteOfDay(y.Start);
                if (x.Date == y.Date && xStart < yStart + y.DurationMinutes && yStart < xStart + x.DurationMinutes)
                {
                    return (a, b);
                }
            }
        }

        return null;
    }
}

/// <summary>One SECURE period of a cycle: when it is, what it offers, and whether it has been allocated.</summary>
public sealed class SecurePeriod : Entity
{
    public const int MaxLabelLength = 100;
    public const int MaxChoices = 3;

    private readonly List<SecureOffer> _offers = [];

    private SecurePeriod(Guid id, int sequence, string label, DateOnly date, TimeOnly start, int durationMinutes) : base(id)
    {
        Sequence = sequence;
        Label = label;
        Date = date;
        Start = start;
        DurationMinutes = durationMinutes;
    }

    /// <summary>1 to 4, in time order.</summary>
    public int Sequence { get; private set; }

    public string Label { get; private set; }

    /// <summary>The timetable block of kind SECURE this period sits on, if any; its time was copied when the cycle was made.</summary>
    public Guid? LearningBlockId { get; private set; }

    public DateOnly Date { get; private set; }

    public TimeOnly Start { get; private set; }

    public int DurationMinutes { get; private set; }

    public SecurePeriodStatus Status { get; private set; }

    public DateTimeOffset? AllocatedAt { get; private set; }

    /// <summary>The offers in the order the admin listed them (whatever order they were loaded in).</summary>
    public IReadOnlyList<SecureOffer> Offers => [.. _offers.OrderBy(o => o.Sequence)];

    public int StartMinute => BlockTiming.MinuteOfDay(Start);

    public int EndMinute => StartMinute + DurationMinutes;

    public SecureOffer? Offer(Guid offerId) => _offers.FirstOrDefault(o => o.Id == offerId);

    /// <summary>Whether the period lies inside a day window from <paramref name="windowStart"/> to <paramref name="windowEnd"/>.</summary>
    public bool FitsWithin(TimeOnly windowStart, TimeOnly windowEnd) =>
        StartMinute >= BlockTiming.MinuteOfDay(windowStart) && EndMinute <= BlockTiming.MinuteOfDay(windowEnd);

    /// <summary>
    /// Rule: choices and teachers' requests are taken while the period is open, up to the end of the day before it
    /// (<paramref name="today"/> at the school).
    /// </summary>
    public Result TakesChoices(DateOnly today)
    {
        if (Status == SecurePeriodStatus.Allocated)
        {
            return SecureErrors.PeriodAllocated;
        }

        return Date > today ? Result.Success() : SecureErrors.ChoosingClosed;
    }

    /// <summary>Rule: 1 to 3 choices, each one of this period's offers, no offer twice (the mode comes with the offer).</summary>
    public Result CheckChoices(IReadOnlyList<SecureChoiceItem> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Count is 0 or > MaxChoices)
        {
            return Error.Validation("choices", $"Choose 1 to {MaxChoices} subjects, best first.");
        }

        if (choices.Select(c => c.OfferId).Distinct().Count() != choices.Count)
        {
            return Error.Validation("choices", "Each subject can be chosen once; say what you want to do in it with its mode.");
        }

        if (choices.Any(c => !Enum.IsDefined(c.Mode)))
        {
            return Error.Validation("choices", "Each choice has a mode: Stretch, Consolidate, CatchUp or Reinforce.");
        }

        return choices.All(c => Offer(c.OfferId) is not null)
            ? Result.Success()
            : Error.Validation("choices", "Each choice must be one of this period's offers.");
    }

    /// <summary>
    /// Rule: a teacher's request is for one of this period's offers, and requests never take more places than the offer
    /// has (<paramref name="requestedAlready"/> counts the other pupils requested for it).
    /// </summary>
    public Result CheckRequest(Guid offerId, SecureMode mode, int requestedAlready)
    {
        var offer = Offer(offerId);
        if (offer is null)
        {
            return Error.Validation("offerId", "The offer must be one of this period's offers.");
        }

        if (!Enum.IsDefined(mode))
        {
            return Error.Validation("mode", "Stretch, Consolidate, CatchUp or Reinforce.");
        }

        return requestedAlready < offer.Capacity ? Result.Success() : SecureErrors.OfferFullOfRequests(offer.Subject, offer.Capacity);
    }

    internal static SecurePeriod Create(Guid id, int sequence, SecurePeriodDetails details, Func<Guid> newId)
    {
        var period = new SecurePeriod(id, sequence, Guard.Text(details.Label, nameof(details.Label), MaxLabelLength), details.Date, details.Start, details.DurationMinutes)
        {
            LearningBlockId = details.LearningBlockId,
        };
        period._offers.AddRange(details.Offers.Select((o, i) => SecureOffer.Create(newId(), i + 1, o)));
        return period;
    }

    internal void MarkAllocated(DateTimeOffset at)
    {
        Status = SecurePeriodStatus.Allocated;
        AllocatedAt = at;
    }

    internal void MarkOpen()
    {
        Status = SecurePeriodStatus.Open;
        AllocatedAt = null;
    }
}

/// <summary>A subject offered in a SECURE period, with its teacher, perhaps a room, and its places.</summary>
public sealed class SecureOffer : Entity
{
    public const int MaxSubjectLength = 100;

    private SecureOffer(Guid id, int sequence, string subject, Guid teacherId, Guid? roomId, int capacity) : base(id)
    {
        Sequence = sequence;
        Subject = subject;
        TeacherId = teacherId;
        RoomId = roomId;
        Capacity = capacity;
    }

    /// <summary>1, 2, … in the order the admin listed the period's offers.</summary>
    public int Sequence { get; private set; }

    public string Subject { get; private set; }

    public Guid TeacherId { get; private set; }

    public Guid? RoomId { get; private set; }

    /// <summary>Places; 0 is allowed (the offer is then always full).</summary>
    public int Capacity { get; private set; }

    internal static SecureOffer Create(Guid id, int sequence, SecureOfferDetails details)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(details.Capacity);
        return new SecureOffer(id, sequence, Guard.Text(details.Subject, nameof(details.Subject), MaxSubjectLength), details.TeacherId, details.RoomId, details.Capacity);
    }
}

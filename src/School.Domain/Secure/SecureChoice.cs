using School.Domain.Common;

namespace School.Domain.Secure;

/// <summary>A pupil's ranked choices for one SECURE period: up to three (offer, mode) pairs, best first. One per pupil per period.</summary>
public sealed class SecureChoice : Entity
{
    private List<SecureChoiceItem> _choices = [];

    private SecureChoice(Guid id, Guid schoolId, Guid cycleId, Guid periodId, Guid studentId) : base(id)
    {
        SchoolId = schoolId;
        CycleId = cycleId;
        PeriodId = periodId;
        StudentId = studentId;
    }

    public Guid SchoolId { get; private set; }

    public Guid CycleId { get; private set; }

    public Guid PeriodId { get; private set; }

    public Guid StudentId { get; private set; }

    public IReadOnlyList<SecureChoiceItem> Choices => _choices;

    /// <summary>Who chose: the pupil, a guardian, or an admin on the pupil's behalf.</summary>
    public Guid ChosenBy { get; private set; }

    public DateTimeOffset ChosenAt { get; private set; }

    public uint Version { get; private set; }

    /// <summary>A pupil's first choices for a period, under the period's rules (<see cref="SecurePeriod.TakesChoices"/>, <see cref="SecurePeriod.CheckChoices"/>).</summary>
    public static Result<SecureChoice> Make(
        Guid id, SecureCycle cycle, SecurePeriod period, Guid studentId, IReadOnlyList<SecureChoiceItem> choices, Guid chosenBy, DateTimeOffset at, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(period);
        if (cycle.Period(period.Id) is null)
        {
            throw new ArgumentException("The period belongs to another cycle.", nameof(period));
        }

        var choice = new SecureChoice(id, cycle.SchoolId, cycle.Id, period.Id, studentId);
        var made = choice.Replace(period, choices, chosenBy, at, today);
        return made.IsSuccess ? choice : made.Error!;
    }

    /// <summary>Replaces the ranking while the period takes choices.</summary>
    public Result Replace(SecurePeriod period, IReadOnlyList<SecureChoiceItem> choices, Guid chosenBy, DateTimeOffset at, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (period.Id != PeriodId)
        {
            throw new ArgumentException("The choices are for another period.", nameof(period));
        }

        var open = period.TakesChoices(today);
        if (!open.IsSuccess)
        {
            return open;
        }

        var valid = period.CheckChoices(choices);
        if (!valid.IsSuccess)
        {
            return valid;
        }

        // Copies: each choice row owns its items.
        _choices = choices.Select(c => c with { }).ToList();
        ChosenBy = chosenBy;
        ChosenAt = at;
        Version++;
        return Result.Success();
    }
}

/// <summary>A teacher asks for a pupil in a period's offer with a mode (e.g. catch-up in maths); it outranks the pupil's own choice.</summary>
public sealed class SecureRequest : Entity
{
    public const int MaxReasonLength = 500;

    private SecureRequest(Guid id, Guid schoolId, Guid cycleId, Guid periodId, Guid studentId, Guid requestedBy) : base(id)
    {
        SchoolId = schoolId;
        CycleId = cycleId;
        PeriodId = periodId;
        StudentId = studentId;
        RequestedBy = requestedBy;
    }

    public Guid SchoolId { get; private set; }

    public Guid CycleId { get; private set; }

    public Guid PeriodId { get; private set; }

    public Guid StudentId { get; private set; }

    public Guid OfferId { get; private set; }

    public SecureMode Mode { get; private set; }

    /// <summary>The member of staff who asked.</summary>
    public Guid RequestedBy { get; private set; }

    public string? Reason { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>
    /// A request under the period's rules: open (<see cref="SecurePeriod.TakesChoices"/>), for one of its offers, within
    /// the offer's places (<paramref name="requestedAlready"/> other pupils requested for it).
    /// </summary>
    public static Result<SecureRequest> Make(
        Guid id, SecureCycle cycle, SecurePeriod period, Guid studentId, Guid offerId, SecureMode mode, string? reason,
        Guid requestedBy, int requestedAlready, DateTimeOffset at, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(period);
        var request = new SecureRequest(id, cycle.SchoolId, cycle.Id, period.Id, studentId, requestedBy);
        var made = request.Change(period, offerId, mode, reason, requestedAlready, at, today);
        return made.IsSuccess ? request : made.Error!;
    }

    /// <summary>The requester changes their request (another offer or mode), under the same rules.</summary>
    public Result Change(SecurePeriod period, Guid offerId, SecureMode mode, string? reason, int requestedAlready, DateTimeOffset at, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(period);
        var open = period.TakesChoices(today);
        if (!open.IsSuccess)
        {
            return open;
        }

        var valid = period.CheckRequest(offerId, mode, requestedAlready);
        if (!valid.IsSuccess)
        {
            return valid;
        }

        OfferId = offerId;
        Mode = mode;
        Reason = Guard.OptionalText(reason, nameof(reason), MaxReasonLength);
        RequestedAt = at;
        return Result.Success();
    }
}

using School.Domain.Common;

namespace School.Domain.Secure;

/// <summary>
/// Where a pupil was placed in one SECURE period (at most once per period), how and why; and, once the period has
/// started, whether they attended.
/// </summary>
public sealed class SecurePlacement : Entity
{
    public const int MaxReasonLength = 300;

    private SecurePlacement(Guid id, Guid schoolId, Guid cycleId, Guid periodId, Guid studentId, Guid offerId, PlacementSource source, string reason) : base(id)
    {
        SchoolId = schoolId;
        CycleId = cycleId;
        PeriodId = periodId;
        StudentId = studentId;
        OfferId = offerId;
        Source = source;
        Reason = reason;
    }

    public Guid SchoolId { get; private set; }

    public Guid CycleId { get; private set; }

    public Guid PeriodId { get; private set; }

    public Guid StudentId { get; private set; }

    public Guid OfferId { get; private set; }

    /// <summary>What the pupil does there; null when placed where there was room (to agree with the teacher).</summary>
    public SecureMode? Mode { get; private set; }

    public PlacementSource Source { get; private set; }

    /// <summary>For a choice, its rank (1 = first choice); null otherwise.</summary>
    public int? Rank { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset PlacedAt { get; private set; }

    /// <summary>Null until attendance is recorded.</summary>
    public bool? Present { get; private set; }

    public Guid? AttendanceRecordedBy { get; private set; }

    public DateTimeOffset? AttendanceRecordedAt { get; private set; }

    public static SecurePlacement Place(
        Guid id, SecureCycle cycle, SecurePeriod period, Guid studentId, Guid offerId, SecureMode? mode, PlacementSource source, int? rank, string reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(period);
        if (period.Offer(offerId) is null)
        {
            throw new ArgumentException("A pupil is placed in one of the period's offers.", nameof(offerId));
        }

        if ((source == PlacementSource.Room) != (mode is null) || (source == PlacementSource.Choice) != (rank is not null))
        {
            throw new ArgumentException("A request or choice comes with its mode; only a choice has a rank.", nameof(source));
        }

        return new SecurePlacement(id, cycle.SchoolId, cycle.Id, period.Id, studentId, offerId, source, Guard.Text(reason, nameof(reason), MaxReasonLength))
        {
            Mode = mode,
            Rank = rank,
            PlacedAt = at,
        };
    }

    /// <summary>Rule: attendance is recorded once the period has started (<paramref name="startsAt"/>); recording again corrects it.</summary>
    public Result RecordAttendance(bool present, Guid recordedBy, DateTimeOffset now, DateTimeOffset startsAt)
    {
        if (now < startsAt)
        {
            return SecureErrors.NotStarted;
        }

        Present = present;
        AttendanceRecordedBy = recordedBy;
        AttendanceRecordedAt = now;
        return Result.Success();
    }
}

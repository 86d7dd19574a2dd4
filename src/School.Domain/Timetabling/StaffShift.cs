using School.Domain.Common;

namespace School.Domain.Timetabling;

/// <summary>When a member of staff works on one day of the cycle (an early shift for the early window, say).</summary>
public sealed class StaffShift : Entity
{
    private StaffShift(Guid id, Guid schoolId, Guid staffMemberId, int cycleWeek, DayOfWeek day, TimeOnly start, TimeOnly end) : base(id)
    {
        SchoolId = schoolId;
        StaffMemberId = staffMemberId;
        CycleWeek = cycleWeek;
        Day = day;
        Start = start;
        End = end;
    }

    public Guid SchoolId { get; private set; }

    public Guid StaffMemberId { get; private set; }

    public int CycleWeek { get; private set; }

    public DayOfWeek Day { get; private set; }

    public TimeOnly Start { get; private set; }

    public TimeOnly End { get; private set; }

    public CycleDay CycleDay => new(CycleWeek, Day);

    public static StaffShift Create(Guid id, Guid schoolId, Guid staffMemberId, int cycleWeek, DayOfWeek day, TimeOnly start, TimeOnly end)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cycleWeek, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cycleWeek, AcademicYear.MaxCycleWeeks);
        if (end <= start)
        {
            throw new ArgumentException("A shift ends after it starts.", nameof(end));
        }

        return new StaffShift(id, schoolId, staffMemberId, cycleWeek, day, start, end);
    }

    public bool Covers(CycleDay day, TimeOnly start, TimeOnly end) => CycleDay == day && start >= Start && end <= End;
}

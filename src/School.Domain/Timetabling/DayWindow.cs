using School.Domain.Common;
using School.Domain.Students;

namespace School.Domain.Timetabling;

public enum EnrolmentStatus
{
    /// <summary>A student or guardian asked; an admin has not yet approved.</summary>
    Requested,
    /// <summary>The student is in the window and holds one of its places.</summary>
    Approved,
}

/// <summary>A student's place (or request for one) in a day window.</summary>
public sealed class WindowEnrolment
{
    private WindowEnrolment(Guid studentId, EnrolmentStatus status, DateTimeOffset requestedAt)
    {
        StudentId = studentId;
        Status = status;
        RequestedAt = requestedAt;
    }

    public Guid StudentId { get; private set; }

    public EnrolmentStatus Status { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    internal static WindowEnrolment Create(Guid studentId, bool approved, DateTimeOffset now)
    {
        var enrolment = new WindowEnrolment(studentId, EnrolmentStatus.Requested, now);
        if (approved)
        {
            enrolment.Approve(now);
        }

        return enrolment;
    }

    internal void Approve(DateTimeOffset now)
    {
        Status = EnrolmentStatus.Approved;
        ApprovedAt = now;
    }
}

/// <summary>
/// A named span of the school day (the standard day, an early window 07:30–13:00, a late window 13:00–18:30) with
/// the year groups it is open to and a number of places. Students opt in; a student belongs to one window at a time
/// and is timetabled only inside it. The school's default window (the standard day) holds everyone not opted in elsewhere.
/// </summary>
public sealed class DayWindow : Entity
{
    private readonly List<WindowEnrolment> _enrolments = [];
    private List<int> _yearGroups = [];

    private DayWindow(Guid id, Guid schoolId, string name, TimeOnly start, TimeOnly end) : base(id)
    {
        SchoolId = schoolId;
        Name = name;
        Start = start;
        End = end;
    }

    public Guid SchoolId { get; private set; }

    public string Name { get; private set; }

    public TimeOnly Start { get; private set; }

    public TimeOnly End { get; private set; }

    /// <summary>Places; null means no limit (the standard day).</summary>
    public int? Capacity { get; private set; }

    /// <summary>The school's standard day: every student not enrolled in another window is in it.</summary>
    public bool IsDefault { get; private set; }

    /// <summary>When set, requests are approved at once while places remain.</summary>
    public bool AutoApprove { get; private set; }

    /// <summary>Year groups that may opt in; empty means every year group.</summary>
    public IReadOnlyList<int> YearGroups => _yearGroups;

    public IReadOnlyCollection<WindowEnrolment> Enrolments => _enrolments.AsReadOnly();

    public uint Version { get; private set; }

    public int PlacesTaken => _enrolments.Count(e => e.Status == EnrolmentStatus.Approved);

    public int? PlacesLeft => Capacity is { } capacity ? Math.Max(0, capacity - PlacesTaken) : null;

    public bool IsFull => Capacity is { } capacity && PlacesTaken >= capacity;

    public static DayWindow Create(
        Guid id, Guid schoolId, string name, TimeOnly start, TimeOnly end, int? capacity, IEnumerable<int> yearGroups, bool autoApprove, bool isDefault = false)
    {
        if (end <= start)
        {
            throw new ArgumentException("A window ends after it starts.", nameof(end));
        }

        return new DayWindow(id, schoolId, Guard.Text(name, nameof(name), 100), start, end)
        {
            Capacity = capacity,
            _yearGroups = yearGroups.Distinct().Order().ToList(),
            AutoApprove = autoApprove,
            IsDefault = isDefault,
        };
    }

    /// <summary>Whether a session from <paramref name="start"/> to <paramref name="end"/> lies inside the window.</summary>
    public bool Contains(TimeOnly start, TimeOnly end) => start >= Start && end <= End;

    public bool IsOpenTo(int yearGroup) => _yearGroups.Count == 0 || _yearGroups.Contains(yearGroup);

    /// <summary>
    /// Rule: a student may opt into a window open to their year group while it has places. An admin's enrolment, or a
    /// request to a window that approves automatically, takes a place at once; otherwise it waits for approval.
    /// </summary>
    public Result<WindowEnrolment> Enrol(Student student, bool approve, DateTimeOffset now)
    {
        if (IsDefault)
        {
            return WindowErrors.DefaultNeedsNoEnrolment(Name);
        }

        if (student.SchoolId != SchoolId)
        {
            return Error.NotFound("Student");
        }

        if (!IsOpenTo(student.YearGroup))
        {
            return WindowErrors.NotOpenTo(Name, student.YearGroup);
        }

        if (_enrolments.Any(e => e.StudentId == student.Id))
        {
            return WindowErrors.AlreadyEnrolled(Name);
        }

        if (IsFull)
        {
            return WindowErrors.Full(Name, Capacity!.Value);
        }

        var enrolment = WindowEnrolment.Create(student.Id, approve || AutoApprove, now);
        _enrolments.Add(enrolment);
        Version++;
        return enrolment;
    }

    public Result<WindowEnrolment> Approve(Guid studentId, DateTimeOffset now)
    {
        var enrolment = _enrolments.FirstOrDefault(e => e.StudentId == studentId);
        if (enrolment is null)
        {
            return Error.NotFound("Enrolment");
        }

        if (enrolment.Status == EnrolmentStatus.Approved)
        {
            return enrolment;
        }

        if (IsFull)
        {
            return WindowErrors.Full(Name, Capacity!.Value);
        }

        enrolment.Approve(now);
        Version++;
        return enrolment;
    }

    /// <summary>The student leaves the window (or their request is withdrawn); an approved place is freed.</summary>
    public Result Withdraw(Guid studentId)
    {
        var removed = _enrolments.RemoveAll(e => e.StudentId == studentId);
        if (removed == 0)
        {
            return Error.NotFound("Enrolment");
        }

        Version++;
        return Result.Success();
    }

    /// <summary>Rule: a window's places never drop below the students already holding one.</summary>
    public Result Change(string name, TimeOnly start, TimeOnly end, int? capacity, IEnumerable<int> yearGroups, bool autoApprove)
    {
        if (end <= start)
        {
            throw new ArgumentException("A window ends after it starts.", nameof(end));
        }

        if (capacity is { } places && places < PlacesTaken)
        {
            return WindowErrors.CapacityBelowEnrolment(places, PlacesTaken);
        }

        Name = Guard.Text(name, nameof(name), 100);
        Start = start;
        End = end;
        Capacity = capacity;
        _yearGroups = yearGroups.Distinct().Order().ToList();
        AutoApprove = autoApprove;
        Version++;
        return Result.Success();
    }
}

public static class WindowErrors
{
    public static Error Full(string window, int capacity) =>
        Error.Conflict("window.full", $"{window} is full: all {capacity} places are taken.");

    public static Error NotOpenTo(string window, int yearGroup) =>
        Error.Conflict("window.not_open_to_year", $"{window} is not open to Year {yearGroup}.");

    public static Error AlreadyEnrolled(string window) =>
        Error.Conflict("window.already_enrolled", $"The student is already enrolled in {window}.");

    public static Error InAnotherWindow(string window) =>
        Error.Conflict("window.in_another_window", $"The student is already in {window}; a student belongs to one window at a time. Withdraw them from it first.");

    public static Error DefaultNeedsNoEnrolment(string window) =>
        Error.Conflict("window.default", $"Every student not in another window is in the {window}; no enrolment is needed.");

    public static Error CapacityBelowEnrolment(int capacity, int taken) =>
        Error.Conflict("window.capacity_below_enrolment", $"{taken} students already hold places, so the capacity cannot drop to {capacity}.");
}

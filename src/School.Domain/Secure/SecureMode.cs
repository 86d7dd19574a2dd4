using School.Domain.Common;

namespace School.Domain.Secure;

/// <summary>What a pupil does in the subject of a SECURE period (Cramlington: Stretch, Consolidate, Catch up, REinforce).</summary>
public enum SecureMode
{
    Stretch,
    Consolidate,
    CatchUp,
    Reinforce,
}

/// <summary>Whether a SECURE period is still taking choices or has been allocated.</summary>
public enum SecurePeriodStatus
{
    /// <summary>Taking choices and teachers' requests.</summary>
    Open,
    /// <summary>Pupils are placed; choosing is closed. An admin may allocate again (until attendance is recorded) or reopen it.</summary>
    Allocated,
}

/// <summary>How a pupil came to be placed in a SECURE offer.</summary>
public enum PlacementSource
{
    /// <summary>A teacher asked for the pupil in this subject and mode; it outranks the pupil's own choice.</summary>
    Request,
    /// <summary>One of the pupil's ranked choices.</summary>
    Choice,
    /// <summary>No choice (or none with room): placed where there was room, mode to agree with the teacher.</summary>
    Room,
}

/// <summary>One ranked choice: an offer of the period and what the pupil wants to do in it.</summary>
public sealed record SecureChoiceItem(Guid OfferId, SecureMode Mode);

/// <summary>The expected failures of SECURE sessions.</summary>
public static class SecureErrors
{
    public static readonly Error PeriodAllocated =
        Error.Conflict("secure.period_allocated", "This SECURE period has been allocated; choices and requests are closed.");

    public static readonly Error ChoosingClosed =
        Error.Conflict("secure.choosing_closed", "Choices and requests for a SECURE period close at the end of the day before it.");

    public static readonly Error NotEligible =
        Error.Conflict("secure.not_eligible", "The student is not in a year group this SECURE cycle is for.");

    public static readonly Error PeriodHeld =
        Error.Conflict("secure.period_held", "Attendance has been recorded for this period; its placements can no longer change.");

    public static readonly Error NotAllocated =
        Error.Conflict("secure.not_allocated", "This SECURE period has not been allocated.");

    public static readonly Error NotPlaced =
        Error.Conflict("secure.not_placed", "The student has no place in this SECURE period.");

    public static readonly Error NotStarted =
        Error.Conflict("secure.not_started", "Attendance can be recorded once the period has started.");

    public static Error OutsideWindow(string window) =>
        Error.Conflict("secure.outside_window", $"The period is outside the student's day window ({window}); a student is timetabled only inside it.");

    public static Error OfferFullOfRequests(string subject, int capacity) =>
        Error.Conflict("secure.offer_requested_full", $"{subject} already has {capacity} requested pupils, all its places.");

    public static Error AlreadyRequested(string by) =>
        Error.Conflict("secure.already_requested", $"{by} has already requested this student for this period.");

    public static Error TeacherTwice(int period) =>
        Error.Conflict("secure.teacher_double_booked", $"Period {period} gives one teacher two offers; a teacher takes one group at a time.");

    public static Error RoomTwice(int period) =>
        Error.Conflict("secure.room_double_booked", $"Period {period} puts two offers in one room.");
}

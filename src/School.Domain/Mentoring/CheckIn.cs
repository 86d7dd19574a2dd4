using School.Domain.Common;

namespace School.Domain.Mentoring;

public enum CheckInStatus
{
    /// <summary>Planned, not yet due or due soon.</summary>
    Scheduled,
    /// <summary>Its due date passed without it being held; it can still be recorded late.</summary>
    Overdue,
    /// <summary>Held and recorded (whether or not it lasted long enough to count).</summary>
    Completed,
}

/// <summary>
/// One of the check-ins a student needs in a half term. The daily sweep creates them (numbered 1, 2, … within the half
/// term, which makes creating them again impossible), reminds the mentor, and marks them overdue; the mentor records
/// them. A check-in shorter than the policy's minimum is kept but does not count, so the sweep adds another.
/// </summary>
public sealed class CheckIn : Entity
{
    public const int MaxNotesLength = 4000;
    public const int MaxSummaryLength = 2000;
    public const int MaxMinutes = 240;

    private CheckIn(Guid id, Guid schoolId, Guid studentId, Guid mentorId, DateOnly halfTermStart, DateOnly halfTermEnd, int sequence, DateOnly dueOn)
        : base(id)
    {
        SchoolId = schoolId;
        StudentId = studentId;
        MentorId = mentorId;
        HalfTermStart = halfTermStart;
        HalfTermEnd = halfTermEnd;
        Sequence = sequence;
        DueOn = dueOn;
    }

    public Guid SchoolId { get; private set; }

    public Guid StudentId { get; private set; }

    /// <summary>The mentor who is to hold it (the student's current mentor; the one who held it once completed).</summary>
    public Guid MentorId { get; private set; }

    public DateOnly HalfTermStart { get; private set; }

    public DateOnly HalfTermEnd { get; private set; }

    /// <summary>1, 2, … within the student's half term.</summary>
    public int Sequence { get; private set; }

    /// <summary>The school day by which it should be held to keep the policy's pace.</summary>
    public DateOnly DueOn { get; private set; }

    /// <summary>A time when both the student and the mentor are free (from their timetables), if one was found.</summary>
    public DateTimeOffset? SuggestedStart { get; private set; }

    public CheckInStatus Status { get; private set; }

    /// <summary>When the mentor's reminder was queued (at most once).</summary>
    public DateTimeOffset? RemindedAt { get; private set; }

    public DateTimeOffset? HeldAt { get; private set; }

    public int? Minutes { get; private set; }

    /// <summary>Whether it lasted at least the policy's minimum when it was recorded.</summary>
    public bool Counts { get; private set; }

    /// <summary>The mentor's private notes: for the mentor and the pastoral lead only.</summary>
    public string? PrivateNotes { get; private set; }

    /// <summary>What the student (and their family) may read.</summary>
    public string? StudentSummary { get; private set; }

    public bool GuardianAttended { get; private set; }

    public DateTimeOffset? RecordedAt { get; private set; }

    public uint Version { get; private set; }

    public bool IsOpen => Status != CheckInStatus.Completed;

    public static CheckIn Plan(
        Guid id, Guid schoolId, Guid studentId, Guid mentorId, DateOnly halfTermStart, DateOnly halfTermEnd, int sequence, DateOnly dueOn, DateTimeOffset? suggestedStart)
    {
        if (sequence < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "Check-ins are numbered from 1.");
        }

        return new CheckIn(id, schoolId, studentId, mentorId, halfTermStart, halfTermEnd, sequence, dueOn) { SuggestedStart = suggestedStart };
    }

    /// <summary>An open check-in follows the student to their new mentor.</summary>
    public void Reassign(Guid mentorId)
    {
        if (IsOpen && MentorId != mentorId)
        {
            MentorId = mentorId;
            RemindedAt = null;
            Version++;
        }
    }

    /// <summary>Queues the reminder once; false when it was already queued or the check-in is no longer open.</summary>
    public bool MarkReminded(DateTimeOffset at)
    {
        if (!IsOpen || RemindedAt is not null)
        {
            return false;
        }

        RemindedAt = at;
        Version++;
        return true;
    }

    /// <summary>Marks an open check-in overdue once its due date has passed; false when nothing changed.</summary>
    public bool MarkOverdue(DateOnly today)
    {
        if (Status != CheckInStatus.Scheduled || today <= DueOn)
        {
            return false;
        }

        Status = CheckInStatus.Overdue;
        Version++;
        return true;
    }

    /// <summary>
    /// Records the check-in. It counts when it lasted at least <paramref name="policy"/>'s minimum; a guardian may have
    /// attended only when the student wanted them there.
    /// </summary>
    public Result Complete(
        Guid mentorId, DateTimeOffset heldAt, int minutes, string? privateNotes, string? studentSummary, bool guardianAttended,
        bool guardianWanted, CheckInPolicy policy, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return MentoringErrors.AlreadyCompleted;
        }

        if (heldAt > now)
        {
            return MentoringErrors.HeldInFuture;
        }

        if (minutes is < 1 or > MaxMinutes)
        {
            return Error.Validation("minutes", $"A check-in lasts between 1 and {MaxMinutes} minutes.");
        }

        if (guardianAttended && !guardianWanted)
        {
            return MentoringErrors.GuardianNotWanted;
        }

        MentorId = mentorId;
        HeldAt = heldAt;
        Minutes = minutes;
        Counts = policy.Counts(minutes);
        PrivateNotes = Guard.OptionalText(privateNotes, nameof(privateNotes), MaxNotesLength);
        StudentSummary = Guard.OptionalText(studentSummary, nameof(studentSummary), MaxSummaryLength);
        GuardianAttended = guardianAttended;
        RecordedAt = now;
        Status = CheckInStatus.Completed;
        Version++;
        return Result.Success();
    }
}

/// <summary>
/// A child who will miss the check-in policy this half term, raised with the school's pastoral lead once per half term
/// (the unique student + half term makes a second escalation impossible).
/// </summary>
public sealed class MentoringEscalation : Entity
{
    private MentoringEscalation(Guid id, Guid schoolId, Guid studentId, Guid mentorId, DateOnly halfTermStart, DateTimeOffset raisedAt) : base(id)
    {
        SchoolId = schoolId;
        StudentId = studentId;
        MentorId = mentorId;
        HalfTermStart = halfTermStart;
        RaisedAt = raisedAt;
    }

    public Guid SchoolId { get; private set; }

    public Guid StudentId { get; private set; }

    public Guid MentorId { get; private set; }

    public DateOnly HalfTermStart { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    public static MentoringEscalation Raise(Guid id, Guid schoolId, Guid studentId, Guid mentorId, DateOnly halfTermStart, DateTimeOffset at) =>
        new(id, schoolId, studentId, mentorId, halfTermStart, at);
}

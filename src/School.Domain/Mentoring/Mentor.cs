using School.Domain.Common;

namespace School.Domain.Mentoring;

/// <summary>Who a mentor is: a member of staff, a trained older pupil, or a trained school leaver.</summary>
public enum MentorKind
{
    /// <summary>A member of staff with a weekly mentoring allowance (about a day a week).</summary>
    Staff,
    /// <summary>A trained older pupil, supervised by a member of staff.</summary>
    Student,
    /// <summary>A trained school leaver (recorded as a member of staff holding only the Mentor role), supervised by a member of staff.</summary>
    SchoolLeaver,
}

/// <summary>
/// A person registered to mentor at a school. The mentor's id is the person's own id (the staff member's or the pupil's),
/// so a student's <c>MentorId</c> names the person directly and a mentor signs in as themself.
/// </summary>
public sealed class Mentor : Entity
{
    /// <summary>About a day a week: six and a half hours.</summary>
    public const int DefaultStaffAllowanceMinutes = 390;

    /// <summary>An hour a week for a pupil or a school leaver.</summary>
    public const int DefaultVolunteerAllowanceMinutes = 60;

    public const int MaxAllowanceMinutes = 40 * 60;

    private Mentor(Guid id, Guid schoolId, MentorKind kind, int weeklyAllowanceMinutes) : base(id)
    {
        SchoolId = schoolId;
        Kind = kind;
        WeeklyAllowanceMinutes = weeklyAllowanceMinutes;
    }

    public Guid SchoolId { get; private set; }

    public MentorKind Kind { get; private set; }

    /// <summary>Minutes a week set aside for mentoring; with the school's minutes per mentee it sets the capacity.</summary>
    public int WeeklyAllowanceMinutes { get; private set; }

    /// <summary>The member of staff who supervises a pupil or school-leaver mentor.</summary>
    public Guid? SupervisorId { get; private set; }

    /// <summary>When the mentor completed their mentor training (required for pupils and school leavers).</summary>
    public DateOnly? TrainedOn { get; private set; }

    /// <summary>Inactive mentors take no new mentees; their current mentees stay until reassigned.</summary>
    public bool IsActive { get; private set; } = true;

    public uint Version { get; private set; }

    public bool NeedsSupervision => Kind != MentorKind.Staff;

    public static Result<Mentor> Register(Guid personId, Guid schoolId, MentorKind kind, int weeklyAllowanceMinutes, Guid? supervisorId, DateOnly? trainedOn)
    {
        var mentor = new Mentor(personId, schoolId, kind, 0);
        var changed = mentor.Change(weeklyAllowanceMinutes, supervisorId, trainedOn, isActive: true);
        return changed.IsSuccess ? mentor : changed.Error!;
    }

    public Result Change(int weeklyAllowanceMinutes, Guid? supervisorId, DateOnly? trainedOn, bool isActive)
    {
        if (weeklyAllowanceMinutes is < 0 or > MaxAllowanceMinutes)
        {
            return Error.Validation("weeklyAllowanceMinutes", $"A weekly allowance is between 0 and {MaxAllowanceMinutes} minutes.");
        }

        if (NeedsSupervision && supervisorId is null)
        {
            return MentoringErrors.NeedsSupervisor;
        }

        if (NeedsSupervision && trainedOn is null)
        {
            return MentoringErrors.NeedsTraining;
        }

        if (supervisorId == Id)
        {
            return Error.Validation("supervisorId", "A mentor cannot supervise themself.");
        }

        WeeklyAllowanceMinutes = weeklyAllowanceMinutes;
        SupervisorId = supervisorId;
        TrainedOn = trainedOn;
        IsActive = isActive;
        Version++;
        return Result.Success();
    }

    /// <summary>How many mentees fit in the allowance when each needs <paramref name="minutesPerMentee"/> a week.</summary>
    public int Capacity(int minutesPerMentee) => minutesPerMentee <= 0 ? 0 : WeeklyAllowanceMinutes / minutesPerMentee;

    public void Deactivate()
    {
        if (IsActive)
        {
            IsActive = false;
            Version++;
        }
    }
}

public static class MentoringErrors
{
    public static readonly Error NeedsSupervisor =
        Error.Validation("supervisorId", "A pupil or school-leaver mentor is supervised by a member of staff.");

    public static readonly Error NeedsTraining =
        Error.Validation("trainedOn", "A pupil or school-leaver mentor must have completed mentor training.");

    public static readonly Error MentorInactive =
        Error.Conflict("mentoring.mentor_inactive", "That mentor is not taking mentees.");

    public static readonly Error OwnMentor =
        Error.Conflict("mentoring.own_mentor", "A pupil cannot mentor themself.");

    public static readonly Error MentorNotOlder =
        Error.Conflict("mentoring.mentor_not_older", "A pupil mentor must be in an older year group than their mentee.");

    public static Error MentorFull(int capacity) =>
        Error.Conflict("mentoring.mentor_full", $"That mentor already has {capacity} mentees, all their allowance allows.");

    public static readonly Error AlreadyCompleted =
        Error.Conflict("mentoring.check_in_completed", "That check-in has already been recorded.");

    public static readonly Error GuardianNotWanted =
        Error.Conflict("mentoring.guardian_not_wanted", "A guardian may attend only when the student has said they want them there.");

    public static readonly Error HeldInFuture =
        Error.Validation("heldAt", "A check-in cannot be recorded before it has happened.");

    public static readonly Error CheckInNotOpen =
        Error.Conflict("mentoring.check_in_cancelled", "That check-in was cancelled.");
}

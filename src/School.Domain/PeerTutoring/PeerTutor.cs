using School.Domain.Common;

namespace School.Domain.PeerTutoring;

public enum TutorStatus
{
    /// <summary>Applied (or nominated by a teacher); waiting for staff.</summary>
    Applied,
    Approved,
    Declined,
}

/// <summary>
/// A pupil's place as a tutor on a programme: applied or nominated, approved by staff, trained. Only an approved tutor
/// who has completed the training can be paired. <see cref="Level"/> is how far on they are in the subject.
/// </summary>
public sealed class PeerTutor : Entity
{
    private PeerTutor(Guid id, Guid programmeId, Guid studentId, int level, DateTimeOffset appliedAt) : base(id)
    {
        ProgrammeId = programmeId;
        StudentId = studentId;
        Level = level;
        AppliedAt = appliedAt;
    }

    public Guid ProgrammeId { get; private set; }

    public Guid StudentId { get; private set; }

    /// <summary>The subject level the tutor works at (a school's own scale, e.g. a reading age or a maths stage).</summary>
    public int Level { get; private set; }

    public TutorStatus Status { get; private set; }

    public DateTimeOffset AppliedAt { get; private set; }

    /// <summary>The teacher who nominated the pupil, when they did not apply themself.</summary>
    public Guid? NominatedBy { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public DateOnly? TrainedOn { get; private set; }

    public uint Version { get; private set; }

    public bool CanTutor => Status == TutorStatus.Approved && TrainedOn is not null;

    public static PeerTutor Apply(Guid id, Guid programmeId, Guid studentId, int level, DateTimeOffset at, Guid? nominatedBy) =>
        new(id, programmeId, studentId, Guard.InRange(level, 0, 100, nameof(level)), at) { NominatedBy = nominatedBy };

    public Result Decide(bool approve, Guid by)
    {
        if (Status != TutorStatus.Applied)
        {
            return Error.Conflict("peer.already_decided", "That application has already been decided.");
        }

        Status = approve ? TutorStatus.Approved : TutorStatus.Declined;
        DecidedBy = by;
        Version++;
        return Result.Success();
    }

    public Result CompleteTraining(DateOnly on)
    {
        if (Status != TutorStatus.Approved)
        {
            return Error.Conflict("peer.not_approved", "Only an approved tutor's training is recorded.");
        }

        TrainedOn ??= on;
        Version++;
        return Result.Success();
    }
}

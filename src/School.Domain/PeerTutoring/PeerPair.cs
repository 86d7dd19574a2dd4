using School.Domain.Common;

namespace School.Domain.PeerTutoring;

/// <summary>A tutor and a tutee working together on a programme, made by staff.</summary>
public sealed class PeerPair : Entity
{
    private PeerPair(Guid id, Guid programmeId, Guid tutorStudentId, Guid tuteeStudentId, int tuteeLevel, Guid createdBy, DateTimeOffset createdAt) : base(id)
    {
        ProgrammeId = programmeId;
        TutorStudentId = tutorStudentId;
        TuteeStudentId = tuteeStudentId;
        TuteeLevel = tuteeLevel;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public Guid ProgrammeId { get; private set; }

    public Guid TutorStudentId { get; private set; }

    public Guid TuteeStudentId { get; private set; }

    /// <summary>The tutee's level in the subject when paired.</summary>
    public int TuteeLevel { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public bool IsActive => EndedAt is null;

    /// <summary>
    /// Rules: the tutor is approved and trained; the programme allows the pairing (years, ahead in the subject); the tutor
    /// is under the programme's cap of tutees. The caller supplies the tutor's current number of active pairs.
    /// </summary>
    public static Result<PeerPair> Make(
        Guid id, PeerProgramme programme, PeerTutor tutor, int tutorYear, Guid tuteeStudentId, int tuteeYear, int tuteeLevel, int tutorActivePairs,
        Guid createdBy, DateTimeOffset at)
    {
        if (!tutor.CanTutor)
        {
            return Error.Conflict("peer.tutor_not_ready", "Only an approved tutor who has completed the training can be paired.");
        }

        if (tutor.StudentId == tuteeStudentId)
        {
            return Error.Conflict("peer.self", "A pupil cannot tutor themself.");
        }

        var allowed = programme.CanPair(tutorYear, tutor.Level, tuteeYear, tuteeLevel);
        if (!allowed.IsSuccess)
        {
            return allowed.Error!;
        }

        if (tutorActivePairs >= programme.MaxTuteesPerTutor)
        {
            return Error.Conflict("peer.tutor_full", $"That tutor already has {programme.MaxTuteesPerTutor} tutees, the programme's cap.");
        }

        return new PeerPair(id, programme.Id, tutor.StudentId, tuteeStudentId, Guard.InRange(tuteeLevel, 0, 100, nameof(tuteeLevel)), createdBy, at);
    }

    public void End(DateTimeOffset at) => EndedAt ??= at;
}

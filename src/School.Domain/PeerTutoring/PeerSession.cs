using School.Domain.Common;

namespace School.Domain.PeerTutoring;

/// <summary>An earlier state of a session log, kept when the supervisor corrects or voids it.</summary>
public sealed record SessionRevision(DateOnly Date, int Minutes, bool TuteeAttended, string? Notes, bool Voided, Guid ChangedBy, DateTimeOffset ChangedAt, string Reason);

/// <summary>
/// One tutoring session, logged by the tutor: date, minutes (5–180), whether the tutee attended and what they worked on.
/// The tutee may add a rating and a comment; the supervisor may correct or void it (the earlier state is kept).
/// </summary>
public sealed class PeerSession : Entity
{
    public const int MinMinutes = 5;
    public const int MaxMinutes = 180;
    public const int MaxNotesLength = 1000;

    private List<SessionRevision> _history = [];

    private PeerSession(Guid id, Guid pairId, Guid programmeId, Guid tutorStudentId, DateOnly date, int minutes, bool tuteeAttended, string? notes, DateTimeOffset loggedAt)
        : base(id)
    {
        PairId = pairId;
        ProgrammeId = programmeId;
        TutorStudentId = tutorStudentId;
        Date = date;
        Minutes = minutes;
        TuteeAttended = tuteeAttended;
        Notes = notes;
        LoggedAt = loggedAt;
    }

    public Guid PairId { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public Guid TutorStudentId { get; private set; }

    public DateOnly Date { get; private set; }

    public int Minutes { get; private set; }

    public bool TuteeAttended { get; private set; }

    public string? Notes { get; private set; }

    public DateTimeOffset LoggedAt { get; private set; }

    public int? TuteeRating { get; private set; }

    public string? TuteeComment { get; private set; }

    public bool Voided { get; private set; }

    public IReadOnlyList<SessionRevision> History => _history;

    public uint Version { get; private set; }

    /// <summary>Rule: the minutes count towards credits unless voided, and (when the programme says so) only if the tutee attended.</summary>
    public int CountedMinutes(PeerProgramme programme) =>
        Voided || (programme.OnlyAttendedSessionsCount && !TuteeAttended) ? 0 : Minutes;

    public static Result<PeerSession> Log(Guid id, PeerPair pair, DateOnly date, int minutes, bool tuteeAttended, string? notes, DateOnly today, DateTimeOffset now)
    {
        var valid = Validate(date, minutes, today);
        if (!valid.IsSuccess)
        {
            return valid.Error!;
        }

        if (!pair.IsActive)
        {
            return Error.Conflict("peer.pair_ended", "That pair has ended; sessions are no longer logged for it.");
        }

        return new PeerSession(id, pair.Id, pair.ProgrammeId, pair.TutorStudentId, date, minutes, tuteeAttended, Guard.OptionalText(notes, nameof(notes), MaxNotesLength), now);
    }

    public Result Rate(int rating, string? comment)
    {
        if (rating is < 1 or > 5)
        {
            return Error.Validation("rating", "A rating is from 1 to 5.");
        }

        TuteeRating = rating;
        TuteeComment = Guard.OptionalText(comment, nameof(comment), 500);
        Version++;
        return Result.Success();
    }

    /// <summary>The supervisor corrects the log; the earlier state is kept with the reason.</summary>
    public Result Correct(DateOnly date, int minutes, bool tuteeAttended, string? notes, Guid by, string reason, DateOnly today, DateTimeOffset now)
    {
        var valid = Validate(date, minutes, today);
        if (!valid.IsSuccess)
        {
            return valid;
        }

        Keep(by, reason, now);
        Date = date;
        Minutes = minutes;
        TuteeAttended = tuteeAttended;
        Notes = Guard.OptionalText(notes, nameof(notes), MaxNotesLength);
        Version++;
        return Result.Success();
    }

    public Result Void(Guid by, string reason, DateTimeOffset now)
    {
        if (Voided)
        {
            return Error.Conflict("peer.session_voided", "That session has already been voided.");
        }

        Keep(by, reason, now);
        Voided = true;
        Version++;
        return Result.Success();
    }

    private void Keep(Guid by, string reason, DateTimeOffset now) =>
        _history = [.. _history, new SessionRevision(Date, Minutes, TuteeAttended, Notes, Voided, by, now, Guard.Text(reason, nameof(reason), 500))];

    private static Result Validate(DateOnly date, int minutes, DateOnly today)
    {
        if (minutes is < MinMinutes or > MaxMinutes)
        {
            return Error.Validation("minutes", $"A session lasts between {MinMinutes} and {MaxMinutes} minutes.");
        }

        return date > today ? Error.Validation("date", "A session cannot be logged before it has happened.") : Result.Success();
    }
}

/// <summary>Credits the supervisor endorsed for a tutor on a programme; each endorsement awards the credits earned since the last.</summary>
public sealed class PeerCreditAward : Entity
{
    private PeerCreditAward(Guid id, Guid programmeId, Guid tutorStudentId, int credits, int countedMinutes, Guid endorsedBy, DateTimeOffset endorsedAt, Guid portfolioEntryId)
        : base(id)
    {
        ProgrammeId = programmeId;
        TutorStudentId = tutorStudentId;
        Credits = credits;
        CountedMinutes = countedMinutes;
        EndorsedBy = endorsedBy;
        EndorsedAt = endorsedAt;
        PortfolioEntryId = portfolioEntryId;
    }

    public Guid ProgrammeId { get; private set; }

    public Guid TutorStudentId { get; private set; }

    /// <summary>Credits awarded by this endorsement.</summary>
    public int Credits { get; private set; }

    /// <summary>The tutor's counted minutes on the programme when endorsed.</summary>
    public int CountedMinutes { get; private set; }

    public Guid EndorsedBy { get; private set; }

    public DateTimeOffset EndorsedAt { get; private set; }

    public Guid PortfolioEntryId { get; private set; }

    public static PeerCreditAward Endorse(Guid id, Guid programmeId, Guid tutorStudentId, int credits, int countedMinutes, Guid endorsedBy, DateTimeOffset at, Guid portfolioEntryId) =>
        credits <= 0
            ? throw new ArgumentOutOfRangeException(nameof(credits), credits, "An award is at least one credit.")
            : new(id, programmeId, tutorStudentId, credits, countedMinutes, endorsedBy, at, portfolioEntryId);
}

using School.Domain.Common;

namespace School.Domain.PeerTutoring;

/// <summary>
/// A Peer Learner Programme: pupils tutoring pupils in one subject. Who may tutor and be tutored (year groups; same-age
/// tutoring when the tutor is ahead in the subject), the training a tutor completes, the supervising member of staff,
/// how many tutees a tutor may take, and the credit rule (by default one credit per ten hours tutored, counting only
/// sessions the tutee attended).
/// </summary>
public sealed class PeerProgramme : Entity
{
    public const int DefaultMinutesPerCredit = 600;
    public const int DefaultMaxTuteesPerTutor = 3;

    private List<int> _tutorYearGroups = [];
    private List<int> _tuteeYearGroups = [];

    private PeerProgramme(Guid id, Guid schoolId, string name, string subject) : base(id)
    {
        SchoolId = schoolId;
        Name = name;
        Subject = subject;
    }

    public Guid SchoolId { get; private set; }

    public string Name { get; private set; }

    public string Subject { get; private set; }

    public IReadOnlyList<int> TutorYearGroups => _tutorYearGroups;

    public IReadOnlyList<int> TuteeYearGroups => _tuteeYearGroups;

    /// <summary>Whether a tutor may tutor a pupil of the same year (when ahead of them in the subject).</summary>
    public bool AllowSameAge { get; private set; }

    /// <summary>The training a tutor must complete before being paired, e.g. "Paired reading (two sessions)".</summary>
    public string RequiredTraining { get; private set; } = string.Empty;

    public Guid SupervisorId { get; private set; }

    public int MaxTuteesPerTutor { get; private set; }

    /// <summary>Minutes of tutoring that earn one credit.</summary>
    public int MinutesPerCredit { get; private set; }

    /// <summary>Whether only sessions the tutee attended count towards credits.</summary>
    public bool OnlyAttendedSessionsCount { get; private set; }

    public uint Version { get; private set; }

    public static PeerProgramme Create(Guid id, Guid schoolId, PeerProgrammeDetails details)
    {
        var programme = new PeerProgramme(id, schoolId, details.Name, details.Subject);
        programme.Change(details);
        return programme;
    }

    public void Change(PeerProgrammeDetails details)
    {
        if (details.TutorYearGroups.Count == 0 || details.TuteeYearGroups.Count == 0)
        {
            throw new ArgumentException("A programme names its tutors' and tutees' year groups.", nameof(details));
        }

        Name = Guard.Text(details.Name, nameof(details.Name), 200);
        Subject = Guard.Text(details.Subject, nameof(details.Subject), 100);
        _tutorYearGroups = details.TutorYearGroups.Distinct().Order().ToList();
        _tuteeYearGroups = details.TuteeYearGroups.Distinct().Order().ToList();
        AllowSameAge = details.AllowSameAge;
        RequiredTraining = Guard.Text(details.RequiredTraining, nameof(details.RequiredTraining), 500);
        SupervisorId = details.SupervisorId;
        MaxTuteesPerTutor = Guard.InRange(details.MaxTuteesPerTutor, 1, 20, nameof(details.MaxTuteesPerTutor));
        MinutesPerCredit = Guard.InRange(details.MinutesPerCredit, 30, 6000, nameof(details.MinutesPerCredit));
        OnlyAttendedSessionsCount = details.OnlyAttendedSessionsCount;
        Version++;
    }

    /// <summary>
    /// Rule: a pupil tutors a pupil of the programme's year groups who is behind them in the subject; same-age only when the
    /// programme allows it, and never a younger pupil tutoring an older one.
    /// </summary>
    public Result CanPair(int tutorYear, int tutorLevel, int tuteeYear, int tuteeLevel)
    {
        if (!_tutorYearGroups.Contains(tutorYear))
        {
            return Error.Conflict("peer.tutor_year", $"This programme's tutors are in Year {string.Join(", ", _tutorYearGroups)}.");
        }

        if (!_tuteeYearGroups.Contains(tuteeYear))
        {
            return Error.Conflict("peer.tutee_year", $"This programme's tutees are in Year {string.Join(", ", _tuteeYearGroups)}.");
        }

        if (tutorYear < tuteeYear || (tutorYear == tuteeYear && !AllowSameAge))
        {
            return Error.Conflict("peer.tutor_not_older", "The tutor must be older than the tutee (or the same age where the programme allows it).");
        }

        return tutorLevel > tuteeLevel
            ? Result.Success()
            : Error.Conflict("peer.tutor_not_ahead", "The tutor must be ahead of the tutee in the subject.");
    }

    /// <summary>The credits earned by <paramref name="countedMinutes"/> of tutoring.</summary>
    public int CreditsFor(int countedMinutes) => countedMinutes / MinutesPerCredit;
}

public sealed record PeerProgrammeDetails(
    string Name,
    string Subject,
    IReadOnlyList<int> TutorYearGroups,
    IReadOnlyList<int> TuteeYearGroups,
    bool AllowSameAge,
    string RequiredTraining,
    Guid SupervisorId,
    int MaxTuteesPerTutor = PeerProgramme.DefaultMaxTuteesPerTutor,
    int MinutesPerCredit = PeerProgramme.DefaultMinutesPerCredit,
    bool OnlyAttendedSessionsCount = true);

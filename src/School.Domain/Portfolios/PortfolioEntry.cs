using School.Domain.Common;

namespace School.Domain.Portfolios;

/// <summary>What an entry records.</summary>
public enum PortfolioEntryKind
{
    /// <summary>A piece of work from a lesson or project.</summary>
    Work,
    /// <summary>Something achieved, inside or outside school; counts in the record of achievement once endorsed.</summary>
    Achievement,
    /// <summary>Learning and achievement outside school (clubs, music grades, volunteering).</summary>
    OutOfSchool,
    /// <summary>The pupil's personal challenge (written by the challenges feature, endorsed by the coach); in the record of achievement once endorsed.</summary>
    Challenge,
    /// <summary>A peer-tutoring credit (written by the peer learner programme, endorsed by the supervisor); in the record of achievement once endorsed.</summary>
    PeerTutoring,
    Other,
}

/// <summary>Who sees an entry besides the student and the staff who may see the student.</summary>
public enum PortfolioVisibility
{
    /// <summary>The student and staff who may see them.</summary>
    Private,
    /// <summary>Also the student's guardians.</summary>
    Family,
    /// <summary>Shared with the family and picked for the showcase the student presents at a parents' evening.</summary>
    Showcase,
}

/// <summary>A member of staff vouching for an entry: who, and when.</summary>
public sealed class Endorsement
{
    public const int NameMaxLength = 200;

    private Endorsement(Guid endorsedBy, string endorsedByName, DateTimeOffset endorsedAt)
    {
        EndorsedBy = endorsedBy;
        EndorsedByName = endorsedByName;
        EndorsedAt = endorsedAt;
    }

    /// <summary>The member of staff.</summary>
    public Guid EndorsedBy { get; private set; }

    /// <summary>Their name as it was shown when they endorsed (a later change of name does not rewrite history).</summary>
    public string EndorsedByName { get; private set; }

    public DateTimeOffset EndorsedAt { get; private set; }

    internal static Endorsement Create(Guid staffId, string staffName, DateTimeOffset at)
    {
        if (staffId == Guid.Empty)
        {
            throw new ArgumentException("An endorsement names the member of staff.", nameof(staffId));
        }

        return new Endorsement(staffId, Guard.Text(staffName, nameof(staffName), NameMaxLength), at);
    }
}

/// <summary>
/// One entry in a student's portfolio: a record of work or an achievement from inside or outside school, with the
/// student's reflection, evidence files (photos, audio, video, PDF, slides), who may see it, an optional staff
/// endorsement and, when it is in the showcase, its place there.
/// </summary>
public sealed class PortfolioEntry : Entity
{
    public const int TitleMaxLength = 200;
    public const int ReflectionMaxLength = 4000;
    public const int MaxSubjects = 10;
    public const int SubjectMaxLength = 100;
    public const int MaxEvidence = 20;

    private readonly List<PortfolioEvidence> _evidence = [];
    private List<string> _subjects = [];

    private PortfolioEntry(
        Guid id, Guid schoolId, Guid studentId, string title, string reflection, DateOnly date, PortfolioEntryKind kind, Guid createdBy, DateTimeOffset createdAt)
        : base(id)
    {
        SchoolId = schoolId;
        StudentId = studentId;
        Title = title;
        Reflection = reflection;
        Date = date;
        Kind = kind;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public Guid SchoolId { get; private set; }

    public Guid StudentId { get; private set; }

    public string Title { get; private set; }

    /// <summary>The student's reflection: what they did, what they learnt; may be empty.</summary>
    public string Reflection { get; private set; }

    /// <summary>When the work was done or the achievement happened.</summary>
    public DateOnly Date { get; private set; }

    public PortfolioEntryKind Kind { get; private set; }

    /// <summary>The subjects the entry relates to (none for much out-of-school learning).</summary>
    public IReadOnlyList<string> Subjects => _subjects;

    public PortfolioVisibility Visibility { get; private set; }

    /// <summary>The entry's place in the showcase (1 first); null when it is not in the showcase.</summary>
    public int? ShowcaseOrder { get; private set; }

    /// <summary>The person (student or member of staff) who wrote the entry.</summary>
    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Null until a member of staff endorses the entry.</summary>
    public Endorsement? Endorsement { get; private set; }

    public IReadOnlyCollection<PortfolioEvidence> Evidence => _evidence.AsReadOnly();

    /// <summary>Bumped on every change; clients send it back (If-Match) so a stale write is refused.</summary>
    public uint Version { get; private set; }

    public bool IsEndorsed => Endorsement is not null;

    /// <summary>
    /// Rule (record of achievement): achievements, personal challenges and peer-tutoring credits count towards the
    /// student's record of achievement once a member of staff has endorsed them (the challenge and peer-tutoring features
    /// write theirs endorsed by the coach or supervisor), so nobody can award themself a credit.
    /// </summary>
    public bool CountsTowardsRecordOfAchievement =>
        Kind is PortfolioEntryKind.Achievement or PortfolioEntryKind.Challenge or PortfolioEntryKind.PeerTutoring && IsEndorsed;

    /// <summary>
    /// A new entry. <paramref name="lastShowcasePosition"/> is the place of the last entry now in the student's
    /// showcase (0 when it is empty): an entry created straight into the showcase goes after it.
    /// </summary>
    public static PortfolioEntry Create(
        Guid id, Guid schoolId, Guid studentId, string title, string? reflection, DateOnly date, PortfolioEntryKind kind,
        IEnumerable<string>? subjects, PortfolioVisibility visibility, int lastShowcasePosition, Guid createdBy, DateTimeOffset createdAt)
    {
        var entry = new PortfolioEntry(
            id, schoolId, studentId, Guard.Text(title, nameof(title), TitleMaxLength), TidyReflection(reflection), date, RequireKnown(kind),
            createdBy, createdAt)
        {
            _subjects = TidySubjects(subjects),
        };
        entry.SetVisibility(visibility, lastShowcasePosition);
        return entry;
    }

    /// <summary>
    /// Rule: what was endorsed stays as it was endorsed. Once a member of staff has endorsed an entry its title,
    /// reflection, date and kind cannot change (409); who sees it and its subjects still can.
    /// </summary>
    public Result Update(
        string title, string? reflection, DateOnly date, PortfolioEntryKind kind, IEnumerable<string>? subjects, PortfolioVisibility visibility,
        int lastShowcasePosition)
    {
        var newTitle = Guard.Text(title, nameof(title), TitleMaxLength);
        var newReflection = TidyReflection(reflection);
        RequireKnown(kind);
        if (IsEndorsed && (newTitle != Title || newReflection != Reflection || date != Date || kind != Kind))
        {
            return PortfolioErrors.EndorsedEntryLocked;
        }

        Title = newTitle;
        Reflection = newReflection;
        Date = date;
        Kind = kind;
        _subjects = TidySubjects(subjects);
        SetVisibility(visibility, lastShowcasePosition);
        Version++;
        return Result.Success();
    }

    /// <summary>Rule: a member of staff endorses an entry once; a second endorsement is refused (409), the first stands.</summary>
    public Result Endorse(Guid staffId, string staffName, DateTimeOffset now)
    {
        if (Endorsement is { } existing)
        {
            return PortfolioErrors.AlreadyEndorsed(existing.EndorsedByName);
        }

        Endorsement = Endorsement.Create(staffId, staffName, now);
        Version++;
        return Result.Success();
    }

    /// <summary>Rule: an entry holds at most <see cref="MaxEvidence"/> evidence files.</summary>
    public Result<PortfolioEvidence> AddEvidence(
        Guid id, string fileName, string contentType, long sizeBytes, string sha256, string storagePath, DateTimeOffset uploadedAt, Guid uploadedBy)
    {
        if (_evidence.Count >= MaxEvidence)
        {
            return PortfolioErrors.TooMuchEvidence;
        }

        var evidence = PortfolioEvidence.Create(id, fileName, contentType, sizeBytes, sha256, storagePath, uploadedAt, uploadedBy);
        _evidence.Add(evidence);
        Version++;
        return evidence;
    }

    /// <summary>Puts the entry at <paramref name="position"/> in the showcase (see <see cref="PortfolioShowcase"/>).</summary>
    internal void PlaceInShowcase(int position)
    {
        if (Visibility == PortfolioVisibility.Showcase && ShowcaseOrder == position)
        {
            return;
        }

        Visibility = PortfolioVisibility.Showcase;
        ShowcaseOrder = position;
        Version++;
    }

    /// <summary>Takes the entry out of the showcase; the family, who saw it there, still see it.</summary>
    internal void LeaveShowcase()
    {
        if (Visibility != PortfolioVisibility.Showcase)
        {
            return;
        }

        Visibility = PortfolioVisibility.Family;
        ShowcaseOrder = null;
        Version++;
    }

    /// <summary>Rule: an entry that joins the showcase goes to its end; one that leaves it loses its place.</summary>
    private void SetVisibility(PortfolioVisibility visibility, int lastShowcasePosition)
    {
        if (!Enum.IsDefined(visibility))
        {
            throw new ArgumentOutOfRangeException(nameof(visibility), visibility, "Unknown visibility.");
        }

        if (visibility == PortfolioVisibility.Showcase)
        {
            if (Visibility != PortfolioVisibility.Showcase || ShowcaseOrder is null)
            {
                ShowcaseOrder = Math.Max(0, lastShowcasePosition) + 1;
            }
        }
        else
        {
            ShowcaseOrder = null;
        }

        Visibility = visibility;
    }

    private static PortfolioEntryKind RequireKnown(PortfolioEntryKind kind) =>
        Enum.IsDefined(kind) ? kind : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of entry.");

    private static string TidyReflection(string? reflection)
    {
        var tidy = reflection?.Trim() ?? string.Empty;
        return tidy.Length <= ReflectionMaxLength
            ? tidy
            : throw new ArgumentException($"At most {ReflectionMaxLength} characters.", nameof(reflection));
    }

    /// <summary>Subjects trimmed, each once (ignoring case), in the order given.</summary>
    private static List<string> TidySubjects(IEnumerable<string>? subjects)
    {
        var tidy = (subjects ?? [])
            .Select(s => Guard.Text(s, nameof(subjects), SubjectMaxLength))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return tidy.Count <= MaxSubjects
            ? tidy
            : throw new ArgumentException($"At most {MaxSubjects} subjects.", nameof(subjects));
    }
}

public static class PortfolioErrors
{
    public static readonly Error EndorsedEntryLocked = Error.Conflict(
        "portfolio.entry_endorsed",
        "This entry has been endorsed, so its title, reflection, date and kind stay as they were endorsed. Its visibility and subjects can still change.");

    public static readonly Error TooMuchEvidence = Error.Conflict(
        "portfolio.too_much_evidence", $"An entry holds at most {PortfolioEntry.MaxEvidence} evidence files.");

    public static Error AlreadyEndorsed(string by) =>
        Error.Conflict("portfolio.already_endorsed", $"This entry has already been endorsed by {by}; an entry is endorsed once.");

    public static Error NotInPortfolio(Guid entryId) =>
        Error.Validation("entryIds", $"There is no entry {entryId} in this student's portfolio.");

    public static readonly Error ShowcaseRepeats =
        Error.Validation("entryIds", "Each entry appears in the showcase once.");
}

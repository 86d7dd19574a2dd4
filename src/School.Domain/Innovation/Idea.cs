using School.Domain.Common;

namespace School.Domain.Innovation;

/// <summary>The seven Next Practice criteria an idea is assessed against.</summary>
public enum NextPracticeCriterion
{
    /// <summary>In advance of hard evidence.</summary>
    AheadOfEvidence,
    /// <summary>Not yet officially sanctioned.</summary>
    NotYetSanctioned,
    /// <summary>Designed knowing the limits of best practice.</summary>
    KnowsLimitsOfBestPractice,
    /// <summary>By able practitioners who know the evidence.</summary>
    AblePractitioners,
    /// <summary>Informed by scanning other sectors.</summary>
    ScansOtherSectors,
    /// <summary>Aimed at a serious contemporary problem.</summary>
    SeriousProblem,
    /// <summary>User focused.</summary>
    UserFocused,
}

public enum ChangeSize
{
    Minor,
    Major,
}

public enum DistanceFromPractice
{
    Near,
    Far,
}

/// <summary>A note from horizon scanning: a practice seen in another sector (health, banking, …).</summary>
public sealed record HorizonNote(string Sector, string Note);

/// <summary>
/// An idea generated in phase 1, assessed against the seven criteria (each scored 0–3; 2 or more meets it) and placed on
/// the innovation grid: minor or major change × near to or far from existing practice, from incremental to radical.
/// </summary>
public sealed class Idea : Entity
{
    public const int MaxScore = 3;
    public const int MeetsAt = 2;

    private List<int> _scores = [];
    private List<HorizonNote> _horizonNotes = [];

    private Idea(Guid id, Guid projectId, string title) : base(id)
    {
        ProjectId = projectId;
        Title = title;
    }

    public Guid ProjectId { get; private set; }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    /// <summary>One score per criterion, in <see cref="NextPracticeCriterion"/> order.</summary>
    public IReadOnlyList<int> Scores => _scores;

    public ChangeSize Change { get; private set; }

    public DistanceFromPractice Distance { get; private set; }

    public IReadOnlyList<HorizonNote> HorizonNotes => _horizonNotes;

    /// <summary>Where the idea sits on the innovation grid.</summary>
    public string GridQuadrant => (Change, Distance) switch
    {
        (ChangeSize.Minor, DistanceFromPractice.Near) => "Incremental",
        (ChangeSize.Major, DistanceFromPractice.Near) => "Significant",
        (ChangeSize.Minor, DistanceFromPractice.Far) => "Adventurous",
        _ => "Radical",
    };

    public int CriteriaMet => _scores.Count(s => s >= MeetsAt);

    public static Idea Create(Guid id, Guid projectId, string title, string? description, IReadOnlyList<int> scores, ChangeSize change, DistanceFromPractice distance)
    {
        var idea = new Idea(id, projectId, Guard.Text(title, nameof(title), 200));
        idea.Assess(description, scores, change, distance);
        return idea;
    }

    public void Assess(string? description, IReadOnlyList<int> scores, ChangeSize change, DistanceFromPractice distance)
    {
        if (scores.Count != InnovationProject.CriteriaCount || scores.Any(s => s is < 0 or > MaxScore))
        {
            throw new ArgumentException($"Seven scores, each 0–{MaxScore}.", nameof(scores));
        }

        Description = Guard.OptionalText(description, nameof(description), 4000);
        _scores = [.. scores];
        Change = change;
        Distance = distance;
    }

    public void AddHorizonNote(string sector, string note) =>
        _horizonNotes = [.. _horizonNotes, new HorizonNote(Guard.Text(sector, nameof(sector), 100), Guard.Text(note, nameof(note), 2000))];
}

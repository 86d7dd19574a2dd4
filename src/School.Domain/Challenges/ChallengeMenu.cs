using School.Domain.Common;

namespace School.Domain.Challenges;

public enum MenuStatus
{
    /// <summary>Being set up or taking choices; allocation can be previewed.</summary>
    Open,
    /// <summary>The allocation is published; allocating again needs the menu reopened first.</summary>
    Published,
}

/// <summary>
/// A school's menu of personal challenges for a year (about forty), open to some year groups (Years 7–9 by default),
/// with a choosing window (normally just before the summer half term) and an open day where teams show what they did.
/// </summary>
public sealed class ChallengeMenu : Entity
{
    public const int DefaultChoices = 5;
    public const int MaxChoices = 10;
    public const int MaxChallenges = 100;
    public static readonly IReadOnlyList<int> DefaultYearGroups = [7, 8, 9];

    private readonly List<Challenge> _challenges = [];
    private List<int> _yearGroups = [];

    private ChallengeMenu(Guid id, Guid schoolId, string name) : base(id)
    {
        SchoolId = schoolId;
        Name = name;
    }

    public Guid SchoolId { get; private set; }

    public string Name { get; private set; }

    public IReadOnlyList<int> YearGroups => _yearGroups;

    public DateTimeOffset OpensAt { get; private set; }

    public DateTimeOffset ClosesAt { get; private set; }

    /// <summary>How many distinct challenges each pupil ranks (fewer only when fewer are open to their year).</summary>
    public int ChoicesRequired { get; private set; }

    public DateOnly OpenDay { get; private set; }

    public MenuStatus Status { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<Challenge> Challenges => _challenges;

    public static ChallengeMenu Create(
        Guid id, Guid schoolId, string name, IEnumerable<int>? yearGroups, DateTimeOffset opensAt, DateTimeOffset closesAt, int choicesRequired, DateOnly openDay)
    {
        var menu = new ChallengeMenu(id, schoolId, Guard.Text(name, nameof(name), 200));
        menu.Change(name, yearGroups, opensAt, closesAt, choicesRequired, openDay);
        return menu;
    }

    public void Change(string name, IEnumerable<int>? yearGroups, DateTimeOffset opensAt, DateTimeOffset closesAt, int choicesRequired, DateOnly openDay)
    {
        if (closesAt <= opensAt)
        {
            throw new ArgumentException("A choosing window closes after it opens.", nameof(closesAt));
        }

        Name = Guard.Text(name, nameof(name), 200);
        var years = yearGroups?.Distinct().Order().ToList() ?? [];
        _yearGroups = years.Count == 0 ? [.. DefaultYearGroups] : years;
        OpensAt = opensAt;
        ClosesAt = closesAt;
        ChoicesRequired = Guard.InRange(choicesRequired, 1, MaxChoices, nameof(choicesRequired));
        OpenDay = openDay;
        Version++;
    }

    public bool IsOpenTo(int yearGroup) => _yearGroups.Contains(yearGroup);

    public bool IsChoosingOpen(DateTimeOffset now) => Status == MenuStatus.Open && now >= OpensAt && now < ClosesAt;

    /// <summary>The challenges a pupil of <paramref name="yearGroup"/> may choose from.</summary>
    public IEnumerable<Challenge> OpenTo(int yearGroup) => IsOpenTo(yearGroup) ? _challenges.Where(c => c.IsOpenTo(yearGroup)) : [];

    /// <summary>How many choices a pupil of <paramref name="yearGroup"/> must rank: the menu's number, or all open to them when fewer.</summary>
    public int ChoicesFor(int yearGroup) => Math.Min(ChoicesRequired, OpenTo(yearGroup).Count());

    public Result<Challenge> AddChallenge(Guid id, ChallengeDetails details)
    {
        if (Status == MenuStatus.Published)
        {
            return ChallengeErrors.Published;
        }

        if (_challenges.Count >= MaxChallenges)
        {
            return Error.Conflict("challenges.menu_full", $"A menu holds at most {MaxChallenges} challenges.");
        }

        var challenge = Challenge.Create(id, Id, details);
        _challenges.Add(challenge);
        Version++;
        return challenge;
    }

    /// <summary>Rule: a published allocation stands until the menu is reopened; allocating it again is a conflict.</summary>
    public Result Publish(DateTimeOffset now)
    {
        if (Status == MenuStatus.Published)
        {
            return ChallengeErrors.Published;
        }

        Status = MenuStatus.Published;
        PublishedAt = now;
        Version++;
        return Result.Success();
    }

    public Result Reopen()
    {
        if (Status != MenuStatus.Published)
        {
            return Error.Conflict("challenges.not_published", "The menu's allocation has not been published.");
        }

        Status = MenuStatus.Open;
        PublishedAt = null;
        Version++;
        return Result.Success();
    }
}

/// <summary>What an admin says about a challenge.</summary>
public sealed record ChallengeDetails(
    string Title,
    string? Description,
    int TeamMin,
    int TeamMax,
    int Capacity,
    IReadOnlyList<Guid> CoachIds,
    string? CommunityPartner,
    bool NeedsGuardianConsent,
    IReadOnlyList<int>? YearGroups);

/// <summary>One challenge on a menu: a team activity with coaches, a capacity and team sizes.</summary>
public sealed class Challenge : Entity
{
    private List<Guid> _coachIds = [];
    private List<int> _yearGroups = [];

    private Challenge(Guid id, Guid menuId, string title) : base(id)
    {
        MenuId = menuId;
        Title = title;
    }

    public Guid MenuId { get; private set; }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    public int TeamMin { get; private set; }

    public int TeamMax { get; private set; }

    public int Capacity { get; private set; }

    public IReadOnlyList<Guid> CoachIds => _coachIds;

    public string? CommunityPartner { get; private set; }

    public bool NeedsGuardianConsent { get; private set; }

    /// <summary>Year groups it is open to; empty means every year of the menu.</summary>
    public IReadOnlyList<int> YearGroups => _yearGroups;

    public bool IsOpenTo(int yearGroup) => _yearGroups.Count == 0 || _yearGroups.Contains(yearGroup);

    internal static Challenge Create(Guid id, Guid menuId, ChallengeDetails details)
    {
        var challenge = new Challenge(id, menuId, Guard.Text(details.Title, nameof(details.Title), 200));
        challenge.Apply(details);
        return challenge;
    }

    private void Apply(ChallengeDetails details)
    {
        if (details.TeamMin < 1 || details.TeamMax < details.TeamMin || details.Capacity < 0)
        {
            throw new ArgumentException("Team sizes are 1 ≤ min ≤ max and capacity is not negative.", nameof(details));
        }

        Title = Guard.Text(details.Title, nameof(details.Title), 200);
        Description = Guard.OptionalText(details.Description, nameof(details.Description), 2000);
        TeamMin = details.TeamMin;
        TeamMax = details.TeamMax;
        Capacity = details.Capacity;
        _coachIds = details.CoachIds.Distinct().ToList();
        CommunityPartner = Guard.OptionalText(details.CommunityPartner, nameof(details.CommunityPartner), 200);
        NeedsGuardianConsent = details.NeedsGuardianConsent;
        _yearGroups = details.YearGroups?.Distinct().Order().ToList() ?? [];
    }
}

public static class ChallengeErrors
{
    public static readonly Error Published =
        Error.Conflict("challenges.published", "The menu's allocation is published; reopen the menu before changing or allocating it again.");

    public static readonly Error WindowClosed =
        Error.Conflict("challenges.window_closed", "Choices can be made only while the menu's choosing window is open.");

    public static Error NotOpenToYear(int yearGroup) =>
        Error.Validation("challengeIds", $"Each challenge must be open to Year {yearGroup}.");
}

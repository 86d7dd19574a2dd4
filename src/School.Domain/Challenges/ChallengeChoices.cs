using School.Domain.Common;

namespace School.Domain.Challenges;

/// <summary>A pupil's ranked challenges on a menu, best first (one per pupil per menu).</summary>
public sealed class ChallengePreference : Entity
{
    private List<Guid> _rankedChallengeIds = [];

    private ChallengePreference(Guid id, Guid menuId, Guid studentId) : base(id)
    {
        MenuId = menuId;
        StudentId = studentId;
    }

    public Guid MenuId { get; private set; }

    public Guid StudentId { get; private set; }

    public IReadOnlyList<Guid> RankedChallengeIds => _rankedChallengeIds;

    public DateTimeOffset SubmittedAt { get; private set; }

    public uint Version { get; private set; }

    public static ChallengePreference Create(Guid id, Guid menuId, Guid studentId) => new(id, menuId, studentId);

    /// <summary>
    /// Rules: only while the window is open (409); exactly as many distinct choices as the menu asks of the pupil's year,
    /// each open to that year (400).
    /// </summary>
    public Result Submit(ChallengeMenu menu, int yearGroup, IReadOnlyList<Guid> ranked, DateTimeOffset now)
    {
        if (menu.Status == MenuStatus.Published)
        {
            return ChallengeErrors.Published;
        }

        if (!menu.IsChoosingOpen(now))
        {
            return ChallengeErrors.WindowClosed;
        }

        var required = menu.ChoicesFor(yearGroup);
        if (ranked.Count != required)
        {
            return Error.Validation("challengeIds", $"Rank exactly {required} different challenges.");
        }

        if (ranked.Distinct().Count() != ranked.Count)
        {
            return Error.Validation("challengeIds", "Each challenge can be ranked once.");
        }

        var open = menu.OpenTo(yearGroup).Select(c => c.Id).ToHashSet();
        if (!ranked.All(open.Contains))
        {
            return ChallengeErrors.NotOpenToYear(yearGroup);
        }

        _rankedChallengeIds = [.. ranked];
        SubmittedAt = now;
        Version++;
        return Result.Success();
    }
}

/// <summary>Where a pupil was placed when the menu's allocation was published, and in which team.</summary>
public sealed class ChallengePlacement : Entity
{
    private ChallengePlacement(Guid id, Guid menuId, Guid studentId, Guid challengeId, int? rank, string reason) : base(id)
    {
        MenuId = menuId;
        StudentId = studentId;
        ChallengeId = challengeId;
        Rank = rank;
        Reason = reason;
    }

    public Guid MenuId { get; private set; }

    public Guid StudentId { get; private set; }

    public Guid ChallengeId { get; private set; }

    /// <summary>The rank the challenge had on the pupil's list (1 = first choice); null when they had not chosen it.</summary>
    public int? Rank { get; private set; }

    public string Reason { get; private set; }

    public Guid? TeamId { get; private set; }

    public static ChallengePlacement Create(Guid id, Guid menuId, Guid studentId, Guid challengeId, int? rank, string reason) =>
        new(id, menuId, studentId, challengeId, rank, Guard.Text(reason, nameof(reason), 300));

    public void JoinTeam(Guid teamId) => TeamId = teamId;
}

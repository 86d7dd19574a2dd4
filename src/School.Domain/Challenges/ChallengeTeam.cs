using School.Domain.Common;

namespace School.Domain.Challenges;

/// <summary>One of a team's milestones on the way to the open day.</summary>
public sealed record Milestone(string Name, DateOnly DueOn, DateOnly? DoneOn);

/// <summary>
/// A team inside a challenge, coached by the challenge's coaches: members, milestones (plan, prepare, open day), a
/// showcase slot at the open day and, at the end, the outcome that goes into each member's portfolio.
/// </summary>
public sealed class ChallengeTeam : Entity
{
    public static readonly IReadOnlyList<string> MilestoneNames = ["Plan", "Prepare", "Open day"];

    private List<Guid> _memberIds = [];
    private List<Milestone> _milestones = [];

    private ChallengeTeam(Guid id, Guid menuId, Guid challengeId, string name) : base(id)
    {
        MenuId = menuId;
        ChallengeId = challengeId;
        Name = name;
    }

    public Guid MenuId { get; private set; }

    public Guid ChallengeId { get; private set; }

    public string Name { get; private set; }

    public IReadOnlyList<Guid> MemberIds => _memberIds;

    public IReadOnlyList<Milestone> Milestones => _milestones;

    /// <summary>The team's slot to show its work at the open day.</summary>
    public DateTimeOffset? ShowcaseAt { get; private set; }

    public string? Outcome { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public uint Version { get; private set; }

    public static ChallengeTeam Form(Guid id, Guid menuId, Guid challengeId, string name, IEnumerable<Guid> members, DateOnly planBy, DateOnly prepareBy, DateOnly openDay, DateTimeOffset showcaseAt) =>
        new(id, menuId, challengeId, Guard.Text(name, nameof(name), 200))
        {
            _memberIds = members.ToList(),
            _milestones = [new("Plan", planBy, null), new("Prepare", prepareBy, null), new("Open day", openDay, null)],
            ShowcaseAt = showcaseAt,
        };

    public Result CompleteMilestone(string name, DateOnly on)
    {
        var index = _milestones.FindIndex(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return Error.Validation("milestone", $"A milestone is one of: {string.Join(", ", MilestoneNames)}.");
        }

        _milestones[index] = _milestones[index] with { DoneOn = _milestones[index].DoneOn ?? on };
        _milestones = [.. _milestones];
        Version++;
        return Result.Success();
    }

    /// <summary>Rule: a team completes its challenge once, with an outcome.</summary>
    public Result Complete(string outcome, DateTimeOffset at)
    {
        if (CompletedAt is not null)
        {
            return Error.Conflict("challenges.team_completed", "The team has already completed its challenge.");
        }

        Outcome = Guard.Text(outcome, nameof(outcome), 2000);
        CompletedAt = at;
        Version++;
        return Result.Success();
    }

    /// <summary>
    /// Splits the pupils placed in a challenge into teams of the challenge's size, mixing year groups: as few teams as
    /// the maximum size allows (never a team above the maximum), sizes differing by at most one, and pupils dealt round
    /// the teams in year order so each team gets a spread of years. When no split meets the minimum as well (seven pupils
    /// in teams of exactly four), the smaller teams fall short of it and the coach decides.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<Guid>> Split(IReadOnlyList<(Guid StudentId, int YearGroup)> members, int teamMin, int teamMax)
    {
        if (members.Count == 0)
        {
            return [];
        }

        var teams = (int)Math.Ceiling(members.Count / (double)teamMax);

        var split = Enumerable.Range(0, teams).Select(_ => new List<Guid>()).ToList();
        var ordered = members.OrderBy(m => m.YearGroup).ThenBy(m => m.StudentId).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            split[i % teams].Add(ordered[i].StudentId);
        }

        return split;
    }
}

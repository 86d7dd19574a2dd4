namespace School.Domain.LearningPlans;

public enum TargetArea
{
    Attendance,
    Behaviour,
    Homework,
    Subject,
    Personal,
}

/// <summary>One rung of a target's visible ladder of progress.</summary>
public sealed record Rung(int Level, string Description);

/// <summary>A target with its measure, due date and ladder; <see cref="CurrentRung"/> is the rung reached now.</summary>
public sealed record Target(
    Guid Id, TargetArea Area, string? Subject, string Description, string Measure, DateOnly DueDate, IReadOnlyList<Rung> Ladder, int CurrentRung)
{
    public bool HasRung(int level) => Ladder.Any(r => r.Level == level);
}

/// <summary>The pupil's own view of life beyond school: free text and 1–5 on a few aspects.</summary>
public sealed record SelfAssessment(string? Text, int Home, int Friends, int Health, int Confidence, int EnjoymentOfLearning)
{
    public const int Min = 1;
    public const int Max = 5;

    public IEnumerable<int> Scores => [Home, Friends, Health, Confidence, EnjoymentOfLearning];
}

/// <summary>What a plan says: targets, option choices, out-of-hours activities, the personal challenge and the pupil's own assessment.</summary>
public sealed record PlanContent(
    IReadOnlyList<Target> Targets,
    IReadOnlyList<string> OptionChoices,
    IReadOnlyList<string> Activities,
    string? PersonalChallenge,
    SelfAssessment? SelfAssessment)
{
    public static PlanContent Empty { get; } = new([], [], [], null, null);

    /// <summary>What changed from <paramref name="before"/> to this content, in words a tutor or parent can read.</summary>
    public IReadOnlyList<string> ChangesFrom(PlanContent before)
    {
        var changes = new List<string>();
        var old = before.Targets.ToDictionary(t => t.Id);
        foreach (var target in Targets)
        {
            if (!old.TryGetValue(target.Id, out var was))
            {
                changes.Add($"Added target '{target.Description}'.");
            }
            else if (was.CurrentRung != target.CurrentRung && Same(was with { CurrentRung = target.CurrentRung }, target))
            {
                changes.Add($"'{target.Description}' moved from rung {was.CurrentRung} to rung {target.CurrentRung}.");
            }
            else if (!Same(was, target))
            {
                changes.Add($"Changed target '{target.Description}'.");
            }
        }

        changes.AddRange(before.Targets.Where(t => Targets.All(n => n.Id != t.Id)).Select(t => $"Removed target '{t.Description}'."));
        if (!OptionChoices.SequenceEqual(before.OptionChoices))
        {
            changes.Add("Changed option choices.");
        }

        if (!Activities.SequenceEqual(before.Activities))
        {
            changes.Add("Changed out-of-hours activities.");
        }

        if (PersonalChallenge != before.PersonalChallenge)
        {
            changes.Add("Changed the personal challenge.");
        }

        if (SelfAssessment != before.SelfAssessment)
        {
            changes.Add("Changed the pupil's own assessment.");
        }

        return changes;
    }

    private static bool Same(Target a, Target b) =>
        a with { Ladder = [] } == b with { Ladder = [] } && a.Ladder.SequenceEqual(b.Ladder);
}

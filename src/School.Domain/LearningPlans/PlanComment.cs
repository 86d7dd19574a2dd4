using School.Domain.Common;

namespace School.Domain.LearningPlans;

/// <summary>
/// A comment on a learning plan (from a guardian, the mentor, the tutor…): who, when and what. Each is its own record
/// beside the plan, so adding one never rewrites the plan or changes its revision. Made by <see cref="LearningPlan.Comment"/>.
/// </summary>
public sealed class PlanComment : Entity
{
    public const int MaxTextLength = LearningPlan.MaxCommentLength;
    public const int NameMaxLength = 250;

    private PlanComment(Guid id, Guid planId, Guid personId, string name, string text, DateTimeOffset at) : base(id)
    {
        PlanId = planId;
        PersonId = personId;
        Name = name;
        Text = text;
        At = at;
    }

    /// <summary>The plan commented on.</summary>
    public Guid PlanId { get; private set; }

    /// <summary>Who wrote it.</summary>
    public Guid PersonId { get; private set; }

    /// <summary>Their name when they wrote it.</summary>
    public string Name { get; private set; }

    public string Text { get; private set; }

    public DateTimeOffset At { get; private set; }

    internal static PlanComment Create(Guid id, Guid planId, PlanActor by, string text, DateTimeOffset at) =>
        new(id, planId, by.PersonId, Guard.Text(by.Name, nameof(by), NameMaxLength), Guard.Text(text, nameof(text), MaxTextLength), at);
}

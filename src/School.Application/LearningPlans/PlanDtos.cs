using School.Domain.LearningPlans;

namespace School.Application.LearningPlans;

/// <summary>
/// A plan as the caller may see it. A teacher sees only the targets of the subjects they teach. Comments are not in it
/// (they would make every read and write of the plan grow without end): <see cref="CommentCount"/> says how many there
/// are, and <c>GET …/learning-plan/comments</c> pages them.
/// </summary>
public sealed record LearningPlanDto(
    Guid Id,
    Guid StudentId,
    string AcademicYear,
    PlanStatus Status,
    int Version,
    PlanContent Content,
    IReadOnlyList<PlanAgreement> Agreements,
    int CommentCount,
    IReadOnlyList<PlanReview> Reviews,
    uint Revision,
    bool SubjectTargetsOnly,
    PlanChallengeDto? ChallengeRecord = null);

/// <summary>A comment on the plan: who wrote it, their name then, what and when.</summary>
public sealed record PlanCommentDto(Guid Id, Guid PersonId, string Name, string Text, DateTimeOffset At)
{
    public static readonly System.Linq.Expressions.Expression<Func<PlanComment, PlanCommentDto>> Projection =
        c => new PlanCommentDto(c.Id, c.PersonId, c.Name, c.Text, c.At);
}

/// <summary>The plan's challenge line as the school recorded it: the challenge the pupil was placed in, their team and its outcome.</summary>
public sealed record PlanChallengeDto(string Menu, string Challenge, string? Team, string? Outcome, DateTimeOffset? CompletedAt);

public sealed record PlanVersionDto(
    int Number, bool Agreed, DateTimeOffset? AgreedAt, IReadOnlyList<PlanAgreement> Agreements, IReadOnlyList<PlanChange> Changes, PlanContent Content);

public sealed record PlanHistoryDto(Guid PlanId, Guid StudentId, string AcademicYear, IReadOnlyList<PlanVersionDto> Versions);

/// <summary>The content of a plan as sent by an editor.</summary>
public sealed record PlanContentInput(
    IReadOnlyList<TargetInput>? Targets,
    IReadOnlyList<string>? OptionChoices,
    IReadOnlyList<string>? Activities,
    string? PersonalChallenge,
    SelfAssessment? SelfAssessment)
{
    /// <summary>New targets get an id; existing ones keep theirs so that history can follow them.</summary>
    public PlanContent ToContent() => new(
        (Targets ?? []).Select(t => new Target(
            t.Id ?? Guid.CreateVersion7(), t.Area, t.Subject?.Trim(), t.Description.Trim(), t.Measure.Trim(), t.DueDate,
            (t.Ladder ?? []).OrderBy(r => r.Level).Select(r => r with { Description = r.Description.Trim() }).ToList(), t.CurrentRung)).ToList(),
        (OptionChoices ?? []).Select(o => o.Trim()).ToList(),
        (Activities ?? []).Select(a => a.Trim()).ToList(),
        string.IsNullOrWhiteSpace(PersonalChallenge) ? null : PersonalChallenge.Trim(),
        SelfAssessment);
}

public sealed record TargetInput(
    Guid? Id, TargetArea Area, string? Subject, string Description, string Measure, DateOnly DueDate, IReadOnlyList<Rung>? Ladder, int CurrentRung);

using School.Domain.Common;

namespace School.Domain.LearningPlans;

public enum PlanStatus
{
    /// <summary>Being written by the student and their tutor.</summary>
    Draft,
    /// <summary>Put forward for agreement; any change sends it back to draft.</summary>
    Proposed,
    /// <summary>The student, a guardian with parental responsibility and the personal tutor agreed this version.</summary>
    Agreed,
}

/// <summary>The three parties whose agreement makes a plan agreed.</summary>
public enum PlanParty
{
    Student,
    Guardian,
    PersonalTutor,
}

/// <summary>Who did something to a plan, and when.</summary>
public sealed record PlanActor(Guid PersonId, string Name);

public sealed record PlanAgreement(PlanParty Party, Guid PersonId, string Name, DateTimeOffset AgreedAt);

/// <summary>One change to a version: who, when, and what changed in words.</summary>
public sealed record PlanChange(Guid PersonId, string Name, DateTimeOffset At, IReadOnlyList<string> Summary);

/// <summary>A version of the plan: its content, every change made while it was open, and who agreed it.</summary>
public sealed record PlanVersion(
    int Number, PlanContent Content, IReadOnlyList<PlanChange> Changes, IReadOnlyList<PlanAgreement> Agreements, DateTimeOffset? AgreedAt);

/// <summary>A review day (Pensnett): 15 minutes with the student, then 15 with student and guardians, setting targets together.</summary>
public sealed record PlanReview(
    DateOnly Date, int StudentMinutes, int FamilyMinutes, IReadOnlyList<string> Attended, string? Notes, IReadOnlyList<string> TargetsSet,
    Guid RecordedBy, DateTimeOffset RecordedAt);

/// <summary>
/// A student's personal learning plan for one academic year. It is drafted by the student and tutor, proposed, and
/// agreed once the student, a guardian with parental responsibility and the personal tutor have each agreed that
/// version. Changing an agreed plan opens a new version needing agreement again; earlier versions are never lost.
/// </summary>
public sealed class LearningPlan : Entity
{
    public const int MaxCommentLength = 2000;

    private List<PlanVersion> _versions = [];
    private List<PlanReview> _reviews = [];

    private LearningPlan(Guid id, Guid schoolId, Guid studentId, string academicYear) : base(id)
    {
        SchoolId = schoolId;
        StudentId = studentId;
        AcademicYear = academicYear;
    }

    public Guid SchoolId { get; private set; }

    public Guid StudentId { get; private set; }

    /// <summary>e.g. "2026/27": one plan per student per academic year.</summary>
    public string AcademicYear { get; private set; }

    public PlanStatus Status { get; private set; }

    public IReadOnlyList<PlanVersion> Versions => _versions;

    public IReadOnlyList<PlanReview> Reviews => _reviews;

    /// <summary>Bumped on every change; travels as the ETag so two editors never silently overwrite each other.</summary>
    public uint Revision { get; private set; }

    public PlanVersion Current => _versions[^1];

    public PlanContent Content => Current.Content;

    public static LearningPlan Create(Guid id, Guid schoolId, Guid studentId, string academicYear, PlanContent content, PlanActor by, DateTimeOffset now)
    {
        var plan = new LearningPlan(id, schoolId, studentId, Guard.Text(academicYear, nameof(academicYear), 20));
        plan._versions.Add(new PlanVersion(1, content, [new PlanChange(by.PersonId, by.Name, now, ["Plan started."])], [], null));
        return plan;
    }

    /// <summary>Rule: a change to an agreed plan opens a new version; a change to a proposed one withdraws it to draft.</summary>
    public Result Edit(PlanContent content, PlanActor by, DateTimeOffset now)
    {
        var changes = content.ChangesFrom(Content);
        if (changes.Count == 0)
        {
            return Result.Success();
        }

        var change = new PlanChange(by.PersonId, by.Name, now, changes);
        if (Status == PlanStatus.Agreed)
        {
            _versions = [.. _versions, new PlanVersion(Current.Number + 1, content, [change], [], null)];
        }
        else
        {
            // Agreements given to a proposal no longer hold once it changes.
            ReplaceCurrent(Current with { Content = content, Changes = [.. Current.Changes, change], Agreements = [] });
        }

        Status = PlanStatus.Draft;
        Revision++;
        return Result.Success();
    }

    public Result Propose(PlanActor by, DateTimeOffset now)
    {
        if (Status != PlanStatus.Draft)
        {
            return Error.Conflict("plan.not_draft", $"Only a draft can be proposed; this plan is {Status.ToString().ToLowerInvariant()}.");
        }

        Status = PlanStatus.Proposed;
        ReplaceCurrent(Current with { Changes = [.. Current.Changes, new PlanChange(by.PersonId, by.Name, now, ["Proposed for agreement."])] });
        Revision++;
        return Result.Success();
    }

    /// <summary>Rule: each party agrees the proposed version; with all three it is agreed.</summary>
    public Result Agree(PlanParty party, PlanActor by, DateTimeOffset now)
    {
        if (Status != PlanStatus.Proposed)
        {
            return Error.Conflict("plan.not_proposed", "Only a proposed plan can be agreed.");
        }

        if (Current.Agreements.Any(a => a.PersonId == by.PersonId))
        {
            return Error.Conflict("plan.already_agreed", "You have already agreed this version.");
        }

        var agreements = Current.Agreements.Append(new PlanAgreement(party, by.PersonId, by.Name, now)).ToList();
        var complete = Enum.GetValues<PlanParty>().All(p => agreements.Any(a => a.Party == p));
        ReplaceCurrent(Current with { Agreements = agreements, AgreedAt = complete ? now : null });
        if (complete)
        {
            Status = PlanStatus.Agreed;
        }

        Revision++;
        return Result.Success();
    }

    /// <summary>
    /// Rule: a comment is added beside the plan, never into it. It changes neither the content nor the revision, so any
    /// number of people comment at once without an If-Match and without refusing each other or an editor.
    /// </summary>
    public PlanComment Comment(Guid id, PlanActor by, string text, DateTimeOffset now) => PlanComment.Create(id, Id, by, text, now);

    public void RecordReview(PlanReview review)
    {
        _reviews = [.. _reviews, review];
        Revision++;
    }

    private void ReplaceCurrent(PlanVersion version) => _versions = [.. _versions.SkipLast(1), version];
}

using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Common;
using School.Domain.LearningPlans;

namespace School.Application.LearningPlans;

/// <summary>The student or their tutor starts the plan for an academic year (one per student per year).</summary>
public sealed record CreateLearningPlanCommand(Guid StudentId, string AcademicYear, PlanContentInput Content) : ICommand<Result<LearningPlanDto>>;

public sealed class CreateLearningPlanCommandValidator : AbstractValidator<CreateLearningPlanCommand>
{
    public CreateLearningPlanCommandValidator()
    {
        RuleFor(c => c.AcademicYear).NotEmpty().Matches(@"^\d{4}/\d{2}$").WithMessage("An academic year is written like 2026/27.");
        RuleFor(c => c.Content).NotNull().SetValidator(new PlanContentInputValidator());
    }
}

internal sealed class CreateLearningPlanCommandHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<CreateLearningPlanCommand, Result<LearningPlanDto>>
{
    public async ValueTask<Result<LearningPlanDto>> Handle(CreateLearningPlanCommand command, CancellationToken cancellationToken)
    {
        var view = await PlanEditing.RequireEditorAsync(access, user, db, command.StudentId, cancellationToken);
        if (!view.IsSuccess)
        {
            return view.Error!;
        }

        var schoolId = await db.Students.Where(s => s.Id == command.StudentId).Select(s => s.SchoolId).SingleAsync(cancellationToken);
        var plan = LearningPlan.Create(
            Ids.New(time), schoolId, command.StudentId, command.AcademicYear, command.Content.ToContent(),
            await db.ActorAsync(user, cancellationToken), time.GetUtcNow());
        db.LearningPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return await plan.ToDtoAsync(db, view.Value, cancellationToken);
    }
}

/// <summary>The student or their tutor changes the plan. An agreed plan gets a new version needing agreement again.</summary>
public sealed record UpdateLearningPlanCommand(Guid StudentId, uint ExpectedRevision, PlanContentInput Content) : ICommand<Result<LearningPlanDto>>;

public sealed class UpdateLearningPlanCommandValidator : AbstractValidator<UpdateLearningPlanCommand>
{
    public UpdateLearningPlanCommandValidator() => RuleFor(c => c.Content).NotNull().SetValidator(new PlanContentInputValidator());
}

internal sealed class UpdateLearningPlanCommandHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<UpdateLearningPlanCommand, Result<LearningPlanDto>>
{
    public async ValueTask<Result<LearningPlanDto>> Handle(UpdateLearningPlanCommand command, CancellationToken cancellationToken)
    {
        var open = await PlanEditing.OpenForChangeAsync(access, user, db, command.StudentId, command.ExpectedRevision, cancellationToken);
        if (!open.IsSuccess)
        {
            return open.Error!;
        }

        var (view, plan) = open.Value;

        plan.Edit(command.Content.ToContent(), await db.ActorAsync(user, cancellationToken), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await plan.ToDtoAsync(db, view, cancellationToken);
    }
}

/// <summary>The student or their tutor puts the draft forward for agreement.</summary>
public sealed record ProposeLearningPlanCommand(Guid StudentId, uint ExpectedRevision) : ICommand<Result<LearningPlanDto>>;

internal sealed class ProposeLearningPlanCommandHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<ProposeLearningPlanCommand, Result<LearningPlanDto>>
{
    public async ValueTask<Result<LearningPlanDto>> Handle(ProposeLearningPlanCommand command, CancellationToken cancellationToken)
    {
        var open = await PlanEditing.OpenForChangeAsync(access, user, db, command.StudentId, command.ExpectedRevision, cancellationToken);
        if (!open.IsSuccess)
        {
            return open.Error!;
        }

        var (view, plan) = open.Value;

        var proposed = plan.Propose(await db.ActorAsync(user, cancellationToken), time.GetUtcNow());
        if (!proposed.IsSuccess)
        {
            return proposed.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await plan.ToDtoAsync(db, view, cancellationToken);
    }
}

/// <summary>The student, a guardian with parental responsibility or the personal tutor agrees the proposed version.</summary>
public sealed record AgreeLearningPlanCommand(Guid StudentId, uint ExpectedRevision) : ICommand<Result<LearningPlanDto>>;

internal sealed class AgreeLearningPlanCommandHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<AgreeLearningPlanCommand, Result<LearningPlanDto>>
{
    public async ValueTask<Result<LearningPlanDto>> Handle(AgreeLearningPlanCommand command, CancellationToken cancellationToken)
    {
        var view = await access.ViewAsync(user, db, command.StudentId, cancellationToken);
        if (!view.IsSuccess)
        {
            return view.Error!;
        }

        var party = await db.PartyAsync(user, command.StudentId, cancellationToken);
        if (!party.IsSuccess)
        {
            return party.Error!;
        }

        var plan = await PlanEditing.LoadAtRevisionAsync(db, command.StudentId, command.ExpectedRevision, cancellationToken);
        if (!plan.IsSuccess)
        {
            return plan.Error!;
        }

        var agreed = plan.Value.Agree(party.Value, await db.ActorAsync(user, cancellationToken), time.GetUtcNow());
        if (!agreed.IsSuccess)
        {
            return agreed.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await plan.Value.ToDtoAsync(db, view.Value, cancellationToken);
    }
}

/// <summary>
/// Anyone who reads the whole plan (a guardian, the mentor…) adds a comment. A comment is its own record: it never
/// changes the plan or its revision, so it needs no If-Match and any number may be added at once.
/// </summary>
public sealed record CommentOnLearningPlanCommand(Guid StudentId, string Text) : ICommand<Result<PlanCommentDto>>;

public sealed class CommentOnLearningPlanCommandValidator : AbstractValidator<CommentOnLearningPlanCommand>
{
    public CommentOnLearningPlanCommandValidator() => RuleFor(c => c.Text).NotEmpty().MaximumLength(LearningPlan.MaxCommentLength);
}

internal sealed class CommentOnLearningPlanCommandHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<CommentOnLearningPlanCommand, Result<PlanCommentDto>>
{
    public async ValueTask<Result<PlanCommentDto>> Handle(CommentOnLearningPlanCommand command, CancellationToken cancellationToken)
    {
        var view = await access.ViewAsync(user, db, command.StudentId, cancellationToken);
        if (!view.IsSuccess)
        {
            return view.Error!;
        }

        if (view.Value.TeacherSubjects is not null)
        {
            return Error.Forbidden("Teachers read the targets of their subject; comments are for those who read the whole plan.");
        }

        var plan = await db.LatestPlanAsync(command.StudentId, track: false, cancellationToken);
        if (plan is null)
        {
            return Error.NotFound("Learning plan");
        }

        var comment = plan.Comment(Ids.New(time), await db.ActorAsync(user, cancellationToken), command.Text, time.GetUtcNow());
        db.PlanComments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        return new PlanCommentDto(comment.Id, comment.PersonId, comment.Name, comment.Text, comment.At);
    }
}

/// <summary>The personal tutor records a review day: minutes with the student and with the family, who came, targets set.</summary>
public sealed record RecordReviewCommand(
    Guid StudentId, DateOnly Date, int StudentMinutes, int FamilyMinutes, IReadOnlyList<string>? Attended, string? Notes, IReadOnlyList<string>? TargetsSet)
    : ICommand<Result<LearningPlanDto>>;

public sealed class RecordReviewCommandValidator : AbstractValidator<RecordReviewCommand>
{
    public RecordReviewCommandValidator()
    {
        RuleFor(c => c.Date).Must(ValidationRules.IsPlausibleSchoolDate).WithMessage(ValidationRules.PlausibleDateMessage);
        RuleFor(c => c.StudentMinutes).InclusiveBetween(0, 240);
        RuleFor(c => c.FamilyMinutes).InclusiveBetween(0, 240);
        RuleFor(c => c.Attended).Must(a => a is null || a.Count <= 10).WithMessage("At most 10 people.");
        RuleForEach(c => c.Attended).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Notes).MaximumLength(4000);
        RuleFor(c => c.TargetsSet).Must(a => a is null || a.Count <= 30).WithMessage("At most 30 targets.");
        RuleForEach(c => c.TargetsSet).NotEmpty().MaximumLength(500);
    }
}

internal sealed class RecordReviewCommandHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<RecordReviewCommand, Result<LearningPlanDto>>
{
    public async ValueTask<Result<LearningPlanDto>> Handle(RecordReviewCommand command, CancellationToken cancellationToken)
    {
        var view = await access.ViewAsync(user, db, command.StudentId, cancellationToken);
        if (!view.IsSuccess)
        {
            return view.Error!;
        }

        var party = await db.PartyAsync(user, command.StudentId, cancellationToken);
        if (!party.IsSuccess || party.Value != PlanParty.PersonalTutor)
        {
            return Error.Forbidden("The student's personal tutor records review days.");
        }

        var plan = await db.LatestPlanAsync(command.StudentId, track: true, cancellationToken);
        if (plan is null)
        {
            return Error.NotFound("Learning plan");
        }

        plan.RecordReview(new PlanReview(
            command.Date, command.StudentMinutes, command.FamilyMinutes, command.Attended ?? [], command.Notes, command.TargetsSet ?? [],
            user.PersonId, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return await plan.ToDtoAsync(db, view.Value, cancellationToken);
    }
}

internal static class PlanEditing
{
    /// <summary>Editors are the student and their personal tutor; others who may read get 403, the rest 404.</summary>
    public static async Task<Result<PlanView>> RequireEditorAsync(
        StudentAccess access, ICurrentUser user, IApplicationDbContext db, Guid studentId, CancellationToken ct)
    {
        var view = await access.ViewAsync(user, db, studentId, ct);
        if (!view.IsSuccess)
        {
            return view.Error!;
        }

        return view.Value.CanEdit ? view : Error.Forbidden("The student and their personal tutor write the plan; others read, comment and agree.");
    }

    /// <summary>For an editor, the plan tracked for a change at the revision their If-Match names.</summary>
    public static async Task<Result<(PlanView View, LearningPlan Plan)>> OpenForChangeAsync(
        StudentAccess access, ICurrentUser user, IApplicationDbContext db, Guid studentId, uint expected, CancellationToken ct)
    {
        var view = await RequireEditorAsync(access, user, db, studentId, ct);
        if (!view.IsSuccess)
        {
            return view.Error!;
        }

        var plan = await LoadAtRevisionAsync(db, studentId, expected, ct);
        return plan.IsSuccess ? (view.Value, plan.Value) : plan.Error!;
    }

    /// <summary>The plan, tracked, if the caller's If-Match names its current revision (412 otherwise).</summary>
    public static async Task<Result<LearningPlan>> LoadAtRevisionAsync(IApplicationDbContext db, Guid studentId, uint expected, CancellationToken ct)
    {
        var plan = await db.LatestPlanAsync(studentId, track: true, ct);
        if (plan is null)
        {
            return Error.NotFound("Learning plan");
        }

        return plan.Revision == expected
            ? plan
            : Error.PreconditionFailed("The plan was changed by someone else since you read it. Read it again, then make your change.");
    }
}

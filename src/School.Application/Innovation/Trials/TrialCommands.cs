using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.Innovation;
using School.Domain.Staff;

namespace School.Application.Innovation.Trials;

/// <summary>The lead proposes a field trial of an idea in schools of the project's network.</summary>
public sealed record ProposeTrialCommand(
    Guid ProjectId, Guid IdeaId, string Title, IReadOnlyList<Guid>? SchoolIds, IReadOnlyList<ResourceDomain>? ResourceDomains, string? LeadPractitioner,
    int? BaselineStrandsRequired) : ICommand<Result<FieldTrialDto>>;

public sealed class ProposeTrialCommandValidator : AbstractValidator<ProposeTrialCommand>
{
    public ProposeTrialCommandValidator()
    {
        RuleFor(c => c.IdeaId).NotEmpty();
        RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
        RuleForEach(c => c.ResourceDomains).IsInEnum();
        RuleFor(c => c.LeadPractitioner).MaximumLength(200);
        RuleFor(c => c.BaselineStrandsRequired).InclusiveBetween(1, 20);
    }
}

internal sealed class ProposeTrialCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time) : ICommandHandler<ProposeTrialCommand, Result<FieldTrialDto>>
{
    public async ValueTask<Result<FieldTrialDto>> Handle(ProposeTrialCommand command, CancellationToken cancellationToken)
    {
        var project = await db.LedProjectAsync(user, command.ProjectId, cancellationToken);
        if (!project.IsSuccess)
        {
            return project.Error!;
        }

        if (!await db.Ideas.AnyAsync(i => i.Id == command.IdeaId && i.ProjectId == command.ProjectId, cancellationToken))
        {
            return Error.Validation("ideaId", "No idea with that id in this project.");
        }

        var schools = command.SchoolIds?.Distinct().ToList() ?? [];
        if (schools.FirstOrDefault(s => !project.Value.InNetwork(s)) is var outside && outside != Guid.Empty)
        {
            return TrialErrors.OutsideNetwork;
        }

        var trial = FieldTrial.Propose(
            Ids.New(time), project.Value.Id, command.IdeaId, command.Title, schools, command.ResourceDomains ?? [], command.LeadPractitioner,
            command.BaselineStrandsRequired ?? FieldTrial.DefaultBaselineStrands, user.PersonId, time.GetUtcNow());
        db.FieldTrials.Add(trial);
        await db.SaveChangesAsync(cancellationToken);
        return await db.DescribeAsync(trial, cancellationToken);
    }
}

/// <summary>A trial with its status history (the lead, participating schools' staff, their partnership's lead).</summary>
public sealed record GetTrialQuery(Guid Id) : IQuery<Result<FieldTrialDto>>;

internal sealed class GetTrialQueryHandler(ICurrentUser user, IApplicationDbContext db) : IQueryHandler<GetTrialQuery, Result<FieldTrialDto>>
{
    public async ValueTask<Result<FieldTrialDto>> Handle(GetTrialQuery query, CancellationToken cancellationToken)
    {
        var trial = await db.TrialAsync(user, query.Id, TrialRole.Reader, cancellationToken, track: false);
        return trial.IsSuccess ? await db.DescribeAsync(trial.Value.Trial, cancellationToken) : trial.Error!;
    }
}

/// <summary>
/// Moves a trial's status along an allowed transition, guarded by its rule (409 naming the rule otherwise); kept in the
/// history with who, when and why. The lead, or an admin of a participating school.
/// </summary>
public sealed record TransitionTrialCommand(Guid Id, TrialStatus To, string? Reason) : ICommand<Result<FieldTrialDto>>;

public sealed class TransitionTrialCommandValidator : AbstractValidator<TransitionTrialCommand>
{
    public TransitionTrialCommandValidator()
    {
        RuleFor(c => c.To).IsInEnum();
        RuleFor(c => c.Reason).MaximumLength(1000);
    }
}

internal sealed class TransitionTrialCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time) : ICommandHandler<TransitionTrialCommand, Result<FieldTrialDto>>
{
    public async ValueTask<Result<FieldTrialDto>> Handle(TransitionTrialCommand command, CancellationToken cancellationToken)
    {
        var found = await db.TrialAsync(user, command.Id, TrialRole.SchoolAdmin, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var trial = found.Value.Trial;
        var criteriaRequired = await db.InnovationProjects.Where(p => p.Id == trial.ProjectId).Select(p => p.CriteriaToSelect).SingleAsync(cancellationToken);
        var idea = await db.Ideas.AsNoTracking().SingleAsync(i => i.Id == trial.IdeaId, cancellationToken);
        var moved = trial.MoveTo(command.To, command.Reason, idea.CriteriaMet, criteriaRequired, user.PersonId, time.GetUtcNow());
        if (!moved.IsSuccess)
        {
            return moved.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.DescribeAsync(trial, cancellationToken);
    }
}

/// <summary>Records the trial's baseline: strands of baseline data (five by default are required before incubation).</summary>
public sealed record RecordBaselineCommand(Guid Id, IReadOnlyList<BaselineStrand>? Strands) : ICommand<Result<FieldTrialDto>>;

public sealed class RecordBaselineCommandValidator : AbstractValidator<RecordBaselineCommand>
{
    public RecordBaselineCommandValidator()
    {
        RuleFor(c => c.Strands).NotEmpty();
        RuleForEach(c => c.Strands).NotNull().ChildRules(s =>
        {
            s.RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
            s.RuleFor(x => x.Value).NotEmpty().MaximumLength(2000);
        });
    }
}

internal sealed class RecordBaselineCommandHandler(ICurrentUser user, IApplicationDbContext db) : ICommandHandler<RecordBaselineCommand, Result<FieldTrialDto>>
{
    public async ValueTask<Result<FieldTrialDto>> Handle(RecordBaselineCommand command, CancellationToken cancellationToken) =>
        await db.ChangeTrialAsync(user, command.Id, trial =>
        {
            trial.RecordBaseline(command.Strands!);
            return Result.Success();
        }, cancellationToken);
}

/// <summary>Adds an indicator the trial will be read against.</summary>
public sealed record AddIndicatorCommand(Guid Id, string Name, string? Unit) : ICommand<Result<FieldTrialDto>>;

public sealed class AddIndicatorCommandValidator : AbstractValidator<AddIndicatorCommand>
{
    public AddIndicatorCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Unit).MaximumLength(50);
    }
}

internal sealed class AddIndicatorCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time) : ICommandHandler<AddIndicatorCommand, Result<FieldTrialDto>>
{
    public async ValueTask<Result<FieldTrialDto>> Handle(AddIndicatorCommand command, CancellationToken cancellationToken) =>
        await db.ChangeTrialAsync(user, command.Id, trial =>
        {
            trial.AddIndicator(Ids.New(time), command.Name, command.Unit);
            return Result.Success();
        }, cancellationToken);
}

/// <summary>A reading of one of the trial's indicators (another trial's indicator is 404).</summary>
public sealed record AddReadingCommand(Guid Id, Guid IndicatorId, DateOnly On, decimal Value, string? Note) : ICommand<Result<FieldTrialDto>>;

public sealed class AddReadingCommandValidator : AbstractValidator<AddReadingCommand>
{
    public AddReadingCommandValidator()
    {
        RuleFor(c => c.On).Must(ValidationRules.IsPlausibleSchoolDate).WithMessage("Give the reading's date.");
        RuleFor(c => c.Note).MaximumLength(1000);
    }
}

internal sealed class AddReadingCommandHandler(ICurrentUser user, IApplicationDbContext db) : ICommandHandler<AddReadingCommand, Result<FieldTrialDto>>
{
    public async ValueTask<Result<FieldTrialDto>> Handle(AddReadingCommand command, CancellationToken cancellationToken) =>
        await db.ChangeTrialAsync(user, command.Id, trial =>
        {
            var added = trial.AddReading(command.IndicatorId, new IndicatorReading(command.On, command.Value, command.Note));
            return added.IsSuccess ? Result.Success() : added.Error!;
        }, cancellationToken);
}

/// <summary>Logs incubation support the trial received (consultancy, toolkit, community of practice, brokered relationship, Power to Innovate).</summary>
public sealed record LogSupportCommand(Guid Id, DateOnly On, SupportKind Kind, string Description, string? Outcome) : ICommand<Result<FieldTrialDto>>;

public sealed class LogSupportCommandValidator : AbstractValidator<LogSupportCommand>
{
    public LogSupportCommandValidator()
    {
        RuleFor(c => c.On).Must(ValidationRules.IsPlausibleSchoolDate).WithMessage("Give the date.");
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Description).NotEmpty().MaximumLength(2000);
        RuleFor(c => c.Outcome).MaximumLength(2000);
    }
}

internal sealed class LogSupportCommandHandler(ICurrentUser user, IApplicationDbContext db) : ICommandHandler<LogSupportCommand, Result<FieldTrialDto>>
{
    public async ValueTask<Result<FieldTrialDto>> Handle(LogSupportCommand command, CancellationToken cancellationToken) =>
        await db.ChangeTrialAsync(user, command.Id, trial =>
        {
            trial.LogSupport(new SupportEntry(command.On, command.Kind, command.Description, command.Outcome));
            return Result.Success();
        }, cancellationToken);
}

/// <summary>Records the evaluation summary that lets a trial scale: outcomes, responsiveness to users, cost and productivity.</summary>
public sealed record RecordEvaluationCommand(Guid Id, string Outcomes, string Responsiveness, string CostAndProductivity) : ICommand<Result<FieldTrialDto>>;

public sealed class RecordEvaluationCommandValidator : AbstractValidator<RecordEvaluationCommand>
{
    public RecordEvaluationCommandValidator()
    {
        RuleFor(c => c.Outcomes).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.Responsiveness).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.CostAndProductivity).NotEmpty().MaximumLength(4000);
    }
}

internal sealed class RecordEvaluationCommandHandler(ICurrentUser user, IApplicationDbContext db) : ICommandHandler<RecordEvaluationCommand, Result<FieldTrialDto>>
{
    public async ValueTask<Result<FieldTrialDto>> Handle(RecordEvaluationCommand command, CancellationToken cancellationToken) =>
        await db.ChangeTrialAsync(user, command.Id, trial =>
        {
            trial.RecordEvaluation(new Evaluation(command.Outcomes, command.Responsiveness, command.CostAndProductivity));
            return Result.Success();
        }, cancellationToken);
}

/// <summary>The lead publishes a trial in Scaling as a practice note other schools can adopt (phase 3).</summary>
public sealed record PublishPracticeNoteCommand(Guid Id, string Title, string Body) : ICommand<Result<FieldTrialDto>>;

public sealed class PublishPracticeNoteCommandValidator : AbstractValidator<PublishPracticeNoteCommand>
{
    public PublishPracticeNoteCommandValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Body).NotEmpty().MaximumLength(8000);
    }
}

internal sealed class PublishPracticeNoteCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time) : ICommandHandler<PublishPracticeNoteCommand, Result<FieldTrialDto>>
{
    public async ValueTask<Result<FieldTrialDto>> Handle(PublishPracticeNoteCommand command, CancellationToken cancellationToken)
    {
        var found = await db.TrialAsync(user, command.Id, TrialRole.Lead, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var published = found.Value.Trial.Publish(command.Title, command.Body, time.GetUtcNow());
        if (!published.IsSuccess)
        {
            return published.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.DescribeAsync(found.Value.Trial, cancellationToken);
    }
}

/// <summary>
/// A school of the project's network adopts a published practice note: a new trial of the same idea starts at that school,
/// linked to the one it came from, so transfer across the system can be traced. The adopting school's admin or the lead.
/// </summary>
public sealed record AdoptPracticeCommand(Guid Id, Guid SchoolId) : ICommand<Result<FieldTrialDto>>;

internal sealed class AdoptPracticeCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time) : ICommandHandler<AdoptPracticeCommand, Result<FieldTrialDto>>
{
    public async ValueTask<Result<FieldTrialDto>> Handle(AdoptPracticeCommand command, CancellationToken cancellationToken)
    {
        var source = await db.FieldTrials.AsNoTracking().SingleOrDefaultAsync(t => t.Id == command.Id, cancellationToken);
        var project = source is null ? null : await db.InnovationProjects.AsNoTracking().SingleAsync(p => p.Id == source.ProjectId, cancellationToken);
        var isLead = project is not null && user.Kind == PersonKind.InnovationLead && project.LeadId == user.PersonId;
        var isAdopter = project is not null && user.Kind == PersonKind.Staff && user.SchoolId == command.SchoolId && user.StaffRoles.HasFlag(StaffRoles.SchoolAdmin)
            && project.InNetwork(command.SchoolId);
        if (source is null || project is null || source.PracticeNote is null && !isLead || !(isLead || isAdopter || await db.RoleAsync(user, source, cancellationToken) != TrialRole.None))
        {
            return Error.NotFound("Field trial");
        }

        if (!isLead && !isAdopter)
        {
            return Error.Forbidden("The adopting school's admin (or the project's lead) adopts a practice note.");
        }

        if (source.PracticeNote is null)
        {
            return Error.Conflict("trial.rule.note_published", "Only a published practice note can be adopted.");
        }

        if (!project.InNetwork(command.SchoolId))
        {
            return TrialErrors.OutsideNetwork;
        }

        if (source.Involves(command.SchoolId) || await db.FieldTrials.AnyAsync(t => t.AdoptedFromTrialId == source.Id && t.SchoolIds.Contains(command.SchoolId), cancellationToken))
        {
            return Error.Conflict("trial.already_adopted", "That school already runs this practice.");
        }

        var adopted = FieldTrial.Propose(
            Ids.New(time), source.ProjectId, source.IdeaId, source.Title, [command.SchoolId], source.ResourceDomains, null, source.BaselineStrandsRequired,
            user.PersonId, time.GetUtcNow(), adoptedFrom: source.Id);
        db.FieldTrials.Add(adopted);
        await db.SaveChangesAsync(cancellationToken);
        return await db.DescribeAsync(adopted, cancellationToken);
    }
}

internal static class TrialErrors
{
    public static readonly Error OutsideNetwork =
        Error.Conflict("innovation.school_outside_network", "That school is not in the project's network.");
}

internal static class TrialChanges
{
    /// <summary>Applies a change to a trial the user may update (the lead, or an admin of a participating school), saving once.</summary>
    public static async Task<Result<FieldTrialDto>> ChangeTrialAsync(
        this IApplicationDbContext db, ICurrentUser user, Guid trialId, Func<FieldTrial, Result> change, CancellationToken ct)
    {
        var found = await db.TrialAsync(user, trialId, TrialRole.SchoolAdmin, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var changed = change(found.Value.Trial);
        if (!changed.IsSuccess)
        {
            return changed.Error!;
        }

        await db.SaveChangesAsync(ct);
        return await db.DescribeAsync(found.Value.Trial, ct);
    }
}

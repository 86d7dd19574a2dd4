using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.Innovation;

namespace School.Application.Innovation.Projects;

/// <summary>The policy areas projects work in (staff and leads).</summary>
public sealed record ListPolicyAreasQuery : IQuery<Result<IReadOnlyList<PolicyAreaDto>>>;

internal sealed class ListPolicyAreasQueryHandler(ICurrentUser user, IApplicationDbContext db) : IQueryHandler<ListPolicyAreasQuery, Result<IReadOnlyList<PolicyAreaDto>>>
{
    public async ValueTask<Result<IReadOnlyList<PolicyAreaDto>>> Handle(ListPolicyAreasQuery query, CancellationToken cancellationToken)
    {
        if (user.Kind is PersonKind.Student or PersonKind.Guardian)
        {
            return Error.Forbidden("Innovation projects are for staff and innovation leads.");
        }

        return await db.PolicyAreas.AsNoTracking().OrderBy(p => p.Name).Select(p => new PolicyAreaDto(p.Id, p.Name)).ToListAsync(cancellationToken);
    }
}

/// <summary>An innovation lead starts a project in a policy area, with a partner agency and a network of schools.</summary>
public sealed record CreateProjectCommand(
    string Name, Guid PolicyAreaId, string? PartnerAgency, Guid? PartnershipId, IReadOnlyList<Guid>? NetworkSchoolIds, int? CriteriaToSelect)
    : ICommand<Result<ProjectDto>>;

public sealed class CreateProjectCommandValidator : AbstractValidator<CreateProjectCommand>
{
    public CreateProjectCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.PolicyAreaId).NotEmpty();
        RuleFor(c => c.PartnerAgency).MaximumLength(200);
        RuleFor(c => c.CriteriaToSelect).InclusiveBetween(0, InnovationProject.CriteriaCount);
    }
}

internal sealed class CreateProjectCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time) : ICommandHandler<CreateProjectCommand, Result<ProjectDto>>
{
    public async ValueTask<Result<ProjectDto>> Handle(CreateProjectCommand command, CancellationToken cancellationToken)
    {
        if (user.Kind != PersonKind.InnovationLead)
        {
            return Error.Forbidden("Innovation leads start projects.");
        }

        if (!await db.PolicyAreas.AnyAsync(p => p.Id == command.PolicyAreaId, cancellationToken))
        {
            return Error.Validation("policyAreaId", "No policy area with that id.");
        }

        var schools = command.NetworkSchoolIds?.Distinct().ToList() ?? [];
        if (await db.Schools.CountAsync(s => schools.Contains(s.Id), cancellationToken) != schools.Count)
        {
            return Error.Validation("networkSchoolIds", "Each school in the network must exist.");
        }

        var project = InnovationProject.Create(
            Ids.New(time), command.Name, command.PolicyAreaId, command.PartnerAgency, user.PersonId, command.PartnershipId, schools,
            command.CriteriaToSelect ?? InnovationProject.DefaultCriteriaToSelect);
        db.InnovationProjects.Add(project);
        await db.SaveChangesAsync(cancellationToken);
        return await ProjectView.DescribeAsync(db, project, cancellationToken);
    }
}

/// <summary>The projects the user may see: a lead's own; for staff and partnership leads, those whose network includes their schools.</summary>
public sealed record ListProjectsQuery : IQuery<Result<IReadOnlyList<ProjectDto>>>;

internal sealed class ListProjectsQueryHandler(ICurrentUser user, IApplicationDbContext db) : IQueryHandler<ListProjectsQuery, Result<IReadOnlyList<ProjectDto>>>
{
    public async ValueTask<Result<IReadOnlyList<ProjectDto>>> Handle(ListProjectsQuery query, CancellationToken cancellationToken)
    {
        var projects = await db.InnovationProjects.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        var maySee = await db.ProjectVisibilityAsync(user, cancellationToken);
        return Result<IReadOnlyList<ProjectDto>>.Success(await ProjectView.DescribeAsync(db, projects.Where(maySee).ToList(), cancellationToken));
    }
}

public sealed record GetProjectQuery(Guid Id) : IQuery<Result<ProjectDto>>;

internal sealed class GetProjectQueryHandler(ICurrentUser user, IApplicationDbContext db) : IQueryHandler<GetProjectQuery, Result<ProjectDto>>
{
    public async ValueTask<Result<ProjectDto>> Handle(GetProjectQuery query, CancellationToken cancellationToken)
    {
        var project = await db.InnovationProjects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == query.Id, cancellationToken);
        return project is not null && await db.MaySeeProjectAsync(user, project, cancellationToken)
            ? await ProjectView.DescribeAsync(db, project, cancellationToken)
            : Error.NotFound("Project");
    }
}

/// <summary>The lead moves the project on: phase 1's steps, then incubation, then system learning.</summary>
public sealed record MoveProjectCommand(Guid Id, ProjectPhase Phase, SystemLevelStep? Step) : ICommand<Result<ProjectDto>>;

public sealed class MoveProjectCommandValidator : AbstractValidator<MoveProjectCommand>
{
    public MoveProjectCommandValidator()
    {
        RuleFor(c => c.Phase).IsInEnum();
        RuleFor(c => c.Step).IsInEnum();
    }
}

internal sealed class MoveProjectCommandHandler(ICurrentUser user, IApplicationDbContext db) : ICommandHandler<MoveProjectCommand, Result<ProjectDto>>
{
    public async ValueTask<Result<ProjectDto>> Handle(MoveProjectCommand command, CancellationToken cancellationToken)
    {
        var project = await db.LedProjectAsync(user, command.Id, cancellationToken);
        if (!project.IsSuccess)
        {
            return project.Error!;
        }

        var moved = project.Value.MoveTo(command.Phase, command.Step);
        if (!moved.IsSuccess)
        {
            return moved.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await ProjectView.DescribeAsync(db, project.Value, cancellationToken);
    }
}

/// <summary>The lead records an idea from phase 1, scored 0–3 against each of the seven criteria and placed on the grid.</summary>
public sealed record AddIdeaCommand(Guid ProjectId, string Title, string? Description, IReadOnlyList<int>? Scores, ChangeSize Change, DistanceFromPractice Distance)
    : ICommand<Result<IdeaDto>>;

public sealed class AddIdeaCommandValidator : AbstractValidator<AddIdeaCommand>
{
    public AddIdeaCommandValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Description).MaximumLength(4000);
        RuleFor(c => c.Scores).NotNull().Must(s => s!.Count == InnovationProject.CriteriaCount)
            .WithMessage($"Give a score for each of the {InnovationProject.CriteriaCount} criteria, in order.");
        RuleForEach(c => c.Scores).InclusiveBetween(0, Idea.MaxScore);
        RuleFor(c => c.Change).IsInEnum();
        RuleFor(c => c.Distance).IsInEnum();
    }
}

internal sealed class AddIdeaCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time) : ICommandHandler<AddIdeaCommand, Result<IdeaDto>>
{
    public async ValueTask<Result<IdeaDto>> Handle(AddIdeaCommand command, CancellationToken cancellationToken)
    {
        var project = await db.LedProjectAsync(user, command.ProjectId, cancellationToken);
        if (!project.IsSuccess)
        {
            return project.Error!;
        }

        var idea = Idea.Create(Ids.New(time), project.Value.Id, command.Title, command.Description, command.Scores!, command.Change, command.Distance);
        db.Ideas.Add(idea);
        await db.SaveChangesAsync(cancellationToken);
        return IdeaDto.From(idea);
    }
}

/// <summary>The lead adds a note from horizon scanning to an idea (a practice seen in health, banking, …).</summary>
public sealed record AddHorizonNoteCommand(Guid IdeaId, string Sector, string Note) : ICommand<Result<IdeaDto>>;

public sealed class AddHorizonNoteCommandValidator : AbstractValidator<AddHorizonNoteCommand>
{
    public AddHorizonNoteCommandValidator()
    {
        RuleFor(c => c.Sector).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Note).NotEmpty().MaximumLength(2000);
    }
}

internal sealed class AddHorizonNoteCommandHandler(ICurrentUser user, IApplicationDbContext db) : ICommandHandler<AddHorizonNoteCommand, Result<IdeaDto>>
{
    public async ValueTask<Result<IdeaDto>> Handle(AddHorizonNoteCommand command, CancellationToken cancellationToken)
    {
        var idea = await db.Ideas.SingleOrDefaultAsync(i => i.Id == command.IdeaId, cancellationToken);
        var project = idea is null ? Error.NotFound("Idea") : await db.LedProjectAsync(user, idea.ProjectId, cancellationToken);
        if (!project.IsSuccess)
        {
            return project.Error!.Kind == ErrorKind.NotFound ? Error.NotFound("Idea") : project.Error!;
        }

        idea!.AddHorizonNote(command.Sector, command.Note);
        await db.SaveChangesAsync(cancellationToken);
        return IdeaDto.From(idea);
    }
}

internal static class ProjectView
{
    public static async Task<ProjectDto> DescribeAsync(IApplicationDbContext db, InnovationProject project, CancellationToken ct) =>
        (await DescribeAsync(db, [project], ct))[0];

    /// <summary>Describes many projects with one query per kind of row (areas, ideas, trials, schools), whatever their number.</summary>
    public static async Task<IReadOnlyList<ProjectDto>> DescribeAsync(IApplicationDbContext db, IReadOnlyList<InnovationProject> projects, CancellationToken ct)
    {
        var ids = projects.Select(p => p.Id).ToList();
        var areaIds = projects.Select(p => p.PolicyAreaId).Distinct().ToList();
        var areas = await db.PolicyAreas.AsNoTracking().Where(a => areaIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var ideas = (await db.Ideas.AsNoTracking().Where(i => ids.Contains(i.ProjectId)).OrderBy(i => i.Title).ToListAsync(ct)).ToLookup(i => i.ProjectId);
        var trials = await db.FieldTrials.AsNoTracking().Where(t => ids.Contains(t.ProjectId)).ToListAsync(ct);
        var summaries = (await db.SummariesAsync(trials, ct)).ToLookup(t => t.ProjectId);
        var schools = (await db.SchoolRefsAsync(projects.SelectMany(p => p.NetworkSchoolIds).Distinct().ToList(), ct)).ToDictionary(s => s.Id);
        return projects.Select(p => new ProjectDto(
                p.Id, p.Name, new PolicyAreaDto(p.PolicyAreaId, areas[p.PolicyAreaId].Name), p.PartnerAgency, p.LeadId, p.PartnershipId,
                p.NetworkSchoolIds.Where(schools.ContainsKey).Select(id => schools[id]).ToList(),
                p.Phase, p.Step, p.CriteriaToSelect, ideas[p.Id].Select(IdeaDto.From).ToList(), summaries[p.Id].ToList(), p.Version))
            .ToList();
    }
}

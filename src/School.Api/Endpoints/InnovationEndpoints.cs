using Mediator;
using School.Api.Http;
using School.Application.Common.Authorization;
using School.Application.Innovation.Projects;
using School.Application.Innovation.Trials;
using School.Application.Innovation.Views;
using School.Domain.Innovation;

namespace School.Api.Endpoints;

/// <summary>The Next Practice innovation model: projects, ideas, field trials and their status, dashboards and adoption.</summary>
internal static class InnovationEndpoints
{
    public static IEndpointRouteBuilder MapInnovationEndpoints(this IEndpointRouteBuilder app)
    {
        var innovation = app.MapGroup("/api").WithTags("Innovation")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        innovation.MapGet("/policy-areas", async (ISender s, CancellationToken ct) => (await s.Send(new ListPolicyAreasQuery(), ct)).ToOk())
            .WithSummary("The policy areas Next Practice projects work in.");
        innovation.MapGet("/innovation/projects", async (ISender s, CancellationToken ct) => (await s.Send(new ListProjectsQuery(), ct)).ToOk())
            .WithSummary("The projects I may see: a lead's own; staff and partnership leads those whose network includes their schools.");
        innovation.MapPost("/innovation/projects", async (ProjectRequest b, ISender s, CancellationToken ct) =>
                (await s.Send(new CreateProjectCommand(b.Name, b.PolicyAreaId, b.PartnerAgency, b.PartnershipId, b.NetworkSchoolIds, b.CriteriaToSelect), ct))
                .ToCreated(p => $"/api/innovation/projects/{p.Id}"))
            .WithSummary("Start a project (innovation leads): policy area, partner agency, network of schools, criteria an idea must meet.");
        innovation.MapGet("/innovation/projects/{id:guid}", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new GetProjectQuery(id), ct)).ToOk())
            .NamesRecord(RecordKind.InnovationProject)
            .WithSummary("A project with its ideas (criteria, grid) and trials.");
        innovation.MapPost("/innovation/projects/{id:guid}/phase", async (Guid id, PhaseRequest b, ISender s, CancellationToken ct) =>
                (await s.Send(new MoveProjectCommand(id, b.Phase, b.Step), ct)).ToOk())
            .NamesRecord(RecordKind.InnovationProject)
            .WithSummary("Move the project on (its lead): phase 1's steps, then local incubation, then system learning.");
        innovation.MapGet("/innovation/projects/{id:guid}/dashboard", async (Guid id, ISender s, CancellationToken ct) =>
                (await s.Send(new GetProjectDashboardQuery(id), ct)).ToOk())
            .NamesRecord(RecordKind.InnovationProject)
            .WithSummary("Trials by status, indicators moving, support given.");
        innovation.MapPost("/innovation/projects/{id:guid}/ideas", async (Guid id, IdeaRequest b, ISender s, CancellationToken ct) =>
                (await s.Send(new AddIdeaCommand(id, b.Title, b.Description, b.Scores, b.Change, b.Distance), ct)).ToCreated(i => $"/api/innovation/projects/{id}"))
            .NamesRecord(RecordKind.InnovationProject)
            .WithSummary("Record an idea (the lead): seven criteria scores 0–3 (2+ meets one), and its place on the innovation grid.");
        innovation.MapPost("/innovation/ideas/{id:guid}/horizon-notes", async (Guid id, HorizonNoteRequest b, ISender s, CancellationToken ct) =>
                (await s.Send(new AddHorizonNoteCommand(id, b.Sector, b.Note), ct)).ToOk())
            .NamesRecord(RecordKind.Idea)
            .WithSummary("Add a note from horizon scanning (the lead).");
        innovation.MapPost("/innovation/projects/{id:guid}/field-trials", async (Guid id, TrialRequest b, ISender s, CancellationToken ct) =>
                (await s.Send(new ProposeTrialCommand(id, b.IdeaId, b.Title, b.SchoolIds, b.ResourceDomains, b.LeadPractitioner, b.BaselineStrandsRequired), ct))
                .ToCreated(t => $"/api/field-trials/{t.Id}"))
            .NamesRecord(RecordKind.InnovationProject)
            .WithSummary("Propose a field trial of an idea in schools of the network (the lead).");

        innovation.MapGet("/field-trials/{id:guid}", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new GetTrialQuery(id), ct)).ToOk())
            .NamesRecord(RecordKind.FieldTrial)
            .WithSummary("The trial with its baseline, indicators, support and status history.");
        innovation.MapPost("/field-trials/{id:guid}/transitions", async (Guid id, TransitionRequest b, ISender s, CancellationToken ct) =>
                (await s.Send(new TransitionTrialCommand(id, b.To, b.Reason), ct)).ToOk())
            .NamesRecord(RecordKind.FieldTrial)
            .WithSummary("Move the trial's status ({\"to\",\"reason\"}); a move its rule forbids is 409 naming the rule.");
        innovation.MapPut("/field-trials/{id:guid}/baseline", async (Guid id, BaselineRequest b, ISender s, CancellationToken ct) =>
                (await s.Send(new RecordBaselineCommand(id, b.Strands), ct)).ToOk())
            .NamesRecord(RecordKind.FieldTrial)
            .WithSummary("Record the baseline strands (the lead; admins of participating schools).");
        innovation.MapPost("/field-trials/{id:guid}/indicators", async (Guid id, IndicatorRequest b, ISender s, CancellationToken ct) =>
                (await s.Send(new AddIndicatorCommand(id, b.Name, b.Unit), ct)).ToOk())
            .NamesRecord(RecordKind.FieldTrial)
            .WithSummary("Add an indicator.");
        innovation.MapPost("/field-trials/{id:guid}/indicators/{indicatorId:guid}/readings", async (Guid id, Guid indicatorId, ReadingRequest b, ISender s, CancellationToken ct) =>
                (await s.Send(new AddReadingCommand(id, indicatorId, b.On, b.Value, b.Note), ct)).ToOk())
            .NamesRecord(RecordKind.FieldTrial).NamesPartOfRecord("indicatorId")
            .WithSummary("Add a reading of one of the trial's indicators (another trial's indicator is 404).");
        innovation.MapPost("/field-trials/{id:guid}/support", async (Guid id, SupportRequest b, ISender s, CancellationToken ct) =>
                (await s.Send(new LogSupportCommand(id, b.On, b.Kind, b.Description, b.Outcome), ct)).ToOk())
            .NamesRecord(RecordKind.FieldTrial)
            .WithSummary("Log incubation support received.");
        innovation.MapPut("/field-trials/{id:guid}/evaluation", async (Guid id, EvaluationRequest b, ISender s, CancellationToken ct) =>
                (await s.Send(new RecordEvaluationCommand(id, b.Outcomes, b.Responsiveness, b.CostAndProductivity), ct)).ToOk())
            .NamesRecord(RecordKind.FieldTrial)
            .WithSummary("Record the evaluation summary: outcomes, responsiveness to users, cost and productivity.");
        innovation.MapPost("/field-trials/{id:guid}/practice-note", async (Guid id, PracticeNoteRequest b, ISender s, CancellationToken ct) =>
                (await s.Send(new PublishPracticeNoteCommand(id, b.Title, b.Body), ct)).ToOk())
            .NamesRecord(RecordKind.FieldTrial)
            .WithSummary("Publish a practice note from a trial in Scaling (the lead).");
        innovation.MapPost("/field-trials/{id:guid}/adoptions", async (Guid id, AdoptionRequest b, ISender s, CancellationToken ct) =>
                (await s.Send(new AdoptPracticeCommand(id, b.SchoolId), ct)).ToCreated(t => $"/api/field-trials/{t.Id}"))
            .NamesRecord(RecordKind.FieldTrial)
            .WithSummary("A network school adopts the published practice: a linked trial starts there.");
        innovation.MapGet("/schools/{id:guid}/field-trials", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new GetSchoolTrialsQuery(id), ct)).ToOk())
            .NamesRecord(RecordKind.School)
            .WithSummary("Each trial the school takes part in: status, phase, last reading.");
        innovation.MapGet("/partnerships/{id:guid}/field-trials", async (Guid id, ISender s, CancellationToken ct) =>
                (await s.Send(new GetPartnershipTrialsQuery(id), ct)).ToOk())
            .NamesRecord(RecordKind.Partnership)
            .WithSummary("The partnership view: trials across its schools.");
        return app;
    }
}

internal sealed record ProjectRequest(string Name, Guid PolicyAreaId, string? PartnerAgency, Guid? PartnershipId, IReadOnlyList<Guid>? NetworkSchoolIds, int? CriteriaToSelect);

internal sealed record PhaseRequest(ProjectPhase Phase, SystemLevelStep? Step);

internal sealed record IdeaRequest(string Title, string? Description, IReadOnlyList<int>? Scores, ChangeSize Change, DistanceFromPractice Distance);

internal sealed record HorizonNoteRequest(string Sector, string Note);

internal sealed record TrialRequest(
    Guid IdeaId, string Title, IReadOnlyList<Guid>? SchoolIds, IReadOnlyList<ResourceDomain>? ResourceDomains, string? LeadPractitioner, int? BaselineStrandsRequired);

internal sealed record TransitionRequest(TrialStatus To, string? Reason);

internal sealed record BaselineRequest(IReadOnlyList<BaselineStrand>? Strands);

internal sealed record IndicatorRequest(string Name, string? Unit);

internal sealed record ReadingRequest(DateOnly On, decimal Value, string? Note);

internal sealed record SupportRequest(DateOnly On, SupportKind Kind, string Description, string? Outcome);

internal sealed record EvaluationRequest(string Outcomes, string Responsiveness, string CostAndProductivity);

internal sealed record PracticeNoteRequest(string Title, string Body);

internal sealed record AdoptionRequest(Guid SchoolId);

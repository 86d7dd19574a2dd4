using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using School.Api.Http;
using School.Application.Challenges;
using School.Application.Challenges.Allocation;
using School.Application.Challenges.Menus;
using School.Application.Challenges.Preferences;
using School.Application.Challenges.Teams;
using School.Application.Common.Authorization;

namespace School.Api.Endpoints;

/// <summary>Personal challenges: menus, pupils' ranked choices, the optimal allocation (preview, then publish) and each student's challenges.</summary>
internal static class ChallengeEndpoints
{
    public static IEndpointRouteBuilder MapChallengeEndpoints(this IEndpointRouteBuilder app)
    {
        var menus = app.MapGroup("/api/challenge-menus").NamesRecord(RecordKind.ChallengeMenu).NamesRecord(RecordKind.ChallengeTeam, "teamId").WithTags("Challenges")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        menus.MapGet("/", async (ISender s, CancellationToken ct) => (await s.Send(new ListChallengeMenusQuery(), ct)).ToOk())
            .WithSummary("The challenge menus I may see: the school's staff see all; students and guardians those open to their (child's) year.");
        menus.MapGet("/{id:guid}", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new GetChallengeMenuQuery(id), ct)).ToOk())
            .WithSummary("One menu with its challenges, each with its id and capacity.");
        menus.MapPost("/", CreateMenu).WithETag().WithSummary("Create a menu (admin): year groups (7–9 by default), choosing window, number of choices (5 by default), open day.");
        menus.MapPost("/{id:guid}/challenges", async (Guid id, ChallengeRequest body, ISender s, CancellationToken ct) =>
                (await s.Send(new AddChallengeCommand(
                    id, body.Title, body.Description, body.TeamMin, body.TeamMax, body.Capacity, body.CoachIds, body.CommunityPartner,
                    body.NeedsGuardianConsent, body.YearGroups), ct)).ToCreated(c => $"/api/challenge-menus/{id}"))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Add a challenge (admin): title, description, team size (min, max), capacity, coaches, community partner, guardian consent, year groups.");
        menus.MapPost("/{id:guid}/preferences", async (Guid id, ChallengePreferencesRequest body, ISender s, CancellationToken ct) =>
                (await s.Send(new SubmitChallengePreferencesCommand(id, body.StudentId, body.ChallengeIds), ct)).ToOk())
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Rank challenges, best first: exactly the menu's number of distinct choices open to the pupil's year, while the window is open (409 otherwise). A guardian or admin names the student.");
        menus.MapPost("/{id:guid}/allocation", async (Guid id, AllocationRequestBody? body, ISender s, CancellationToken ct) =>
                (await s.Send(new AllocateChallengeMenuCommand(id, body?.Publish ?? false), ct)).ToOk())
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Allocate (admin): a preview by default; {\"publish\":true} saves the placements and forms teams. Once published, 409 until reopened.");
        menus.MapGet("/{id:guid}/allocation", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new GetChallengeAllocationQuery(id), ct)).ToOk())
            .WithSummary("The published allocation: every pupil's placement and rank (admin).");
        menus.MapPost("/{id:guid}/reopen", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new ReopenChallengeMenuCommand(id), ct)).ToOk())
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Reopen a published menu (admin): placements and teams are withdrawn so it can be changed and allocated again.");

        menus.MapGet("/{id:guid}/teams", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new ListTeamsQuery(id), ct)).ToOk())
            .WithSummary("Teams of the published menu: all for an admin, a coach's teams, a pupil's own team (or their child's).");
        menus.MapPost("/{id:guid}/teams/{teamId:guid}/milestones", async (Guid id, Guid teamId, MilestoneRequest body, ISender s, CancellationToken ct) =>
                (await s.Send(new CompleteMilestoneCommand(id, teamId, body.Milestone), ct)).ToOk())
            .WithSummary("Mark a milestone done (the challenge's coaches, admins): Plan, Prepare or Open day.");
        menus.MapPost("/{id:guid}/teams/{teamId:guid}/complete", async (Guid id, Guid teamId, OutcomeRequest body, ISender s, CancellationToken ct) =>
                (await s.Send(new CompleteTeamChallengeCommand(id, teamId, body.Outcome), ct)).ToOk())
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Record the team's outcome (coaches, admins): each member gets an endorsed Challenge entry in their portfolio and record of achievement.");
        menus.MapGet("/{id:guid}/open-day", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new GetOpenDayQuery(id), ct)).ToOk())
            .WithSummary("The open day's showcase slots, one per team, in order.");

        app.MapGet("/api/students/{id:guid}/challenges", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new GetStudentChallengesQuery(id), ct)).ToOk())
            .NamesRecord(RecordKind.Participant) // a coach of the school reads the challenges of a pupil placed in theirs
            .WithTags("Challenges")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The student's challenges: choices, placement, team and outcome.");
        return app;
    }

    private static async Task<Results<Created<ChallengeMenuDto>, ProblemHttpResult>> CreateMenu(ChallengeMenuRequest body, HttpResponse response, ISender s, CancellationToken ct) =>
        (await s.Send(new CreateChallengeMenuCommand(body.Name, body.YearGroups, body.OpensAt, body.ClosesAt, body.ChoicesRequired, body.OpenDay), ct))
            .ToCreatedWithETag(response, m => $"/api/challenge-menus/{m.Id}", m => m.Version);
}

internal sealed record ChallengeMenuRequest(string Name, IReadOnlyList<int>? YearGroups, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int? ChoicesRequired, DateOnly OpenDay);

internal sealed record ChallengeRequest(
    string Title, string? Description, int TeamMin, int TeamMax, int Capacity, IReadOnlyList<Guid>? CoachIds, string? CommunityPartner,
    IReadOnlyList<int>? YearGroups, bool NeedsGuardianConsent = false);

internal sealed record ChallengePreferencesRequest(Guid? StudentId, IReadOnlyList<Guid>? ChallengeIds);

internal sealed record AllocationRequestBody(bool Publish);

internal sealed record MilestoneRequest(string Milestone);

internal sealed record OutcomeRequest(string Outcome);

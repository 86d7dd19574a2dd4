using Mediator;
using School.Api.Http;
using School.Application.Common.Authorization;
using School.Application.Common.Models;
using School.Application.LearningPlans;

namespace School.Api.Endpoints;

/// <summary>
/// Personal learning plans. Reads return the plan's revision as an ETag; every change to the plan's content or state
/// must send it back in If-Match (428 without, 412 when stale), so two editors never overwrite each other.
/// </summary>
internal static class LearningPlanEndpoints
{
    public static IEndpointRouteBuilder MapLearningPlanEndpoints(this IEndpointRouteBuilder app)
    {
        var plan = app.MapGroup("/api/students/{id:guid}/learning-plan").NamesRecord(RecordKind.Student).WithTags("Learning plans")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        plan.MapGet("/", async (Guid id, HttpResponse response, ISender s, CancellationToken ct) =>
                (await s.Send(new GetLearningPlanQuery(id), ct)).ToOkWithETag(response, p => p.Revision))
            .WithETag()
            .WithSummary("The student's plan (a teacher sees only the targets of their subjects). ETag carries the revision.");
        plan.MapPost("/", async (Guid id, CreatePlanRequest body, HttpResponse response, ISender s, CancellationToken ct) =>
            {
                var result = await s.Send(new CreateLearningPlanCommand(id, body.AcademicYear, body.Content), ct);
                return result.ToCreatedWithETag(response, _ => $"/api/students/{id}/learning-plan", p => p.Revision);
            })
            .WithETag()
            .WithSummary("Start the plan for an academic year (the student or their personal tutor).");
        plan.MapPut("/", async (Guid id, PlanContentInput body, HttpRequest request, HttpResponse response, ISender s, CancellationToken ct) =>
                await ETags.WriteRequiringIfMatchAsync(request, response, v => s.Send(new UpdateLearningPlanCommand(id, v, body), ct), p => p.Revision))
            .WithIfMatch(required: true)
            .WithSummary("Change the plan (the student or their tutor); an agreed plan gets a new version. Requires If-Match.");
        plan.MapPost("/propose", async (Guid id, HttpRequest request, HttpResponse response, ISender s, CancellationToken ct) =>
                await ETags.WriteRequiringIfMatchAsync(request, response, v => s.Send(new ProposeLearningPlanCommand(id, v), ct), p => p.Revision))
            .WithIfMatch(required: true)
            .WithSummary("Put the draft forward for agreement. Requires If-Match.");
        plan.MapPost("/agree", async (Guid id, HttpRequest request, HttpResponse response, ISender s, CancellationToken ct) =>
                await ETags.WriteRequiringIfMatchAsync(request, response, v => s.Send(new AgreeLearningPlanCommand(id, v), ct), p => p.Revision))
            .WithIfMatch(required: true)
            .WithSummary("Agree the proposed version (the student, a guardian with parental responsibility, the personal tutor). Requires If-Match.");
        plan.MapPost("/comments", async (Guid id, CommentRequest body, ISender s, CancellationToken ct) =>
                (await s.Send(new CommentOnLearningPlanCommand(id, body.Text), ct)).ToCreated(_ => $"/api/students/{id}/learning-plan/comments"))
            .WithSummary("Comment on the plan (guardians, mentor, pastoral lead, tutor, student): 201 with the comment. No If-Match; the plan and its ETag do not change.");
        plan.MapGet("/comments", async (Guid id, ISender s, CancellationToken ct, int page = 1, int pageSize = Paging.DefaultPageSize) =>
                (await s.Send(new ListPlanCommentsQuery(id, page, pageSize), ct)).ToOk())
            .WithSummary("The plan's comments, a page at a time, oldest first (not for teachers, who read only subject targets).");
        plan.MapPost("/reviews", async (Guid id, ReviewRequest body, HttpResponse response, ISender s, CancellationToken ct) =>
                (await s.Send(
                    new RecordReviewCommand(id, body.Date, body.StudentMinutes, body.FamilyMinutes, body.Attended, body.Notes, body.TargetsSet), ct))
                .ToOkWithETag(response, p => p.Revision))
            .WithETag()
            .WithSummary("Record a review day (the personal tutor).");
        plan.MapGet("/history", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new GetLearningPlanHistoryQuery(id), ct)).ToOk())
            .WithSummary("Every version: what changed, by whom and when, and who agreed it.");
        return app;
    }
}

internal sealed record CreatePlanRequest(string AcademicYear, PlanContentInput Content);

internal sealed record CommentRequest(string Text);

internal sealed record ReviewRequest(
    DateOnly Date, int StudentMinutes, int FamilyMinutes, IReadOnlyList<string>? Attended, string? Notes, IReadOnlyList<string>? TargetsSet);

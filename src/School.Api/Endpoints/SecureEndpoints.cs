using Mediator;
using School.Api.Http;
using School.Application.Common.Authorization;
using School.Application.Secure.Allocation;
using School.Application.Secure.Attendance;
using School.Application.Secure.Choices;
using School.Application.Secure.Cycles;
using School.Application.Secure.Requests;
using School.Domain.Secure;

namespace School.Api.Endpoints;

/// <summary>
/// SECURE sessions: cycles of four periods a fortnight, pupils' ranked (subject, mode) choices, teachers' requests,
/// allocation per period, attendance, and each pupil's view. Who may see and do what is decided in the application.
/// </summary>
internal static class SecureEndpoints
{
    public static IEndpointRouteBuilder MapSecureEndpoints(this IEndpointRouteBuilder app)
    {
        var cycles = app.MapGroup("/api/secure-cycles").NamesRecord(RecordKind.SecureCycle).NamesPartOfRecord("periodId").WithTags("SECURE sessions")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        cycles.MapGet("/", async (ISender s, CancellationToken ct) => (await s.Send(new ListSecureCyclesQuery(), ct)).ToOk())
            .WithSummary("The school's SECURE cycles, newest fortnight first (anyone at the school).");
        cycles.MapPost("/", async (SecureCycleRequest body, ISender s, CancellationToken ct) =>
                (await s.Send(body.ToCommand(), ct)).ToCreated(c => $"/api/secure-cycles/{c.Id}"))
            .WithSummary("Set up a SECURE fortnight (admin): year groups and four periods, each on a SECURE block or at a time, with offers (subject, teacher, room, places ≥ 0).");
        cycles.MapGet("/{id:guid}", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new GetSecureCycleQuery(id), ct)).ToOk())
            .WithSummary("One cycle: its periods and offers with places requested, chosen first, placed and left.");
        cycles.MapPost("/{id:guid}/periods/{periodId:guid}/choices", async (Guid id, Guid periodId, SecureChoicesRequest body, ISender s, CancellationToken ct) =>
                (await s.Send(new MakeSecureChoicesCommand(id, periodId, body.StudentId, body.Choices), ct)).ToOk())
            .WithSummary("Choose 1–3 offers of a period, best first, each with a mode (Stretch, Consolidate, CatchUp, Reinforce): the student, a guardian or an admin. Replaces earlier choices; closed once the period is allocated or its day has come (409).");
        cycles.MapPost("/{id:guid}/periods/{periodId:guid}/requests", async (Guid id, Guid periodId, SecureRequestRequest body, ISender s, CancellationToken ct) =>
                (await s.Send(new RequestSecurePlaceCommand(id, periodId, body.StudentId, body.OfferId, body.Mode, body.Reason), ct))
                    .ToCreated(r => $"/api/students/{r.StudentId}/secure"))
            .WithSummary("Request a pupil for an offer with a mode, e.g. catch-up in maths (a teacher or admin). It outranks the pupil's own choice; requests beyond the offer's places are 409.");
        cycles.MapPost("/{id:guid}/periods/{periodId:guid}/allocation", async (Guid id, Guid periodId, ISender s, CancellationToken ct) =>
                (await s.Send(new AllocateSecurePeriodCommand(id, periodId), ct)).ToOk())
            .WithSummary("Allocate the period (admin): requests first, then ranked choices (rank-maximal, within capacity, each pupil once), everyone else where there is room. Again replaces the placements, until attendance is recorded.");
        cycles.MapDelete("/{id:guid}/periods/{periodId:guid}/allocation", async (Guid id, Guid periodId, ISender s, CancellationToken ct) =>
                (await s.Send(new ReopenSecurePeriodCommand(id, periodId), ct)).ToNoContent())
            .WithSummary("Reopen an allocated period for choices (admin); its placements go. Refused once attendance is recorded.");
        cycles.MapPost("/{id:guid}/periods/{periodId:guid}/attendance", async (Guid id, Guid periodId, SecureAttendanceRequest body, ISender s, CancellationToken ct) =>
                (await s.Send(new RecordSecureAttendanceCommand(id, periodId, body.StudentId, body.Present), ct)).ToOk())
            .WithSummary("Record whether a placed pupil attended (the offer's teacher or an admin), once the period has started.");

        app.MapGet("/api/students/{id:guid}/secure", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new GetStudentSecureQuery(id), ct)).ToOk())
            .NamesRecord(RecordKind.Student)
            .WithTags("SECURE sessions")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A student's SECURE periods: their choices, a teacher's request and their place in each (whoever may see the student).");
        return app;
    }
}

internal sealed record SecureOfferRequest(string Subject, Guid TeacherId, Guid? RoomId, int Capacity);

internal sealed record SecurePeriodRequest(string Label, Guid? LearningBlockId, DateOnly Date, TimeOnly? Start, int? DurationMinutes, IReadOnlyList<SecureOfferRequest>? Offers);

internal sealed record SecureCycleRequest(string Name, DateOnly FortnightStart, IReadOnlyList<int>? YearGroups, IReadOnlyList<SecurePeriodRequest>? Periods)
{
    public CreateSecureCycleCommand ToCommand() => new(
        Name, FortnightStart, YearGroups,
        Periods?.Select(p => p is null ? null! : new SecurePeriodInput(
            p.Label, p.LearningBlockId, p.Date, p.Start, p.DurationMinutes,
            p.Offers?.Select(o => o is null ? null! : new SecureOfferInput(o.Subject, o.TeacherId, o.RoomId, o.Capacity)).ToList())).ToList());
}

internal sealed record SecureChoicesRequest(Guid StudentId, IReadOnlyList<SecureChoiceInput>? Choices);

internal sealed record SecureRequestRequest(Guid StudentId, Guid OfferId, SecureMode Mode, string? Reason);

internal sealed record SecureAttendanceRequest(Guid StudentId, bool Present);

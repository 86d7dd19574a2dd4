using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using School.Api.Http;
using School.Application.Common.Authorization;
using School.Application.Common.Models;
using School.Application.Students;
using School.Application.Students.CreateStudent;
using School.Application.Students.GetStudent;
using School.Application.Students.Guardians;
using School.Application.Students.ListStudents;
using School.Application.Students.UpdateStudent;
using School.Domain.Students;

namespace School.Api.Endpoints;

/// <summary>The roster. Who may see or change each student is decided by the application's StudentAccess service.</summary>
internal static class StudentEndpoints
{
    public static IEndpointRouteBuilder MapStudentEndpoints(this IEndpointRouteBuilder app)
    {
        var students = app.MapGroup("/api/students").NamesRecord(RecordKind.Student).NamesPartOfRecord("guardianId").WithTags("Students")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        students.MapGet("/", List).WithSummary("The students I may see, paged; filter by yearGroup and name.").ProducesValidationProblem();
        students.MapPost("/", Create).WithSummary("Add a student to my school (admin).").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        students.MapGet("/{id:guid}", Get).WithETag().WithSummary("One student. The ETag header carries the version for If-Match.");
        students.MapPut("/{id:guid}", Update).WithIfMatch().WithSummary("Replace a student's roster fields (admin). Send If-Match to refuse stale writes.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        students.MapGet("/{id:guid}/guardians", ListGuardians).WithSummary("A student's guardians (staff who look after the child).");
        students.MapPost("/{id:guid}/guardians", LinkGuardian).WithSummary("Link an existing or new guardian to a student (admin).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        students.MapPut("/{id:guid}/guardians/{guardianId:guid}", ChangeGuardianLink)
            .WithSummary("Change a guardian link: relationship, parental responsibility, whether it allows access (admin).")
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<Ok<PagedList<StudentSummaryDto>>> List(
        ISender sender, CancellationToken ct, int page = 1, int pageSize = Paging.DefaultPageSize, int? yearGroup = null, string? name = null) =>
        TypedResults.Ok(await sender.Send(new ListStudentsQuery(page, pageSize, yearGroup, name), ct));

    private static async Task<Results<Created<StudentDto>, ProblemHttpResult>> Create(CreateStudentCommand command, ISender sender, CancellationToken ct) =>
        (await sender.Send(command, ct)).ToCreated(s => $"/api/students/{s.Id}");

    private static async Task<Results<Ok<StudentDto>, ProblemHttpResult>> Get(Guid id, ISender sender, HttpResponse response, CancellationToken ct) =>
        (await sender.Send(new GetStudentQuery(id), ct)).ToOkWithETag(response, s => s.Version);

    private static Task<Results<Ok<StudentDto>, ProblemHttpResult>> Update(
        Guid id, UpdateStudentRequest body, HttpRequest request, HttpResponse response, ISender sender, CancellationToken ct) =>
        ETags.WriteAsync(
            request,
            response,
            expected => sender.Send(
                new UpdateStudentCommand(
                    id, expected, body.PupilNumber, body.GivenName, body.FamilyName, body.PreferredName, body.DateOfBirth, body.YearGroup,
                    body.PersonalTutorId, body.MentorId),
                ct),
            s => s.Version);

    private static async Task<Results<Ok<IReadOnlyList<GuardianLinkDto>>, ProblemHttpResult>> ListGuardians(Guid id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new ListGuardiansQuery(id), ct)).ToOk();

    private static async Task<Results<Created<GuardianLinkDto>, ProblemHttpResult>> LinkGuardian(
        Guid id, LinkGuardianRequest body, ISender sender, CancellationToken ct) =>
        (await sender.Send(
            new LinkGuardianCommand(id, body.GuardianId, body.Guardian, body.Relationship, body.HasParentalResponsibility, body.Account), ct))
        .ToCreated(g => $"/api/students/{id}/guardians/{g.GuardianId}");

    private static async Task<Results<Ok<GuardianLinkDto>, ProblemHttpResult>> ChangeGuardianLink(
        Guid id, Guid guardianId, ChangeGuardianLinkRequest body, ISender sender, CancellationToken ct) =>
        (await sender.Send(
            new ChangeGuardianLinkCommand(id, guardianId, body.Relationship, body.HasParentalResponsibility, body.AccessAllowed, body.AccessStoppedReason),
            ct)).ToOk();
}

internal sealed record UpdateStudentRequest(
    string PupilNumber, string GivenName, string FamilyName, string? PreferredName, DateOnly DateOfBirth, int YearGroup,
    Guid? PersonalTutorId, Guid? MentorId);

internal sealed record LinkGuardianRequest(
    Guid? GuardianId, NewGuardian? Guardian, GuardianRelationship Relationship, bool HasParentalResponsibility,
    Application.Accounts.NewAccount? Account);

internal sealed record ChangeGuardianLinkRequest(
    GuardianRelationship Relationship, bool HasParentalResponsibility, bool AccessAllowed, string? AccessStoppedReason);

using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using School.Api.Http;
using School.Application.Common.Authorization;
using School.Application.Common.Models;
using School.Application.Staff;
using School.Application.Staff.CreateStaff;
using School.Application.Staff.GetStaff;
using School.Application.Staff.ListStaff;
using School.Application.Staff.UpdateStaff;
using School.Domain.Staff;

namespace School.Api.Endpoints;

internal static class StaffEndpoints
{
    public static IEndpointRouteBuilder MapStaffEndpoints(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/staff").NamesRecord(RecordKind.StaffMember).WithTags("Staff")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        staff.MapGet("/", List).WithSummary("Staff of my school (staff only); filter by role and name.").ProducesValidationProblem();
        staff.MapPost("/", Create).WithSummary("Add a member of staff (admin).").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapGet("/{id:guid}", Get).WithETag().WithSummary("One member of staff of my school.").ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapPut("/{id:guid}", Update).WithIfMatch().WithSummary("Change a member of staff's name and roles (admin).").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<PagedList<StaffMemberDto>>, ProblemHttpResult>> List(
        ISender sender, CancellationToken ct, int page = 1, int pageSize = Paging.DefaultPageSize, StaffRoles? role = null, string? name = null) =>
        (await sender.Send(new ListStaffQuery(page, pageSize, role, name), ct)).ToOk();

    private static async Task<Results<Created<StaffMemberDto>, ProblemHttpResult>> Create(CreateStaffCommand command, ISender sender, CancellationToken ct) =>
        (await sender.Send(command, ct)).ToCreated(s => $"/api/staff/{s.Id}");

    private static async Task<Results<Ok<StaffMemberDto>, ProblemHttpResult>> Get(Guid id, ISender sender, HttpResponse response, CancellationToken ct) =>
        (await sender.Send(new GetStaffQuery(id), ct)).ToOkWithETag(response, s => s.Version);

    private static Task<Results<Ok<StaffMemberDto>, ProblemHttpResult>> Update(
        Guid id, UpdateStaffRequest body, HttpRequest request, HttpResponse response, ISender sender, CancellationToken ct) =>
        ETags.WriteAsync(
            request,
            response,
            expected => sender.Send(new UpdateStaffCommand(id, expected, body.Title, body.GivenName, body.FamilyName, body.Roles), ct),
            s => s.Version);
}

internal sealed record UpdateStaffRequest(string? Title, string GivenName, string FamilyName, IReadOnlyList<StaffRoles> Roles);

using Mediator;
using Microsoft.AspNetCore.Mvc;
using School.Api.Http;
using School.Application.Common.Authorization;
using School.Application.Passports;

namespace School.Api.Endpoints;

/// <summary>The learning passport: export signed by the school, import verified by the receiving school.</summary>
internal static class PassportEndpoints
{
    public static IEndpointRouteBuilder MapPassportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/students/{id:guid}/passport", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new ExportPassportQuery(id), ct)).ToOk())
            .NamesRecord(RecordKind.Student)
            .WithTags("Learning passport")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Export the learning passport: `passport` is a compact JWS (ES256) signed with the school's key; `document` is its content.");
        app.MapGet("/api/students/{id:guid}/passport/archive", async (Guid id, ISender s, CancellationToken ct) =>
            {
                var archive = await s.Send(new ExportPassportArchiveQuery(id), ct);
                return archive.IsSuccess
                    ? Results.File(archive.Value.Content, "application/zip", archive.Value.FileName)
                    : archive.Error!.ToProblem();
            })
            .NamesRecord(RecordKind.Student)
            .WithTags("Learning passport")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The passport with every evidence file, as one zip (evidence/{sha256}/{fileName}).");
        app.MapGet("/api/students/{id:guid}/passport/imports", async (Guid id, ISender s, CancellationToken ct) =>
                (await s.Send(new ListImportedPassportsQuery(id), ct)).ToOk())
            .NamesRecord(RecordKind.Student)
            .WithTags("Learning passport")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Passports brought from earlier schools, read-only.");

        var passports = app.MapGroup("/api/passports").WithTags("Learning passport")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        passports.MapPost("/import", async (ImportPassportCommand body, ISender s, CancellationToken ct) =>
                (await s.Send(body, ct)).ToCreated(p => $"/api/students/{p.StudentId}/passport/imports"))
            .WithMetadata(new RequestSizeLimitAttribute(6 * 1024 * 1024))
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Attach a passport to a student of my school (admin); 422 unless its signature verifies with a trusted key.");
        passports.MapGet("/signing-key", async (ISender s, CancellationToken ct) => (await s.Send(new GetPassportKeyQuery(), ct)).ToOk())
            .WithSummary("My school's passport-signing public key (admin), for schools of other deployments to trust.");
        passports.MapPost("/trusted-keys", async (TrustPassportKeyCommand body, ISender s, CancellationToken ct) =>
                (await s.Send(body, ct)).ToCreated(_ => "/api/passports/signing-key"))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Trust another deployment's school key for passports (admin).");
        return app;
    }
}

using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using School.Api.Http;
using School.Application.Common.Authorization;
using School.Application.Portfolios;
using School.Application.Portfolios.CreateEntry;
using School.Application.Portfolios.DownloadEvidence;
using School.Application.Portfolios.EndorseEntry;
using School.Application.Portfolios.GetEntry;
using School.Application.Portfolios.GetShowcase;
using School.Application.Portfolios.ListEntries;
using School.Application.Portfolios.RecordOfAchievement;
using School.Application.Portfolios.SetShowcase;
using School.Application.Portfolios.UpdateEntry;
using School.Application.Portfolios.UploadEvidence;
using School.Domain.Common;
using School.Domain.Portfolios;

namespace School.Api.Endpoints;

/// <summary>
/// A student's portfolio: entries, evidence files, endorsements, the showcase and the record of achievement. Who sees
/// and writes what is decided in the application (the student and staff who may see them see every entry; a guardian
/// the ones shared with the family).
/// </summary>
internal static class PortfolioEndpoints
{
    /// <summary>Room in an upload's request for the multipart boundaries and part headers around the file itself.</summary>
    public const long MultipartAllowance = 64 * 1024;

    public static IEndpointRouteBuilder MapPortfolioEndpoints(this IEndpointRouteBuilder app)
    {
        var portfolio = app.MapGroup("/api/students/{id:guid}/portfolio").NamesRecord(RecordKind.Student).NamesRecord(RecordKind.PortfolioEntry, "entryId").NamesPartOfRecord("evidenceId").WithTags("Portfolio")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        portfolio.MapGet("/entries", async (Guid id, PortfolioEntryKind? kind, ISender s, CancellationToken ct) =>
                (await s.Send(new ListPortfolioEntriesQuery(id, kind), ct)).ToOk())
            .WithSummary("The student's entries, newest first (a guardian sees those shared with the family); filter by kind.");
        portfolio.MapPost("/entries", CreateEntry)
            .WithETag()
            .WithSummary("Add an entry (the student, their personal tutor or an admin). One created as Showcase goes to the end of the showcase.");
        portfolio.MapGet("/entries/{entryId:guid}", GetEntry)
            .WithETag()
            .WithSummary("One entry with its evidence and endorsement. The ETag header carries the version for If-Match.");
        portfolio.MapPut("/entries/{entryId:guid}", UpdateEntry)
            .WithIfMatch()
            .WithSummary("Replace an entry's fields (the student, their personal tutor or an admin). Send If-Match to refuse stale writes.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        portfolio.MapPost("/entries/{entryId:guid}/endorse", EndorseEntry)
            .WithETag()
            .WithSummary("Endorse an entry (any member of staff who may see the student), once.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        var maxEvidence = app.ServiceProvider.GetRequiredService<IOptions<PortfolioOptions>>().Value.MaxEvidenceBytes;
        portfolio.MapPost("/entries/{entryId:guid}/evidence", UploadEvidence)
            .DisableAntiforgery()
            // This endpoint alone takes large bodies; every other keeps the server's 1 MB limit.
            .WithMetadata(new RequestSizeLimitAttribute(maxEvidence + MultipartAllowance))
            .WithFormOptions(bufferBodyLengthLimit: maxEvidence + MultipartAllowance, multipartBodyLengthLimit: maxEvidence + MultipartAllowance)
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary(
                "Attach an evidence file (multipart/form-data, field \"file\"): a photo, audio, video, PDF or slides, told by the content, "
                + $"not the name (415 otherwise); at most {maxEvidence} bytes (413). Slides that would unpack past the limit are 413, "
                + "and any archive compressed more than 100:1 is 422; neither is unpacked. The file keeps its name with the extension of its type.");
        portfolio.MapGet("/entries/{entryId:guid}/evidence/{evidenceId:guid}", DownloadEvidence)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .WithSummary("Download an evidence file, with its content type and file name (for those who may see the entry).");

        portfolio.MapGet("/showcase", async (Guid id, ISender s, CancellationToken ct) => (await s.Send(new GetShowcaseQuery(id), ct)).ToOk())
            .WithSummary("The entries the student will present at a parents' evening, in their order.");
        portfolio.MapPut("/showcase", async (Guid id, ShowcaseRequest body, ISender s, CancellationToken ct) =>
                (await s.Send(new SetShowcaseCommand(id, body.EntryIds), ct)).ToOk())
            .WithSummary("Choose the showcase: the student's entries in order (the student, their personal tutor or an admin). Entries left out go back to Family.");

        app.MapGet("/api/students/{id:guid}/record-of-achievement", async (Guid id, ISender s, CancellationToken ct) =>
                (await s.Send(new GetRecordOfAchievementQuery(id), ct)).ToOk())
            .NamesRecord(RecordKind.Student)
            .WithTags("Portfolio")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Endorsed achievements, personal challenges and peer-tutoring credits, oldest first, with who endorsed them.");
        return app;
    }

    private static async Task<Results<Created<PortfolioEntryDto>, ProblemHttpResult>> CreateEntry(
        Guid id, PortfolioEntryRequest body, HttpResponse response, ISender s, CancellationToken ct)
    {
        var result = await s.Send(new CreatePortfolioEntryCommand(id, body.Title, body.Reflection, body.Date, body.Kind, body.Subjects, body.Visibility), ct);
        return result.ToCreatedWithETag(response, e => $"/api/students/{id}/portfolio/entries/{e.Id}", e => e.Version);
    }

    private static async Task<Results<Ok<PortfolioEntryDto>, ProblemHttpResult>> GetEntry(
        Guid id, Guid entryId, HttpResponse response, ISender s, CancellationToken ct)
    {
        return (await s.Send(new GetPortfolioEntryQuery(id, entryId), ct)).ToOkWithETag(response, e => e.Version);
    }

    private static async Task<Results<Ok<PortfolioEntryDto>, ProblemHttpResult>> UpdateEntry(
        Guid id, Guid entryId, PortfolioEntryRequest body, HttpRequest request, HttpResponse response, ISender s, CancellationToken ct)
    {
        return await ETags.WriteAsync(
            request,
            response,
            expected => s.Send(
                new UpdatePortfolioEntryCommand(id, entryId, expected, body.Title, body.Reflection, body.Date, body.Kind, body.Subjects, body.Visibility),
                ct),
            e => e.Version);
    }

    private static async Task<Results<Ok<PortfolioEntryDto>, ProblemHttpResult>> EndorseEntry(
        Guid id, Guid entryId, HttpResponse response, ISender s, CancellationToken ct)
    {
        return (await s.Send(new EndorsePortfolioEntryCommand(id, entryId), ct)).ToOkWithETag(response, e => e.Version);
    }

    /// <summary>
    /// Reads the multipart form itself, so that a declared length over the limit is refused (413) before any of the
    /// body is read, and a missing or unreadable form is a 400 or 415 naming the <c>file</c> field.
    /// </summary>
    private static async Task<Results<Created<EvidenceDto>, ProblemHttpResult>> UploadEvidence(
        Guid id, Guid entryId, HttpRequest request, IOptions<PortfolioOptions> options, ISender s, CancellationToken ct)
    {
        var max = options.Value.MaxEvidenceBytes;
        if (request.ContentLength > max + MultipartAllowance)
        {
            return EvidenceErrors.TooLarge(max).ToProblem();
        }

        if (!request.HasFormContentType)
        {
            return new Error(ErrorKind.UnsupportedMediaType, "evidence.not_multipart", EvidenceErrors.Missing.Message, "file").ToProblem();
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException ex)
        {
            // The form reader's own limits (a body without a declared length that runs past the limit) or a broken form.
            return (ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) ? EvidenceErrors.TooLarge(max) : EvidenceErrors.Missing).ToProblem();
        }
        catch (IOException ex) when (ex is not BadHttpRequestException)
        {
            // A body that ends before its form does. The server's own refusals (413) go on to the exception handler.
            return EvidenceErrors.Missing.ToProblem();
        }

        var file = form.Files.GetFile("file");
        if (file is null)
        {
            return EvidenceErrors.Missing.ToProblem();
        }

        await using var content = file.OpenReadStream();
        var result = await s.Send(new UploadEvidenceCommand(id, entryId, file.FileName, file.Length, content), ct);
        return result.ToCreated(e => e.Url);
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadEvidence(
        Guid id, Guid entryId, Guid evidenceId, HttpResponse response, ISender s, CancellationToken ct)
    {
        var result = await s.Send(new DownloadEvidenceQuery(id, entryId, evidenceId), ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        // The type was decided from the content when it was uploaded; browsers must not guess another.
        response.Headers.XContentTypeOptions = "nosniff";
        var file = result.Value;
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}

internal sealed record PortfolioEntryRequest(
    string Title, string? Reflection, DateOnly Date, PortfolioEntryKind Kind, IReadOnlyList<string>? Subjects,
    PortfolioVisibility Visibility = PortfolioVisibility.Private);

internal sealed record ShowcaseRequest(IReadOnlyList<Guid> EntryIds);

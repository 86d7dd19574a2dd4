using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using School.Domain.Common;

namespace School.Api.Http;

/// <summary>Versions travel as strong ETags ("3"); a write may send If-Match to be refused (412) when stale.</summary>
internal static class ETags
{
    public static void Set(HttpResponse response, uint version)
    {
        if (response.HttpContext.ETagMetadata() is null)
        {
            throw new InvalidOperationException(
                $"{response.HttpContext.GetEndpoint()?.DisplayName} sets an ETag but does not declare it: add .WithETag() or .WithIfMatch() to the endpoint.");
        }

        response.Headers.ETag = $"\"{version}\"";
    }

    /// <summary>200 with the value and its version as the ETag, or the error's problem.</summary>
    public static Results<Ok<T>, ProblemHttpResult> ToOkWithETag<T>(this Result<T> result, HttpResponse response, Func<T, uint> versionOf)
    {
        if (result.IsSuccess)
        {
            Set(response, versionOf(result.Value));
        }

        return result.ToOk();
    }

    /// <summary>201 at the location with the new record's version as the ETag, or the error's problem.</summary>
    public static Results<Created<T>, ProblemHttpResult> ToCreatedWithETag<T>(
        this Result<T> result, HttpResponse response, Func<T, string> location, Func<T, uint> versionOf)
    {
        if (result.IsSuccess)
        {
            Set(response, versionOf(result.Value));
        }

        return result.ToCreated(location);
    }

    /// <summary>A write that may send If-Match (412 when it is unreadable or stale); answers 200 with the new ETag.</summary>
    public static async Task<Results<Ok<T>, ProblemHttpResult>> WriteAsync<T>(
        HttpRequest request, HttpResponse response, Func<uint?, ValueTask<Result<T>>> send, Func<T, uint> versionOf)
    {
        var expected = IfMatch(request);
        return expected.IsSuccess ? (await send(expected.Value)).ToOkWithETag(response, versionOf) : expected.Error!.ToProblem();
    }

    /// <summary>A write that must send If-Match (428 without it, 412 when stale); answers 200 with the new ETag.</summary>
    public static async Task<Results<Ok<T>, ProblemHttpResult>> WriteRequiringIfMatchAsync<T>(
        HttpRequest request, HttpResponse response, Func<uint, ValueTask<Result<T>>> send, Func<T, uint> versionOf)
    {
        var expected = RequireIfMatch(request);
        return expected.IsSuccess ? (await send(expected.Value)).ToOkWithETag(response, versionOf) : expected.Error!.ToProblem();
    }

    /// <summary>The version named by If-Match, which this write requires (428 without it, 412 when unreadable).</summary>
    public static Result<uint> RequireIfMatch(HttpRequest request)
    {
        if (request.HttpContext.ETagMetadata() is not { IfMatch: IfMatchUse.Required })
        {
            throw new InvalidOperationException(
                $"{request.HttpContext.GetEndpoint()?.DisplayName} requires If-Match but does not declare it: add .WithIfMatch(required: true) to the endpoint.");
        }

        var version = IfMatch(request);
        if (!version.IsSuccess)
        {
            return version.Error!;
        }

        return version.Value is { } v
            ? v
            : new Error(ErrorKind.PreconditionRequired, "precondition_required",
                "Send If-Match with the ETag you last read, so that nobody's change is silently overwritten.");
    }

    /// <summary>The version named by If-Match, null when the header is absent.</summary>
    public static Result<uint?> IfMatch(HttpRequest request)
    {
        if (request.HttpContext.ETagMetadata() is not { IfMatch: not IfMatchUse.None })
        {
            throw new InvalidOperationException(
                $"{request.HttpContext.GetEndpoint()?.DisplayName} reads If-Match but does not declare it: add .WithIfMatch() to the endpoint.");
        }

        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return Result<uint?>.Success(null);
        }

        return EntityTagHeaderValue.TryParse(header, out var tag)
               && !tag.IsWeak
               && uint.TryParse(tag.Tag.AsSpan().Trim('"'), out var version)
            ? Result<uint?>.Success(version)
            : Error.PreconditionFailed("If-Match does not name a version of this record; read it again and send its ETag.");
    }
}

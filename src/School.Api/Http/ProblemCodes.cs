using Microsoft.AspNetCore.WebUtilities;

namespace School.Api.Http;

/// <summary>
/// Every problem document carries a <c>code</c>. Handlers and the exception handler choose theirs; answers no endpoint
/// gives — an unknown route (404), a method the route does not take (405), a content type it does not accept (415), a
/// missing or rejected token (401) — get one named after their status.
/// </summary>
internal static class ProblemCodes
{
    public static void AddDefaultCode(ProblemDetailsContext context)
    {
        var extensions = context.ProblemDetails.Extensions;
        if (!extensions.ContainsKey("code"))
        {
            extensions["code"] = For(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode);
        }
    }

    /// <summary><c>not_found</c>, <c>method_not_allowed</c>, <c>unsupported_media_type</c>…: the status's reason phrase in snake case.</summary>
    public static string For(int status) =>
        ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase
            ? string.Join('_', phrase.ToLowerInvariant().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)).Replace("'", string.Empty, StringComparison.Ordinal)
            : $"http_{status}";
}

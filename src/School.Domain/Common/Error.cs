namespace School.Domain.Common;

/// <summary>What kind of expected failure an <see cref="Error"/> is; the API maps each kind to one HTTP status.</summary>
public enum ErrorKind
{
    /// <summary>The input has the wrong shape (400).</summary>
    Validation,
    /// <summary>The thing does not exist, or the caller may not know that it does (404).</summary>
    NotFound,
    /// <summary>The caller may see the thing but not change it (403).</summary>
    Forbidden,
    /// <summary>The change breaks a rule of the current state, or duplicates something (409).</summary>
    Conflict,
    /// <summary>The caller is not who they claim (401).</summary>
    Unauthorized,
    /// <summary>The write was based on a stale version (412).</summary>
    PreconditionFailed,
    /// <summary>The write must say which version it is based on (If-Match) and did not (428).</summary>
    PreconditionRequired,
    /// <summary>Well-formed input whose content cannot be accepted, such as a passport whose signature does not verify (422).</summary>
    Unprocessable,
    /// <summary>The content is of a type this operation does not accept, whatever it is called (415).</summary>
    UnsupportedMediaType,
    /// <summary>The content is larger than this operation accepts (413).</summary>
    PayloadTooLarge,
}

/// <summary>An expected failure, returned as a value rather than thrown.</summary>
/// <param name="Kind">Which family of failure this is.</param>
/// <param name="Code">A stable machine-readable code, e.g. <c>student.pupil_number_taken</c>.</param>
/// <param name="Message">A sentence a user can read.</param>
/// <param name="Field">For validation failures, the input field at fault.</param>
public sealed record Error(ErrorKind Kind, string Code, string Message, string? Field = null)
{
    public static Error NotFound(string what) =>
        new(ErrorKind.NotFound, $"{what.ToLowerInvariant().Replace(' ', '_')}.not_found", $"The {what.ToLowerInvariant()} was not found.");

    public static Error Forbidden(string message) => new(ErrorKind.Forbidden, "forbidden", message);

    public static Error Conflict(string code, string message) => new(ErrorKind.Conflict, code, message);

    public static Error Validation(string field, string message) =>
        new(ErrorKind.Validation, "validation", message, field);

    public static Error PreconditionFailed(string message) =>
        new(ErrorKind.PreconditionFailed, "precondition_failed", message);
}

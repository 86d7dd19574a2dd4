using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;

namespace School.Api.Http;

/// <summary>
/// Turns exceptions into problem documents: invalid input (validation, unreadable or mistyped JSON, bad query values)
/// is 400 naming the field, a broken unique index 409, a stale write 412. Anything else is a bug: logged and answered
/// 500 without details.
/// </summary>
internal sealed partial class ExceptionHandler(IProblemDetailsService problems, ILogger<ExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException validation => Validation(validation),
            BadHttpRequestException badRequest => BadRequest(badRequest),
            UniqueConstraintViolationException unique => Problem(StatusCodes.Status409Conflict, unique.Message, "conflict.duplicate"),
            DbUpdateConcurrencyException => Problem(
                StatusCodes.Status412PreconditionFailed,
                "The record was changed by someone else while you were saving. Read it again and retry.",
                "precondition_failed"),
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = Problem(StatusCodes.Status500InternalServerError, "An unexpected error occurred. It has been logged.", "internal_error");
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static HttpValidationProblemDetails Validation(ValidationException exception)
    {
        var errors = exception.Errors
            .GroupBy(e => FieldName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = "The request has invalid fields.",
            Extensions = { ["code"] = "validation" },
        };
    }

    private static ProblemDetails BadRequest(BadHttpRequestException exception)
    {
        if (exception.StatusCode != StatusCodes.Status400BadRequest)
        {
            return Problem(exception.StatusCode, exception.Message, "bad_request");
        }

        var errors = exception.InnerException switch
        {
            JsonException json => JsonFailures.Describe(json),
            _ when exception.Message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase) =>
                new Dictionary<string, string[]> { ["body"] = ["A request body is required."] },
            _ when ParameterName().Match(exception.Message) is { Success: true } m =>
                new Dictionary<string, string[]> { [FieldName(m.Groups["name"].Value)] = [$"The value is not valid for {m.Groups["name"].Value}."] },
            _ => new Dictionary<string, string[]> { ["request"] = ["The request could not be read."] },
        };

        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = "The request has invalid fields.",
            Extensions = { ["code"] = "validation" },
        };
    }

    private static ProblemDetails Problem(int status, string detail, string code) =>
        new() { Status = status, Detail = detail, Extensions = { ["code"] = code } };

    /// <summary>JSON field names as clients send them: <c>Account.Email</c> becomes <c>account.email</c>.</summary>
    private static string FieldName(string path) =>
        string.Join('.', path.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    [GeneratedRegex("""parameter "(?:[^"]* )?(?<name>[A-Za-z0-9_]+)" (?:was not provided )?from""")]
    private static partial Regex ParameterName();
}

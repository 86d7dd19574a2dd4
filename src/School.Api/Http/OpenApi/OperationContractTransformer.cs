using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace School.Api.Http.OpenApi;

/// <summary>
/// Makes each operation say what the endpoint really does, from the endpoint's own metadata, so a new endpoint is
/// described correctly without anything written by hand: a stable <c>operationId</c>; the bearer token required
/// unless the endpoint allows anonymous callers (and then 401); <c>If-Match</c> declared, with 412 (and 428 when
/// required), only where the endpoint reads it (<see cref="ETagMetadata"/>); the <c>ETag</c> and <c>Location</c>
/// response headers where they are sent; 400 wherever a body or query value can be refused; 404 wherever the path
/// names a record.
/// </summary>
internal sealed partial class OperationContractTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        operation.OperationId ??= OperationId(description.HttpMethod ?? "GET", description.RelativePath ?? string.Empty);
        operation.Responses ??= new OpenApiResponses();

        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = null;
        }
        else
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerSecurityTransformer.SchemeName, context.Document)] = [] }];
            EnsureProblem(operation, StatusCodes.Status401Unauthorized, context);
        }

        var parameters = description.ParameterDescriptions;
        if (operation.RequestBody is not null || parameters.Any(p => p.Source.Id is "Query" or "Body" or "Form" or "FormFile"))
        {
            EnsureProblem(operation, StatusCodes.Status400BadRequest, context, validation: true);
        }

        if (parameters.Any(p => p.Source.Id == "Path"))
        {
            EnsureProblem(operation, StatusCodes.Status404NotFound, context);
        }

        var etag = metadata.OfType<ETagMetadata>().LastOrDefault();
        DescribeIfMatch(operation, etag?.IfMatch ?? IfMatchUse.None, context);

        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse success || !status.StartsWith('2') || status == "204")
            {
                continue;
            }

            if (etag is not null)
            {
                success.Headers ??= new Dictionary<string, IOpenApiHeader>();
                success.Headers["ETag"] = new OpenApiHeader
                {
                    Description = "The record's version, e.g. \"3\" (quotes included). Send it back in If-Match to change the record.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }

            if (status == "201")
            {
                success.Headers ??= new Dictionary<string, IOpenApiHeader>();
                success.Headers["Location"] = new OpenApiHeader
                {
                    Description = "Where the new record can be read.",
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
                };
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A stable, unique id from the method and route: <c>PUT /api/students/{id}/guardians/{guardianId}</c> is
    /// <c>putStudentsByIdGuardiansByGuardianId</c>. An endpoint's own name (<c>.WithName</c>) wins.
    /// </summary>
    public static string OperationId(string method, string relativePath)
    {
        // The method in lower case (CA1308 warns against string.ToLowerInvariant for normalising; this is naming).
        var id = new StringBuilder(new string([.. method.Select(char.ToLowerInvariant)]));
        var segments = relativePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var segment in segments.SkipWhile((s, i) => i == 0 && s.Equals("api", StringComparison.OrdinalIgnoreCase)))
        {
            foreach (Match token in RouteToken().Matches(segment))
            {
                id.Append(token.Groups["parameter"].Success ? "By" + Pascal(token.Groups["parameter"].Value) : Pascal(token.Value));
            }
        }

        return id.ToString();
    }

    private static string Pascal(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    [GeneratedRegex(@"\{(?<parameter>[A-Za-z0-9_]+)[^}]*\}|[A-Za-z0-9]+")]
    private static partial Regex RouteToken();

    private static void DescribeIfMatch(OpenApiOperation operation, IfMatchUse use, OpenApiOperationTransformerContext context)
    {
        if (operation.Parameters?.FirstOrDefault(p => p.In == ParameterLocation.Header && string.Equals(p.Name, "If-Match", StringComparison.OrdinalIgnoreCase)) is { } declared)
        {
            operation.Parameters.Remove(declared);
        }

        if (use == IfMatchUse.None)
        {
            // Nothing reads If-Match here, so neither a stale nor a missing one can be refused.
            operation.Responses!.Remove("412");
            operation.Responses.Remove("428");
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-Match",
            In = ParameterLocation.Header,
            Required = use == IfMatchUse.Required,
            Description = use == IfMatchUse.Required
                ? "The ETag you last read. Required: 428 without it, 412 when the record has changed since."
                : "The ETag you last read; when sent, a write over a newer version is refused (412).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        EnsureProblem(operation, StatusCodes.Status412PreconditionFailed, context);
        if (use == IfMatchUse.Required)
        {
            EnsureProblem(operation, StatusCodes.Status428PreconditionRequired, context);
        }
        else
        {
            operation.Responses!.Remove("428");
        }
    }

    private static void EnsureProblem(OpenApiOperation operation, int status, OpenApiOperationTransformerContext context, bool validation = false)
    {
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = ReasonPhrases.GetReasonPhrase(status),
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new()
                {
                    Schema = new OpenApiSchemaReference(validation ? ProblemSchemas.Validation : ProblemSchemas.Problem, context.Document),
                },
            },
        };
    }
}

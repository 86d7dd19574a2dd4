using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace School.Api.Http;

/// <summary>
/// Describes the bearer-token scheme in the OpenAPI document, so the API reference can send a token. Which operations
/// need it is said per operation (<see cref="OpenApi.OperationContractTransformer"/>): sign-in and the calendar feed do not.
/// </summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A token from POST /api/auth/token.",
        };
        return Task.CompletedTask;
    }
}

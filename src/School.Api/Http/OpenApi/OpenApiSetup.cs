namespace School.Api.Http.OpenApi;

internal static class OpenApiSetup
{
    /// <summary>
    /// The OpenAPI document at /openapi/v1.json, made to describe what the API really does by transformers that read the
    /// types and the endpoints' metadata (nothing per endpoint is written by hand).
    /// </summary>
    public static IServiceCollection AddSchoolOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.AddDocumentTransformer<BearerSecurityTransformer>();
        options.AddDocumentTransformer<ApiDocumentTransformer>();
        options.AddOperationTransformer<OperationContractTransformer>();
        options.AddSchemaTransformer<EnumSchemaTransformer>();
        options.AddSchemaTransformer<SchemaTypeTransformer>();
        options.AddSchemaTransformer<RequiredFieldsSchemaTransformer>();
    });
}

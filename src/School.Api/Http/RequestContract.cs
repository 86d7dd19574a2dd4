using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace School.Api.Http;

/// <summary>
/// The rules every JSON request body follows, applied once to every type the API reads (a type-info modifier on the API's
/// JSON options), so no request record can forget them:
/// <list type="bullet">
/// <item>A constructor parameter without a default value whose type is not nullable is <b>required</b>: leaving it out is
/// a 400 naming it, never a silent 0, false or empty id. A nullable parameter (<c>Guid?</c>, <c>string?</c>) or one with a
/// default (<c>bool IsActive = true</c>) is optional. Together with <c>RespectNullableAnnotations</c>, an explicit
/// <c>null</c> for a field that is not nullable is refused too.</item>
/// <item>Every string is at most <see cref="MaxTextLength"/> characters, unless its property declares a longer
/// <see cref="MaxLengthAttribute"/> (a signed passport). Validators set each field's real, tighter limit; this is the
/// backstop for any field that has none, enforced while the body is read.</item>
/// </list>
/// </summary>
internal static class RequestContract
{
    /// <summary>The longest text any JSON string may carry unless its property says otherwise (the longest validated field is 8,000).</summary>
    public const int MaxTextLength = 10_000;

    public static void Configure(JsonSerializerOptions options)
    {
        options.RespectNullableAnnotations = true;
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(Apply);
    }

    private static void Apply(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in type.Properties)
        {
            if (property.AssociatedParameter is { HasDefaultValue: false, IsNullable: false, IsMemberInitializer: false })
            {
                property.IsRequired = true;
            }

            if (property.PropertyType == typeof(string) && DeclaredMaxLength(property) is { } max)
            {
                property.CustomConverter = new NoNulStringConverter(max);
            }
        }
    }

    private static int? DeclaredMaxLength(JsonPropertyInfo property) =>
        (property.AttributeProvider as MemberInfo)?.GetCustomAttribute<MaxLengthAttribute>()?.Length
        ?? (property.AssociatedParameter?.AttributeProvider as ParameterInfo)?.GetCustomAttribute<MaxLengthAttribute>()?.Length;
}

/// <summary>
/// The OpenAPI document lists as required exactly the fields <see cref="RequestContract"/> requires (left alone, it
/// would list every constructor parameter without a default, nullable ones included, which the API does not require).
/// </summary>
internal sealed class RequiredFieldsSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        // Also when the type is first met as a property's type: that schema becomes the shared component.
        var type = context.JsonTypeInfo;
        if (type.Kind == JsonTypeInfoKind.Object && schema.Properties is { Count: > 0 } properties
            && properties.Keys.All(name => type.Properties.Any(p => p.Name == name)))
        {
            var required = type.Properties.Where(p => p.IsRequired).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            schema.Required = required.Count > 0 ? required : null;
        }

        return Task.CompletedTask;
    }
}

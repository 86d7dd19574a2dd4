using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using School.Application.Common;

namespace School.Api.Http.OpenApi;

/// <summary>
/// Gives every schema the type it has on the wire. The API's own converters (<see cref="NoNulStringConverter"/> for every
/// string, <see cref="TimeOnlyJsonConverter"/>) hide the type from the platform's schema exporter, which then writes an
/// empty schema: strings, lists of strings and times become "anything". Also: the longest text a validator accepts
/// (<c>maxLength</c>), flags enums described, and the <c>code</c> and <c>traceId</c> members every problem document has.
/// </summary>
internal sealed class SchemaTypeTransformer : IOpenApiSchemaTransformer
{
    /// <summary>Times of day as <see cref="TimeOnlyJsonConverter"/> reads and writes them.</summary>
    public const string TimePattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$";

    private readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, int>> _maxLengths = new();

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var typeInfo = context.JsonTypeInfo;
        var property = context.JsonPropertyInfo;
        Apply(schema, typeInfo.Type, property is { IsGetNullable: true } || property is { IsSetNullable: true });

        if (typeInfo.Kind == JsonTypeInfoKind.Object && schema.Properties is { } properties)
        {
            var maxLengths = MaxLengths(typeInfo.Type, context.ApplicationServices);
            foreach (var member in typeInfo.Properties)
            {
                if (properties.TryGetValue(member.Name, out var found) && found is OpenApiSchema propertySchema)
                {
                    Apply(propertySchema, member.PropertyType, member.IsGetNullable || member.IsSetNullable);
                    if (member.AttributeProvider is System.Reflection.MemberInfo clrMember && maxLengths.TryGetValue(clrMember.Name, out var max))
                    {
                        propertySchema.MaxLength = max;
                    }
                }
            }
        }

        if (typeof(ProblemDetails).IsAssignableFrom(typeInfo.Type))
        {
            DescribeProblem(schema, typeInfo.Type);
        }

        var type = Nullable.GetUnderlyingType(typeInfo.Type) ?? typeInfo.Type;
        if (type.IsEnum && type.IsDefined(typeof(FlagsAttribute), inherit: false))
        {
            schema.Type = JsonSchemaType.String;
            schema.Description ??= FlagsDescription(type);
        }

        return Task.CompletedTask;
    }

    private static string FlagsDescription(Type type) =>
        $"One or more of {string.Join(", ", Enum.GetNames(type).Where(n => Convert.ToInt64(Enum.Parse(type, n), System.Globalization.CultureInfo.InvariantCulture) != 0))}, separated by \", \".";

    /// <summary>Fills in what the exporter left out for a value of <paramref name="clrType"/>; what it did write stays.</summary>
    private static void Apply(OpenApiSchema schema, Type clrType, bool nullableReference)
    {
        var underlying = Nullable.GetUnderlyingType(clrType);
        var type = underlying ?? clrType;
        var orNull = underlying is not null || (nullableReference && !type.IsValueType) ? JsonSchemaType.Null : 0;

        if (type == typeof(string))
        {
            if (schema.Type is null && schema.OneOf is not { Count: > 0 } && schema.AnyOf is not { Count: > 0 })
            {
                schema.Type = JsonSchemaType.String | orNull;
            }
        }
        else if (type == typeof(TimeOnly))
        {
            schema.Type = JsonSchemaType.String | orNull;
            // Not "format: time": that is RFC 3339's full-time with seconds and an offset, which these are not.
            schema.Format = null;
            schema.Pattern = TimePattern;
            schema.Description ??= "A time of day, HH:mm (school local time).";
        }
        else if (type == typeof(System.Text.Json.JsonElement) && schema.Type is null)
        {
            // The one JSON value passed through as it is: a signed document's content, always an object.
            schema.Type = JsonSchemaType.Object;
            schema.Description ??= "A JSON object, passed through as it was received.";
        }
        else if (schema.Type is { } t && t.HasFlag(JsonSchemaType.Array) && schema.Items is null && CollectionTypes.ItemType(type) is { } element)
        {
            schema.Items = Simple(element);
        }
        else if (schema.Type is { } o && o.HasFlag(JsonSchemaType.Object) && DictionaryValueType(type) is { } value
                 && (schema.AdditionalProperties is null || schema.AdditionalProperties is OpenApiSchema { Type: null, Items: null, Properties: null }))
        {
            schema.AdditionalProperties = Simple(value);
        }
    }

    /// <summary>A schema for a list's item or a dictionary's value, when the exporter left it out.</summary>
    private static OpenApiSchema? Simple(Type type)
    {
        var schema = new OpenApiSchema();
        if (type == typeof(string) || type == typeof(TimeOnly))
        {
            Apply(schema, type, nullableReference: false);
            return schema;
        }

        if (type.IsEnum)
        {
            schema.Type = JsonSchemaType.String;
            if (type.IsDefined(typeof(FlagsAttribute), inherit: false))
            {
                schema.Description = FlagsDescription(type);
            }
            else
            {
                schema.Enum = [.. Enum.GetNames(type).Select(n => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(n))];
            }

            return schema;
        }

        if (CollectionTypes.ItemType(type) is { } element)
        {
            schema.Type = JsonSchemaType.Array;
            schema.Items = Simple(element);
            return schema;
        }

        return null;
    }

    private static Type? DictionaryValueType(Type type)
    {
        var dictionary = type.IsGenericType && type.GetGenericTypeDefinition() is var d && (d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>))
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
              ?? type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        return dictionary?.GetGenericArguments()[1];
    }

    /// <summary>Every problem document has a stable <c>code</c> and the <c>traceId</c> to quote to support.</summary>
    private static void DescribeProblem(OpenApiSchema schema, Type type)
    {
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["code"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "A stable, machine-readable reason, e.g. \"validation\", \"not_found\", \"precondition_failed\".",
        };
        schema.Properties["traceId"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The request's trace id, to quote when reporting a problem.",
        };
        if (typeof(HttpValidationProblemDetails).IsAssignableFrom(type))
        {
            schema.Properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "The messages for each invalid field, by the field's JSON name.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
        }
    }

    /// <summary>The longest text the type's validator accepts, by CLR member name (empty when it has no validator).</summary>
    private IReadOnlyDictionary<string, int> MaxLengths(Type type, IServiceProvider services) => _maxLengths.GetOrAdd(type, t =>
    {
        using var scope = services.CreateScope();
        if (scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(t)) is not IValidator validator)
        {
            return new Dictionary<string, int>();
        }

        var descriptor = validator.CreateDescriptor();
        var lengths = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var member in descriptor.GetMembersWithValidators())
        {
            var max = descriptor.GetValidatorsForMember(member.Key)
                .Select(v => v.Validator)
                .OfType<ILengthValidator>()
                .Where(v => v.Max > 0)
                .Select(v => (int?)v.Max)
                .Min();
            if (max is { } m)
            {
                lengths[member.Key] = m;
            }
        }

        return lengths;
    });
}

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace School.Api.Http;

/// <summary>
/// Enums travel as their names. Unlike the platform's string converter, a value that is not exactly one declared name
/// is refused (a 400 naming the field): no numbers, and no comma-separated combinations for enums that are not flags
/// ("Selected, Scaling" would otherwise be read as the sum of the two). Flags enums keep the platform's converter.
/// </summary>
internal sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsEnum && !typeToConvert.IsDefined(typeof(FlagsAttribute), inherit: false);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class StrictEnumConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                // No message: the serializer then fills in its own, with the path, which names the field in the 400.
                throw new JsonException();
            }

            var text = reader.GetString();
            var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text?.Trim(), StringComparison.OrdinalIgnoreCase));
            return name is not null ? Enum.Parse<T>(name) : throw new JsonException();
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }
}

/// <summary>Describes every enum in the OpenAPI document as a string with its names, as they travel.</summary>
internal sealed class EnumSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum && !type.IsDefined(typeof(FlagsAttribute), inherit: false))
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = Enum.GetNames(type).Select(n => (JsonNode)JsonValue.Create(n)!).ToList();
        }

        return Task.CompletedTask;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using FluentValidation.Results;

namespace School.Api.Http;

/// <summary>
/// Reads every JSON string of a request body: text containing the NUL character (U+0000) is refused (no name, note or
/// title needs it, and PostgreSQL cannot store it), and so is text longer than the limit (by default
/// <see cref="RequestContract.MaxTextLength"/>). Either is a 400 naming the field, on either database.
/// </summary>
internal sealed class NoNulStringConverter(int maxLength = RequestContract.MaxTextLength) : JsonConverter<string>
{
    public const string Message = "The JSON value could not be converted: text may not contain the NUL character (U+0000).";

    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? Checked(reader.GetString()!) : throw new JsonException();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);

    private string Checked(string value) =>
        value.Contains('\0', StringComparison.Ordinal) ? throw new InvalidJsonValueException(Message, NulCharacterGuard.Detail)
        : value.Length > maxLength ? throw new InvalidJsonValueException(
            $"The JSON value could not be converted: text longer than {maxLength} characters.",
            $"The text may be at most {maxLength} characters long.")
        : value;
}

/// <summary>
/// A well-formed JSON value that a converter of this API refuses, with the explanation the client sees. The serializer
/// fills in <see cref="JsonException.Path"/>, which names the field in the 400.
/// </summary>
internal sealed class InvalidJsonValueException(string message, string detail) : JsonException(message)
{
    public string Detail { get; } = detail;
}

/// <summary>
/// The same rule for the URL: a path or query value containing NUL is 400 naming the parameter, answered by the one
/// exception handler like every other validation failure.
/// </summary>
internal static class NulCharacterGuard
{
    public const string Detail = "The value may not contain the NUL character (U+0000).";

    public static IApplicationBuilder UseNulCharacterGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var field = context.Request.Path.Value?.Contains('\0', StringComparison.Ordinal) == true
            ? "path"
            : context.Request.Query.FirstOrDefault(q => q.Key.Contains('\0', StringComparison.Ordinal) || q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)).Key;
        if (field is not null)
        {
            throw new ValidationException([new ValidationFailure(field.Replace("\0", string.Empty, StringComparison.Ordinal), Detail)]);
        }

        await next(context);
    });
}

using System.Text.Json;
using System.Text.RegularExpressions;

namespace School.Api.Http;

/// <summary>
/// What a <see cref="JsonException"/> raised while reading a request body says, as the fields a 400 names (camelCase,
/// nested with dots). Decided by the exception's shape wherever the serializer gives one: a syntax error carries the
/// reader's exception inside; a value refused by this API's converters is an <see cref="InvalidJsonValueException"/>;
/// any other failure at a path (wrong type, unknown enum name, null for a field that is not nullable) names that path.
/// Only the missing required fields are read from the serializer's message, here and nowhere else
/// (<see cref="MissingRequired"/>, pinned by a test).
/// </summary>
internal static partial class JsonFailures
{
    public const string NotJson = "The request body is not valid JSON.";
    public const string WrongShape = "The request body must be a JSON object with the documented fields.";
    public const string WrongValue = "The value is null, has the wrong type, or is not one of the allowed values.";
    public const string Missing = "The field is required.";

    public static Dictionary<string, string[]> Describe(JsonException exception)
    {
        var path = FieldPath(exception.Path);
        if (exception.InnerException is JsonException)
        {
            return new() { ["body"] = [NotJson] };
        }

        if (exception is InvalidJsonValueException invalid && path.Length > 0)
        {
            return new() { [path] = [invalid.Detail] };
        }

        if (MissingRequired(exception.Message) is { Count: > 0 } missing)
        {
            return missing.ToDictionary(name => path.Length == 0 ? name : $"{path}.{name}", _ => new[] { Missing });
        }

        return path.Length > 0
            ? new() { [path] = [WrongValue] }
            : new() { ["body"] = [WrongShape] };
    }

    /// <summary>
    /// The names in the serializer's "JSON deserialization for type 'T' was missing required properties including: 'a', 'b'."
    /// (System.Text.Json's JsonRequiredPropertiesMissing message); empty for any other message.
    /// </summary>
    public static IReadOnlyList<string> MissingRequired(string message)
    {
        var match = MissingRequiredMessage().Match(message);
        return match.Success ? match.Groups["name"].Captures.Select(c => c.Value).ToList() : [];
    }

    /// <summary>"$.guardian.familyName" → "guardian.familyName"; "$.items[2].name" → "items[2].name"; "$" → "".</summary>
    private static string FieldPath(string? path) =>
        string.Join('.', (path ?? "$").TrimStart('$').TrimStart('.').Split('.', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => char.ToLowerInvariant(part[0]) + part[1..]));

    [GeneratedRegex("""missing required properties including: (?:'(?<name>[^']+)'(?:, )?)+""")]
    private static partial Regex MissingRequiredMessage();
}

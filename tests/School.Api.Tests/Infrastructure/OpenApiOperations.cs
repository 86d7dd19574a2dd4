using System.Text.RegularExpressions;

namespace School.Api.Tests.Infrastructure;

/// <summary>
/// The operations the API documents at /openapi/v1.json that read a JSON body, with the body's top-level properties: what
/// the walking tests send broken bodies to, so a new endpoint is covered without anyone adding it to a list. Built on what
/// the document reliably has (paths, methods, request body schemas with property names, required lists, enums and
/// types where given).
/// </summary>
public static partial class OpenApiOperations
{
    public sealed record BodyProperty(string Name, JsonElement Schema, bool IsBoolean, IReadOnlyList<string> EnumValues, bool IsArray);

    public sealed record Operation(string Method, string Path, string Url, bool BodyIsRequired, bool BodyIsArray, IReadOnlyList<string> Required, IReadOnlyList<BodyProperty> Properties)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    private static readonly string[] Methods = ["post", "put", "patch", "delete"];

    /// <summary>Reads the document and lists every operation with an application/json request body.</summary>
    public static async Task<IReadOnlyList<Operation>> WithJsonBodies(HttpClient client, Func<string, string, Guid> routeValue)
    {
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var schemas = document.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var s) ? s : default;
        var operations = new List<Operation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)))
            {
                if (!method.Value.TryGetProperty("requestBody", out var body)
                    || !body.GetProperty("content").TryGetProperty("application/json", out var json)
                    || !json.TryGetProperty("schema", out var schema))
                {
                    continue;
                }

                var resolved = Resolve(schema, schemas);
                var required = resolved.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(n => n.GetString()!).ToList() : [];
                var properties = resolved.TryGetProperty("properties", out var p)
                    ? p.EnumerateObject().Select(property => Describe(property.Name, Resolve(property.Value, schemas), schemas)).ToList()
                    : [];
                operations.Add(new Operation(
                    method.Name.ToUpperInvariant(), path.Name, Url(path.Name, routeValue),
                    body.TryGetProperty("required", out var r2) && r2.ValueKind == JsonValueKind.True, HasType(resolved, "array"), required, properties));
            }
        }

        return operations;
    }

    private static BodyProperty Describe(string name, JsonElement schema, JsonElement schemas)
    {
        var items = schema.TryGetProperty("items", out var i) ? Resolve(i, schemas) : default;
        var enumValues = EnumValues(schema).Concat(items.ValueKind == JsonValueKind.Object ? EnumValues(items) : []).ToList();
        return new BodyProperty(name, schema, HasType(schema, "boolean"), enumValues, HasType(schema, "array"));
    }

    private static IEnumerable<string> EnumValues(JsonElement schema) =>
        schema.TryGetProperty("enum", out var values)
            ? values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)
            : [];

    private static bool HasType(JsonElement schema, string type) =>
        schema.TryGetProperty("type", out var t)
        && (t.ValueKind == JsonValueKind.String ? t.GetString() == type : t.EnumerateArray().Any(x => x.GetString() == type));

    /// <summary>Follows a $ref (also one wrapped in oneOf/anyOf/allOf with null, as nullable references are written).</summary>
    private static JsonElement Resolve(JsonElement schema, JsonElement schemas)
    {
        for (var depth = 0; depth < 5; depth++)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
                continue;
            }

            var wrapped = new[] { "oneOf", "anyOf", "allOf" }
                .Where(k => schema.TryGetProperty(k, out _))
                .SelectMany(k => schema.GetProperty(k).EnumerateArray())
                .Where(option => option.TryGetProperty("$ref", out _))
                .ToList();
            if (wrapped.Count != 1)
            {
                return schema;
            }

            schema = wrapped[0];
        }

        return schema;
    }

    /// <summary>Fills each route parameter (<c>{id}</c>) with the value <paramref name="routeValue"/> gives for (segment before it, parameter name).</summary>
    private static string Url(string path, Func<string, string, Guid> routeValue)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (RouteParameter().Match(segments[i]) is { Success: true } match)
            {
                segments[i] = routeValue(i > 0 ? segments[i - 1] : "", match.Groups["name"].Value).ToString();
            }
        }

        return string.Join('/', segments);
    }

    [GeneratedRegex("^{(?<name>[^}:]+)(:[^}]*)?}$")]
    private static partial Regex RouteParameter();
}

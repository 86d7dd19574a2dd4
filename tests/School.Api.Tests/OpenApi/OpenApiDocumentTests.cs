using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using School.Api.Http;
using School.Api.Http.OpenApi;

namespace School.Api.Tests.OpenApi;

/// <summary>
/// The OpenAPI document at /openapi/v1.json describes what the API really does, so a client generated from it works:
/// every value has its type, every operation an id, a summary and exactly the security, headers and answers the
/// endpoint gives. The checks walk the whole document and the app's endpoints: a new endpoint is checked too.
/// </summary>
public sealed class OpenApiDocumentTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    [Fact]
    public async Task EverySchema_SaysWhatTypeItIs_AndEveryArrayWhatItHolds()
    {
        var document = await Document();
        var untyped = new List<string>();
        foreach (var (name, schema) in document["components"]!["schemas"]!.AsObject())
        {
            Walk(schema, $"components.schemas.{name}", untyped);
        }

        foreach (var (path, method, operation) in Operations(document))
        {
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                Walk(parameter!["schema"], $"{method} {path} parameter {parameter["name"]}", untyped);
            }

            foreach (var (type, content) in operation["requestBody"]?["content"]?.AsObject() ?? [])
            {
                Walk(content!["schema"], $"{method} {path} body {type}", untyped);
            }

            foreach (var (status, response) in operation["responses"]!.AsObject())
            {
                foreach (var (type, content) in response!["content"]?.AsObject() ?? [])
                {
                    Walk(content!["schema"], $"{method} {path} {status} {type}", untyped);
                }
            }
        }

        Assert.True(untyped.Count == 0, $"Schemas without a type:{Environment.NewLine}{string.Join(Environment.NewLine, untyped)}");
    }

    [Fact]
    public async Task EveryOperation_HasAUniqueOperationId_ASummary_AndDescribedTags()
    {
        var document = await Document();
        var operations = Operations(document).ToList();
        Assert.NotEmpty(operations);

        var missing = operations.Where(o => string.IsNullOrWhiteSpace((string?)o.Operation["operationId"])).Select(o => $"{o.Method} {o.Path}").ToList();
        Assert.True(missing.Count == 0, $"Operations without an operationId: {string.Join(", ", missing)}");
        var duplicates = operations.GroupBy(o => (string)o.Operation["operationId"]!).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"Duplicate operationIds: {string.Join(", ", duplicates)}");

        var unsummarised = operations.Where(o => string.IsNullOrWhiteSpace((string?)o.Operation["summary"])).Select(o => $"{o.Method} {o.Path}").ToList();
        Assert.True(unsummarised.Count == 0, $"Operations without a summary: {string.Join(", ", unsummarised)}");

        var described = document["tags"]!.AsArray()
            .Where(t => !string.IsNullOrWhiteSpace((string?)t!["description"]))
            .Select(t => (string)t!["name"]!)
            .ToHashSet();
        var undescribed = operations.SelectMany(o => o.Operation["tags"]?.AsArray() ?? []).Select(t => (string)t!).Where(t => !described.Contains(t)).Distinct().ToList();
        Assert.True(undescribed.Count == 0, $"Tags without a description (add them to {nameof(ApiDocumentTransformer)}): {string.Join(", ", undescribed)}");
    }

    [Fact]
    public async Task OperationIds_AreTheSameOnEveryRun()
    {
        var first = Operations(await Document()).ToDictionary(o => $"{o.Method} {o.Path}", o => (string)o.Operation["operationId"]!);
        await using var another = new SchoolApiFactory();
        using var client = another.CreateClient();
        var second = Operations((await client.GetFromJsonAsync<JsonNode>("/openapi/v1.json"))!)
            .ToDictionary(o => $"{o.Method} {o.Path}", o => (string)o.Operation["operationId"]!);

        Assert.Equal(first, second);
        Assert.Equal("getStudentsById", first["get /api/students/{id}"]);
    }

    [Fact]
    public async Task AnonymousOperations_DeclareNoSecurity_AndEveryOtherOperationTheBearerToken()
    {
        var document = await Document();
        Assert.Null(document["security"]);

        var endpoints = ApiEndpoints();
        var anonymous = endpoints.Where(e => e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.Key).ToHashSet();
        Assert.Contains("post /api/auth/token", anonymous);
        Assert.Contains("get /api/calendar/{token}.ics", anonymous);

        var wrong = new List<string>();
        foreach (var (path, method, operation) in Operations(document))
        {
            var key = $"{method} {path}";
            var security = operation["security"]?.AsArray();
            if (anonymous.Contains(key))
            {
                if (security is { Count: > 0 })
                {
                    wrong.Add($"{key} allows anonymous callers but declares {security.ToJsonString()}");
                }
            }
            else if (security is not [JsonObject requirement] || !requirement.ContainsKey("Bearer") || operation["responses"]?["401"] is null)
            {
                wrong.Add($"{key} needs a bearer token but does not say so (security and 401)");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task IfMatch_ETag_AndLocation_AreDeclaredExactlyWhereTheEndpointUsesThem()
    {
        var document = await Document();
        var endpoints = ApiEndpoints().ToDictionary(e => e.Key, e => e.Endpoint.Metadata.GetMetadata<ETagMetadata>());
        Assert.Contains(endpoints.Values, m => m is { IfMatch: IfMatchUse.Required });
        Assert.Contains(endpoints.Values, m => m is { IfMatch: IfMatchUse.Optional });

        var wrong = new List<string>();
        foreach (var (path, method, operation) in Operations(document))
        {
            var key = $"{method} {path}";
            var use = endpoints.TryGetValue(key, out var metadata) ? metadata?.IfMatch : null;
            var reads = use is IfMatchUse.Optional or IfMatchUse.Required;
            var header = operation["parameters"]?.AsArray().FirstOrDefault(p => (string?)p!["in"] == "header" && (string?)p["name"] == "If-Match");
            var responses = operation["responses"]!.AsObject();

            if (reads != header is not null)
            {
                wrong.Add($"{key}: If-Match {(reads ? "is read but not declared" : "is declared but never read")}");
            }

            if (header is not null && ((bool?)header["required"] ?? false) != (use == IfMatchUse.Required))
            {
                wrong.Add($"{key}: If-Match required should be {use == IfMatchUse.Required}");
            }

            if (reads != responses.ContainsKey("412"))
            {
                wrong.Add($"{key}: 412 {(reads ? "missing" : "declared but cannot happen")}");
            }

            if ((use == IfMatchUse.Required) != responses.ContainsKey("428"))
            {
                wrong.Add($"{key}: 428 {(use == IfMatchUse.Required ? "missing" : "declared but cannot happen")}");
            }

            foreach (var (status, response) in responses)
            {
                var headers = response!["headers"]?.AsObject();
                if (status is "200" or "201" && (metadata is not null) != (headers?.ContainsKey("ETag") ?? false))
                {
                    wrong.Add($"{key} {status}: ETag header {(metadata is not null ? "missing" : "declared but not sent")}");
                }

                if (status == "201" && headers?.ContainsKey("Location") != true)
                {
                    wrong.Add($"{key} 201: Location header missing");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task ProblemDocuments_DeclareTheirCodeAndTraceId()
    {
        var document = await Document();
        var schemas = document["components"]!["schemas"]!;

        foreach (var name in new[] { "ProblemDetails", "HttpValidationProblemDetails" })
        {
            var properties = schemas[name]!["properties"]!.AsObject();
            Assert.Equal("string", (string?)properties["code"]?["type"]);
            Assert.Equal("string", (string?)properties["traceId"]?["type"]);
        }

        Assert.Equal("string", (string?)schemas["HttpValidationProblemDetails"]!["properties"]!["errors"]!["additionalProperties"]!["items"]!["type"]);
    }

    [Fact]
    public async Task ValuesAreDescribedAsTheyTravel_TextAsStrings_NumbersAsIntegers_TimesAsHoursAndMinutes()
    {
        var schemas = (await Document())["components"]!["schemas"]!;

        var student = schemas["StudentDto"]!["properties"]!;
        Assert.Equal("string", (string?)student["givenName"]!["type"]);
        Assert.Equal("integer", (string?)student["yearGroup"]!["type"]);
        Assert.Equal(["null", "string"], student["preferredName"]!["type"]!.AsArray().Select(t => (string)t!));

        var window = schemas["DayWindowRequest"]!["properties"]!;
        Assert.Equal("string", (string?)window["start"]!["type"]);
        Assert.Equal(SchemaTypeTransformer.TimePattern, (string?)window["start"]!["pattern"]);

        // The longest text the validator accepts is in the schema.
        Assert.NotNull((int?)schemas["IssueTokenCommand"]!["properties"]!["email"]!["maxLength"]);
    }

    [Fact]
    public async Task NumbersSentAsText_AreRefused_AsTheDocumentSaysTheyAreIntegers()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var student = await admin.GetFromJsonAsync<JsonObject>($"/api/students/{DemoData.IdFor("bridgemary:student:BMC08100")}");
        var body = new JsonObject
        {
            ["pupilNumber"] = (string?)student!["pupilNumber"],
            ["givenName"] = (string?)student["givenName"],
            ["familyName"] = (string?)student["familyName"],
            ["dateOfBirth"] = (string?)student["dateOfBirth"],
            ["yearGroup"] = ((int)student["yearGroup"]!).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        var response = await admin.PutAsJsonAsync($"/api/students/{student["id"]}", body);

        await response.AssertValidationProblem("yearGroup");
    }

    [Fact]
    public async Task TheDocument_ReadsBackWithTheOpenApiReader_WithoutErrors()
    {
        using var client = factory.CreateClient();
        await using var stream = await client.GetStreamAsync("/openapi/v1.json");

        var result = await Microsoft.OpenApi.OpenApiDocument.LoadAsync(stream, "json");

        Assert.True(result.Diagnostic?.Errors is null or { Count: 0 }, string.Join(Environment.NewLine, result.Diagnostic?.Errors.Select(e => $"{e.Pointer}: {e.Message}") ?? []));
        var student = result.Document!.Components!.Schemas!["StudentDto"];
        Assert.Equal(Microsoft.OpenApi.JsonSchemaType.String, student.Properties!["givenName"].Type);
        Assert.Equal(Microsoft.OpenApi.JsonSchemaType.Integer, student.Properties["yearGroup"].Type);
    }

    private async Task<JsonNode> Document()
    {
        using var client = factory.CreateClient();
        return (await client.GetFromJsonAsync<JsonNode>("/openapi/v1.json"))!;
    }

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonNode document) =>
        from path in document["paths"]!.AsObject()
        from method in path.Value!.AsObject()
        where Methods.Contains(method.Key)
        select (path.Key, method.Key, method.Value!.AsObject());

    /// <summary>The app's API endpoints keyed as the document names them: "get /api/students/{id}".</summary>
    private List<(string Key, RouteEndpoint Endpoint)> ApiEndpoints() =>
        [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => ($"{new string([.. m.Select(char.ToLowerInvariant)])} {Path(e.RoutePattern)}", e)))];

    private static string Path(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => $"{{{parameter.Name}}}",
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
            _ => string.Empty,
        }))));

    /// <summary>Collects every schema below <paramref name="schema"/> that has neither a type nor a reference.</summary>
    private static void Walk(JsonNode? schema, string where, List<string> untyped)
    {
        if (schema is not JsonObject node)
        {
            return;
        }

        var composed = node.ContainsKey("$ref") || node.ContainsKey("oneOf") || node.ContainsKey("anyOf") || node.ContainsKey("allOf");
        if (!composed && !node.ContainsKey("type"))
        {
            untyped.Add($"{where}: {node.ToJsonString()}");
        }

        var types = node["type"] switch
        {
            JsonArray many => many.Select(t => (string?)t).ToList(),
            JsonValue one => [(string?)one],
            _ => [],
        };
        if (types.Contains("array") && node["items"] is null)
        {
            untyped.Add($"{where}: an array without an item type");
        }

        foreach (var (name, property) in node["properties"]?.AsObject() ?? [])
        {
            Walk(property, $"{where}.{name}", untyped);
        }

        Walk(node["items"], $"{where}[]", untyped);
        Walk(node["additionalProperties"], $"{where}{{}}", untyped);
        foreach (var key in new[] { "oneOf", "anyOf", "allOf" })
        {
            foreach (var (part, index) in (node[key]?.AsArray() ?? []).Select((p, i) => (p, i)))
            {
                Walk(part, $"{where}.{key}[{index}]", untyped);
            }
        }
    }
}

using System.Text;
using static School.Api.Tests.Infrastructure.OpenApiOperations;

namespace School.Api.Tests.Errors;

/// <summary>
/// Walks every operation the OpenAPI document lists with a JSON body (no list of endpoints kept by hand) and sends it
/// broken bodies: each must be refused with a 4xx problem document, never accepted and never a 5xx; a 400 names the field
/// (or <c>body</c>) that is wrong. Route ids are real demo records the caller can see where the route names a known kind
/// of record, so a refusal comes from the body, not from a missing record; where it names a record with no demo id, the
/// answer must be the 404 the access check gives before the body is read.
/// </summary>
public sealed class EveryBodyTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private const int LongText = 100_000;

    private static readonly Dictionary<string, Guid> DemoIds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["students"] = DemoData.BridgemaryStudentId,
        ["enrolments"] = DemoData.BridgemaryStudentId,
        ["mentors"] = DemoData.BridgemaryMentorId,
        ["staff"] = DemoData.BridgemaryTeacherId,
        ["guardians"] = DemoData.BridgemaryParentId,
        ["challenge-menus"] = DemoData.BridgemaryChallengeMenuId,
        ["programmes"] = DemoData.BridgemaryReadingProgrammeId,
        ["tutors"] = DemoData.IdFor("bridgemary:peer:paired-reading:tutor:BMC09005"), // the demo peer tutor's application
        ["academic-years"] = DemoData.BridgemaryYearId,
        ["day-windows"] = DemoData.BridgemaryStandardWindowId,
        ["groups"] = DemoData.BridgemaryMathsSet1Id,
        ["blocks"] = DemoData.BridgemaryThemedProjectId,
        ["entries"] = DemoData.BridgemaryEndorsedEntryId,
        ["projects"] = DemoData.ResourcingProjectId,
        ["ideas"] = DemoData.FlexibleDayIdeaId,
        ["field-trials"] = DemoData.BridgemaryFlexibleDayTrialId,
        ["indicators"] = DemoData.FlexibleDayOptInIndicatorId,
        ["partnerships"] = DemoData.PartnershipId,
        ["schools"] = DemoData.BridgemaryId,
    };

    private static readonly Guid Unknown = Guid.Parse("0b5e55ed-0000-4000-8000-000000000001");

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task EveryOperationWithABody_RefusesAnEmptyObject_UnlessEveryFieldIsOptional()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var operations = await Operations(admin);
        var failures = new List<string>();

        foreach (var operation in operations)
        {
            using var response = await Send(admin, operation, Json("{}"));
            if (operation.Required.Count == 0 || operation.BodyIsArray)
            {
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{operation} with {{}}: {(int)response.StatusCode}");
                }

                continue;
            }

            // A route naming a record the test has no demo id for: the access check answers 404 before the body is read.
            if (operation.Url.Contains(Unknown.ToString(), StringComparison.Ordinal))
            {
                if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    failures.Add($"{operation} with {{}} for a record that does not exist: {(int)response.StatusCode}, expected 404");
                }

                continue;
            }

            // Not just any 4xx: a 404 or 409 would mean the handler ran with zeros and falses in place of the missing fields.
            if (await Refusal(response, field: null) is { } failure)
            {
                failures.Add($"{operation} with {{}}: {failure}");
            }
            else if (response.StatusCode == HttpStatusCode.BadRequest && !await NamesAnyOf(response, operation.Required))
            {
                failures.Add($"{operation} with {{}}: the 400 names none of the required fields {string.Join(", ", operation.Required)}");
            }
            else if (response.StatusCode != HttpStatusCode.BadRequest && response.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{operation} with {{}}: {(int)response.StatusCode}, expected 400 naming a required field");
            }
        }

        Assert.True(operations.Count(o => o.Required.Count > 0 && !o.Url.Contains(Unknown.ToString(), StringComparison.Ordinal)) > 50, $"Only {operations.Count} operations with bodies found in the document.");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task EveryOperationWithABody_RefusesBrokenBodies_WithAProblemNamingTheField()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        using var student = await factory.ClientFor(Accounts.Student);
        var operations = await Operations(admin);
        var failures = new List<string>();
        var sent = 0;

        async Task Check(HttpClient client, string who, Operation operation, string what, string body, string field)
        {
            using var response = await Send(client, operation, Json(body));
            sent++;
            if (await Refusal(response, field) is { } failure)
            {
                failures.Add($"{who}: {operation} with {what}: {failure}");
            }
        }

        foreach (var operation in operations)
        {
            foreach (var (client, who) in new[] { (admin, "admin"), (student, "student") })
            {
                await Check(client, who, operation, "malformed JSON", """{"broken": """, "body");
                if (operation.BodyIsRequired)
                {
                    // An operation whose body is optional (preview an allocation, training done today) may take none.
                    await Check(client, who, operation, "an empty body", "", "body");
                }

                await Check(client, who, operation, operation.BodyIsArray ? "an object instead of an array" : "an array instead of an object",
                    operation.BodyIsArray ? "{}" : "[]", "body");
            }

            foreach (var property in operation.Properties)
            {
                var name = JsonSerializer.Serialize(property.Name);
                var wrong = property.IsBoolean ? "\"not a boolean\"" : "true";
                await Check(admin, "admin", operation, $"the wrong type for {property.Name}", $"{{{name}:{wrong}}}", property.Name);
                if (!LongerTextAllowed(property))
                {
                    await Check(admin, "admin", operation, $"{LongText} characters in {property.Name}",
                        $"{{{name}:{Text(property, new string('x', LongText))}}}", property.Name);
                }

                if (property.EnumValues.Count > 0)
                {
                    await Check(admin, "admin", operation, $"an unknown value of {property.Name}",
                        $"{{{name}:{Text(property, "NotOneOfTheValues")}}}", property.Name);
                }
            }
        }

        Assert.True(sent > 500, $"Only {sent} broken bodies were sent.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} broken bodies were not refused properly:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    private static async Task<IReadOnlyList<Operation>> Operations(HttpClient client)
    {
        var operations = await WithJsonBodies(client, (segment, _) => DemoIds.GetValueOrDefault(segment, Unknown));
        Assert.NotEmpty(operations);
        return operations;
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, Operation operation, HttpContent content)
    {
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), operation.Url) { Content = content };
        return await client.SendAsync(request);
    }

    /// <summary>A string value for the property, inside an array when the property is a list.</summary>
    private static string Text(BodyProperty property, string value) =>
        property.IsArray ? $"[{JsonSerializer.Serialize(value)}]" : JsonSerializer.Serialize(value);

    /// <summary>A field documented to take more than the long text (a signed passport) is not refused for its length.</summary>
    private static bool LongerTextAllowed(BodyProperty property) =>
        property.Schema.TryGetProperty("maxLength", out var max) && max.GetInt32() >= LongText;

    /// <summary>Why the response is not a proper refusal of a broken body, or null when it is.</summary>
    private static async Task<string?> Refusal(HttpResponseMessage response, string? field)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status is < 400 or >= 500)
        {
            return $"{status} {Truncated(body)}";
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{status} with content type '{response.Content.Headers.ContentType?.MediaType}', not a problem document";
        }

        using var problem = JsonDocument.Parse(body);
        if (!problem.RootElement.TryGetProperty("traceId", out _))
        {
            return $"{status} problem without a trace id";
        }

        if (field is not null && response.StatusCode == HttpStatusCode.BadRequest && !Names(problem.RootElement, [field]))
        {
            return $"400 does not name '{field}': {Truncated(body)}";
        }

        return null;
    }

    private static async Task<bool> NamesAnyOf(HttpResponseMessage response, IReadOnlyList<string> fields)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return Names(problem.RootElement, fields);
    }

    /// <summary>The problem's errors name one of the fields, or something inside it (<c>roles[0]</c>, <c>guardian.familyName</c>).</summary>
    private static bool Names(JsonElement problem, IReadOnlyList<string> fields) =>
        problem.TryGetProperty("errors", out var errors)
        && errors.EnumerateObject().Any(e => fields.Any(f =>
            string.Equals(e.Name, f, StringComparison.OrdinalIgnoreCase)
            || e.Name.StartsWith(f + ".", StringComparison.OrdinalIgnoreCase)
            || e.Name.StartsWith(f + "[", StringComparison.OrdinalIgnoreCase)));

    private static string Truncated(string text) => text.Length > 300 ? text[..300] + "…" : text;
}

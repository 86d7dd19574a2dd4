using System.Net.Http.Headers;

namespace School.Api.Tests.LearningPlans;

/// <summary>One rung of a target's ladder as the API takes it.</summary>
internal sealed record RungSpec(int Level, string Description);

/// <summary>The pupil's own assessment as the API takes it: free text and 1–5 on five aspects.</summary>
internal sealed record SelfAssessmentSpec(string? Text, int Home = 3, int Friends = 3, int Health = 3, int Confidence = 3, int EnjoymentOfLearning = 3);

/// <summary>
/// A target as the API takes it. Defaults: a Maths subject target on a four-rung grade ladder, at rung 1, due in July 2027.
/// Send the <see cref="Id"/> the plan gave it to change an existing target (history follows targets by id).
/// </summary>
internal sealed record TargetSpec(string Description)
{
    public Guid? Id { get; init; }

    public string Area { get; init; } = "Subject";

    public string? Subject { get; init; } = "Maths";

    public string? Measure { get; init; } = "Half-termly assessment grade";

    public string DueDate { get; init; } = "2027-07-16";

    public IReadOnlyList<RungSpec>? Ladder { get; init; } =
        [new(1, "Grade 4"), new(2, "Grade 5"), new(3, "Grade 6"), new(4, "Grade 7")];

    public int CurrentRung { get; init; } = 1;
}

/// <summary>The content of a plan as the API takes it (POST's <c>content</c>, PUT's body).</summary>
internal sealed record ContentSpec(IReadOnlyList<TargetSpec> Targets)
{
    public IReadOnlyList<string>? OptionChoices { get; init; } = ["GCSE Geography"];

    public IReadOnlyList<string>? Activities { get; init; } = ["Chess club"];

    public string? PersonalChallenge { get; init; }

    public SelfAssessmentSpec? SelfAssessment { get; init; } = new("I enjoy maths more than I expected.");

    /// <summary>The same content with each target carrying the id <paramref name="plan"/> gave the target of the same description.</summary>
    public ContentSpec WithIdsFrom(JsonElement plan)
    {
        var ids = plan.GetProperty("content").GetProperty("targets").EnumerateArray()
            .ToDictionary(t => t.GetProperty("description").GetString()!, t => t.GetProperty("id").GetGuid());
        return this with { Targets = Targets.Select(t => ids.TryGetValue(t.Description, out var id) ? t with { Id = id } : t).ToList() };
    }

    /// <summary>The same content with the target described as <paramref name="description"/> changed by <paramref name="change"/>.</summary>
    public ContentSpec WithTarget(string description, Func<TargetSpec, TargetSpec> change) =>
        this with { Targets = Targets.Select(t => t.Description == description ? change(t) : t).ToList() };
}

/// <summary>A student created for one test: tutored by the demo tutor, mentored by the demo mentor, with accounts for the family.</summary>
internal sealed record Family(Guid StudentId, string StudentEmail, Guid GuardianId, string GuardianEmail, string NoResponsibilityGuardianEmail)
{
    public const string Password = "family-Passw0rd";
}

/// <summary>Small steps the learning-plan tests share.</summary>
internal static class PlanApi
{
    public const string Maths = "Reach grade 6 in maths";
    public const string Homework = "Hand homework in on time";
    public const string Year = "2026/27";

    /// <summary>A Maths target and a homework target (three rungs), with option choices, an activity and an own assessment.</summary>
    public static ContentSpec Content => new(
    [
        new TargetSpec(Maths),
        new TargetSpec(Homework)
        {
            Area = "Homework",
            Subject = null,
            Measure = "Homework log",
            DueDate = "2027-02-12",
            Ladder = [new(1, "Half on time"), new(2, "Most on time"), new(3, "All on time")],
            CurrentRung = 2,
        },
    ]);

    public static string Url(Guid studentId) => $"/api/students/{studentId}/learning-plan";

    /// <summary>
    /// A new Bridgemary student with a sign-in, the demo tutor and mentor, a mother with parental responsibility and a sign-in,
    /// and a grandparent without parental responsibility but with a sign-in.
    /// </summary>
    public static async Task<Family> NewFamilyAsync(this SchoolApiFactory factory)
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var tag = Guid.NewGuid().ToString("N")[..10];
        var studentEmail = $"pupil-{tag}@example.org";
        var created = await admin.PostAsJsonAsync("/api/students", new
        {
            pupilNumber = $"LP{tag}".ToUpperInvariant(),
            givenName = "Sam",
            familyName = "Planner",
            dateOfBirth = "2011-05-01",
            yearGroup = 10,
            personalTutorId = DemoData.BridgemaryTutorId,
            mentorId = DemoData.BridgemaryMentorId,
            account = new { email = studentEmail, password = Family.Password },
        });
        await AssertStatus(created, HttpStatusCode.Created);
        var studentId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var guardianEmail = $"mother-{tag}@example.org";
        var mother = await admin.PostAsJsonAsync($"/api/students/{studentId}/guardians", new
        {
            guardian = new { givenName = "Jamie", familyName = "Planner", email = guardianEmail },
            relationship = "Mother",
            hasParentalResponsibility = true,
            account = new { email = guardianEmail, password = Family.Password },
        });
        await AssertStatus(mother, HttpStatusCode.Created);
        var guardianId = (await mother.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("guardianId").GetGuid();

        var grandparentEmail = $"grandparent-{tag}@example.org";
        var grandparent = await admin.PostAsJsonAsync($"/api/students/{studentId}/guardians", new
        {
            guardian = new { givenName = "Pat", familyName = "Planner", email = grandparentEmail },
            relationship = "Grandparent",
            hasParentalResponsibility = false,
            account = new { email = grandparentEmail, password = Family.Password },
        });
        await AssertStatus(grandparent, HttpStatusCode.Created);
        return new Family(studentId, studentEmail, guardianId, guardianEmail, grandparentEmail);
    }

    public static Task<HttpClient> StudentOf(this SchoolApiFactory factory, Family family) => factory.ClientFor(family.StudentEmail, Family.Password);

    public static Task<HttpClient> GuardianOf(this SchoolApiFactory factory, Family family) => factory.ClientFor(family.GuardianEmail, Family.Password);

    public static Task<HttpClient> GuardianWithoutResponsibilityOf(this SchoolApiFactory factory, Family family) =>
        factory.ClientFor(family.NoResponsibilityGuardianEmail, Family.Password);

    public static Task<HttpResponseMessage> CreatePlanAsync(this HttpClient client, Guid studentId, ContentSpec content, string academicYear = Year) =>
        client.PostAsJsonAsync(Url(studentId), new { academicYear, content });

    /// <summary>Creates the plan (201) and returns it.</summary>
    public static async Task<JsonElement> CreatedPlanAsync(this HttpClient client, Guid studentId, ContentSpec? content = null)
    {
        var response = await client.CreatePlanAsync(studentId, content ?? Content);
        await AssertStatus(response, HttpStatusCode.Created);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> PutPlanAsync(this HttpClient client, Guid studentId, object content, string? ifMatch) =>
        client.SendAsync(Request(HttpMethod.Put, Url(studentId), content, ifMatch));

    /// <summary>POST .../learning-plan/propose or /agree, with <paramref name="ifMatch"/> when given.</summary>
    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, Guid studentId, string action, string? ifMatch) =>
        client.SendAsync(Request(HttpMethod.Post, $"{Url(studentId)}/{action}", null, ifMatch));

    /// <summary>Reads the plan and then proposes or agrees with the ETag just read.</summary>
    public static async Task<HttpResponseMessage> ActFreshAsync(this HttpClient client, Guid studentId, string action) =>
        await client.ActAsync(studentId, action, await client.ETagAsync(studentId));

    /// <summary>Changes the plan with the ETag just read.</summary>
    public static async Task<HttpResponseMessage> PutFreshAsync(this HttpClient client, Guid studentId, object content) =>
        await client.PutPlanAsync(studentId, content, await client.ETagAsync(studentId));

    public static async Task<string> ETagAsync(this HttpClient client, Guid studentId)
    {
        var response = await client.GetAsync(Url(studentId));
        await AssertStatus(response, HttpStatusCode.OK);
        return response.ETag();
    }

    public static string ETag(this HttpResponseMessage response) =>
        response.Headers.ETag?.Tag ?? throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} without an ETag.");

    public static Task<JsonElement> PlanAsync(this HttpClient client, Guid studentId) => client.GetFromJsonAsync<JsonElement>(Url(studentId));

    public static Task<JsonElement> HistoryAsync(this HttpClient client, Guid studentId) => client.GetFromJsonAsync<JsonElement>($"{Url(studentId)}/history");

    /// <summary>The plan in a successful response, after asserting the status.</summary>
    public static async Task<JsonElement> PlanOf(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        await AssertStatus(response, expected);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string Status(this JsonElement plan) => plan.GetProperty("status").GetString()!;

    public static JsonElement Target(this JsonElement planOrVersion, string description) =>
        planOrVersion.GetProperty("content").GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("description").GetString() == description);

    public static List<string> Parties(this JsonElement planOrVersion) =>
        planOrVersion.GetProperty("agreements").EnumerateArray().Select(a => a.GetProperty("party").GetString()!).Order(StringComparer.Ordinal).ToList();

    public static async Task AssertStatus(HttpResponseMessage response, HttpStatusCode expected)
    {
        if ((int)expected >= 400)
        {
            await response.AssertProblem(expected);
            return;
        }

        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static HttpRequestMessage Request(HttpMethod method, string url, object? body, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body, body.GetType()) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return request;
    }
}

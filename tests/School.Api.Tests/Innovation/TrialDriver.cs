using Microsoft.Extensions.DependencyInjection;
using School.Application.Common.Abstractions;
using School.Domain.Accounts;
using School.Domain.Innovation;
using School.Infrastructure.Persistence;

namespace School.Api.Tests.Innovation;

/// <summary>
/// Steps the innovation tests share, all through the API as the demo innovation lead unless a test says otherwise: a
/// project of its own with a chosen network, ideas scored on the seven criteria, field trials, and the evidence each
/// transition rule asks for (baseline, readings, evaluation).
/// </summary>
internal static class TrialDriver
{
    public const string Lead = Accounts.Innovation;

    /// <summary>The sign-in of a second innovation lead, in no partnership (made by <see cref="OtherLeadAsync"/>).</summary>
    public const string OtherLead = "other-lead@innovation.test";

    /// <summary>Seven scores that meet every criterion.</summary>
    public static readonly int[] Strong = [3, 3, 3, 3, 3, 2, 2];

    /// <summary>Seven scores that meet four criteria (2 or more meets one): below the default five.</summary>
    public static readonly int[] Weak = [3, 2, 2, 2, 1, 1, 0];

    public static readonly Guid[] BothSchools = [DemoData.BridgemaryId, DemoData.CramlingtonId];

    public static readonly Guid[] BridgemaryOnly = [DemoData.BridgemaryId];

    public static readonly Guid[] CramlingtonOnly = [DemoData.CramlingtonId];

    public static string Trial(Guid id) => $"/api/field-trials/{id}";

    public static string Transitions(Guid id) => $"{Trial(id)}/transitions";

    public static string Baseline(Guid id) => $"{Trial(id)}/baseline";

    public static string Indicators(Guid id) => $"{Trial(id)}/indicators";

    public static string Readings(Guid id, Guid indicatorId) => $"{Trial(id)}/indicators/{indicatorId}/readings";

    public static string Support(Guid id) => $"{Trial(id)}/support";

    public static string Evaluation(Guid id) => $"{Trial(id)}/evaluation";

    public static string PracticeNote(Guid id) => $"{Trial(id)}/practice-note";

    public static string Adoptions(Guid id) => $"{Trial(id)}/adoptions";

    public static string Project(Guid id) => $"/api/innovation/projects/{id}";

    public static string Dashboard(Guid id) => $"{Project(id)}/dashboard";

    public static string Ideas(Guid projectId) => $"{Project(projectId)}/ideas";

    public static string ProposeUrl(Guid projectId) => $"{Project(projectId)}/field-trials";

    public static string SchoolTrials(Guid schoolId) => $"/api/schools/{schoolId}/field-trials";

    public static string PartnershipTrials(Guid partnershipId) => $"/api/partnerships/{partnershipId}/field-trials";

    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    public static Guid IdOf(JsonElement element) => element.GetProperty("id").GetGuid();

    public static string StatusOf(JsonElement trial) => trial.GetProperty("status").GetString()!;

    public static List<JsonElement> HistoryOf(JsonElement trial) => trial.GetProperty("history").EnumerateArray().ToList();

    /// <summary>A policy area from the list (any will do).</summary>
    public static async Task<Guid> PolicyAreaAsync(this HttpClient lead)
    {
        var areas = await lead.GetFromJsonAsync<JsonElement>("/api/policy-areas");
        return IdOf(areas.EnumerateArray().First());
    }

    /// <summary>A new project led by the caller, with <paramref name="network"/> (both demo schools by default).</summary>
    public static async Task<JsonElement> NewProjectAsync(this HttpClient lead, Guid[]? network = null, int? criteriaToSelect = null)
    {
        var response = await lead.PostAsJsonAsync("/api/innovation/projects", new
        {
            name = Unique("Trial project"),
            policyAreaId = await lead.PolicyAreaAsync(),
            partnerAgency = "Test agency",
            networkSchoolIds = network ?? BothSchools,
            criteriaToSelect,
        });
        await AssertStatus(response, 201);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static object IdeaBody(IReadOnlyList<int> scores, string? title = null) =>
        new { title = title ?? Unique("Idea"), description = "From phase 1.", scores, change = "Major", distance = "Far" };

    public static async Task<JsonElement> NewIdeaAsync(this HttpClient lead, Guid projectId, IReadOnlyList<int>? scores = null)
    {
        var response = await lead.PostAsJsonAsync(Ideas(projectId), IdeaBody(scores ?? Strong));
        await AssertStatus(response, 201);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static object TrialBody(Guid ideaId, IReadOnlyList<Guid> schools, int? baselineStrandsRequired = null, string? title = null) =>
        new
        {
            ideaId,
            title = title ?? Unique("Field trial"),
            schoolIds = schools,
            resourceDomains = new[] { "UseOfTime", "Technology" },
            leadPractitioner = "Deputy head",
            baselineStrandsRequired,
        };

    public static async Task<JsonElement> ProposeAsync(
        this HttpClient lead, Guid projectId, Guid ideaId, IReadOnlyList<Guid> schools, int? baselineStrandsRequired = null, string? title = null)
    {
        var response = await lead.PostAsJsonAsync(ProposeUrl(projectId), TrialBody(ideaId, schools, baselineStrandsRequired, title));
        await AssertStatus(response, 201);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A new project (network <paramref name="network"/>), a strong idea, and a Proposed trial at <paramref name="schools"/>.</summary>
    public static async Task<(Guid ProjectId, Guid IdeaId, Guid TrialId)> NewTrialAsync(
        this HttpClient lead, Guid[]? network = null, Guid[]? schools = null, int? baselineStrandsRequired = null)
    {
        var project = await lead.NewProjectAsync(network);
        var idea = await lead.NewIdeaAsync(IdOf(project));
        var trial = await lead.ProposeAsync(IdOf(project), IdOf(idea), schools ?? BridgemaryOnly, baselineStrandsRequired);
        return (IdOf(project), IdOf(idea), IdOf(trial));
    }

    public static Task<HttpResponseMessage> TransitionAsync(this HttpClient client, Guid trialId, string to, string? reason = "Moving on.") =>
        client.PostAsJsonAsync(Transitions(trialId), new { to, reason });

    public static async Task<JsonElement> MoveAsync(this HttpClient client, Guid trialId, string to, string? reason = "Moving on.")
    {
        var response = await client.TransitionAsync(trialId, to, reason);
        await AssertStatus(response, 200);
        var trial = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(to, StatusOf(trial));
        return trial;
    }

    public static object BaselineBody(int strands) =>
        new { strands = Enumerable.Range(1, strands).Select(i => new { name = $"Strand {i}", value = $"Measured value {i}" }).ToArray() };

    public static Task<HttpResponseMessage> RecordBaselineAsync(this HttpClient client, Guid trialId, int strands = FieldTrial.DefaultBaselineStrands) =>
        client.PutAsJsonAsync(Baseline(trialId), BaselineBody(strands));

    /// <summary>Adds an indicator and returns its id (the last indicator with that name).</summary>
    public static async Task<Guid> AddIndicatorAsync(this HttpClient client, Guid trialId, string? name = null, string? unit = "%")
    {
        name ??= Unique("Indicator");
        var response = await client.PostAsJsonAsync(Indicators(trialId), new { name, unit });
        await AssertStatus(response, 200);
        var trial = await response.Content.ReadFromJsonAsync<JsonElement>();
        return IdOf(trial.GetProperty("indicators").EnumerateArray().Last(i => i.GetProperty("name").GetString() == name));
    }

    public static Task<HttpResponseMessage> AddReadingAsync(this HttpClient client, Guid trialId, Guid indicatorId, string on, decimal value, string? note = null) =>
        client.PostAsJsonAsync(Readings(trialId, indicatorId), new { on, value, note });

    public static async Task ReadAsync(this HttpClient client, Guid trialId, Guid indicatorId, string on, decimal value) =>
        await AssertStatus(await client.AddReadingAsync(trialId, indicatorId, on, value), 200);

    public static object SupportBody(string kind = "ToolkitUse") =>
        new { on = "2026-09-10", kind, description = "Help received.", outcome = "It helped." };

    public static Task<HttpResponseMessage> LogSupportAsync(this HttpClient client, Guid trialId, string kind = "ToolkitUse") =>
        client.PostAsJsonAsync(Support(trialId), SupportBody(kind));

    public static object EvaluationBody() =>
        new { outcomes = "Attendance rose.", responsiveness = "Students chose well.", costAndProductivity = "No extra cost." };

    public static Task<HttpResponseMessage> RecordEvaluationAsync(this HttpClient client, Guid trialId) =>
        client.PutAsJsonAsync(Evaluation(trialId), EvaluationBody());

    public static object NoteBody() => new { title = "How we did it", body = "The practice, step by step." };

    public static Task<HttpResponseMessage> PublishAsync(this HttpClient client, Guid trialId) => client.PostAsJsonAsync(PracticeNote(trialId), NoteBody());

    public static Task<HttpResponseMessage> AdoptAsync(this HttpClient client, Guid trialId, Guid schoolId) =>
        client.PostAsJsonAsync(Adoptions(trialId), new { schoolId });

    /// <summary>Proposed → Selected (the trial has a school and a strong idea).</summary>
    public static async Task SelectAsync(this HttpClient lead, Guid trialId) => await lead.MoveAsync(trialId, "Selected");

    /// <summary>On to Incubating: selected, then the baseline recorded.</summary>
    public static async Task IncubateAsync(this HttpClient lead, Guid trialId)
    {
        await lead.SelectAsync(trialId);
        await AssertStatus(await lead.RecordBaselineAsync(trialId), 200);
        await lead.MoveAsync(trialId, "Incubating");
    }

    /// <summary>On to Evaluating: incubating, then one indicator with two readings.</summary>
    public static async Task EvaluateAsync(this HttpClient lead, Guid trialId)
    {
        await lead.IncubateAsync(trialId);
        var indicator = await lead.AddIndicatorAsync(trialId);
        await lead.ReadAsync(trialId, indicator, "2026-09-08", 10);
        await lead.ReadAsync(trialId, indicator, "2026-10-08", 12);
        await lead.MoveAsync(trialId, "Evaluating");
    }

    /// <summary>On to Scaling: evaluating, then the evaluation summary recorded.</summary>
    public static async Task ScaleAsync(this HttpClient lead, Guid trialId)
    {
        await lead.EvaluateAsync(trialId);
        await AssertStatus(await lead.RecordEvaluationAsync(trialId), 200);
        await lead.MoveAsync(trialId, "Scaling");
    }

    /// <summary>Moves a fresh trial to <paramref name="status"/> along the allowed path.</summary>
    public static Task ToStatusAsync(this HttpClient lead, Guid trialId, string status) => status switch
    {
        "Proposed" => Task.CompletedTask,
        "Selected" => lead.SelectAsync(trialId),
        "Incubating" => lead.IncubateAsync(trialId),
        "Evaluating" => lead.EvaluateAsync(trialId),
        "Scaling" => lead.ScaleAsync(trialId),
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Scaling, with a practice note published.</summary>
    public static async Task PublishedAsync(this HttpClient lead, Guid trialId)
    {
        await lead.ScaleAsync(trialId);
        await AssertStatus(await lead.PublishAsync(trialId), 200);
    }

    public static async Task<JsonElement> GetTrialAsync(this HttpClient client, Guid trialId)
    {
        var response = await client.GetAsync(Trial(trialId));
        await AssertStatus(response, 200);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        await AssertStatus(response, 200);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A 409 naming <paramref name="code"/>.</summary>
    public static async Task<JsonElement> AssertRule(this HttpResponseMessage response, string code)
    {
        var problem = await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    /// <summary>A success is checked by status; a refusal is a problem document with that status.</summary>
    public static async Task AssertStatus(HttpResponseMessage response, int expected)
    {
        if (expected >= 400)
        {
            await response.AssertProblem((HttpStatusCode)expected);
            return;
        }

        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expected, $"Expected {expected} but got {(int)response.StatusCode}: {body}");
    }

    /// <summary>
    /// A second innovation lead (in no partnership), made straight in the test's own database: someone who runs other
    /// projects and must see none of these. Returns the sign-in email (the demo password).
    /// </summary>
    public static async Task<string> OtherLeadAsync(this SchoolApiFactory factory)
    {
        const string email = OtherLead;
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SchoolDbContext>();
        if (!db.UserAccounts.Any(a => a.NormalisedEmail == UserAccount.Normalise(email)))
        {
            var lead = InnovationLead.Create(Guid.NewGuid(), "Another innovation lead", "Another programme");
            db.InnovationLeads.Add(lead);
            var account = UserAccount.ForLead(Guid.NewGuid(), email, PersonKind.InnovationLead, lead.Id, partnershipId: null);
            account.SetPasswordHash(scope.ServiceProvider.GetRequiredService<IPasswordHasher>().Hash(DemoData.Password));
            db.UserAccounts.Add(account);
            await db.SaveChangesAsync();
        }

        return email;
    }
}

using System.Text;
using static School.Api.Tests.Innovation.TrialDriver;

namespace School.Api.Tests.Innovation;

/// <summary>
/// Bad input to the innovation endpoints is 400 naming the field, 404 or 409 — never 500 — and changes nothing: criteria
/// scores out of range or not seven, readings of another trial's indicator, unknown schools and ideas, malformed JSON.
/// </summary>
public sealed class InnovationBadInputTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    [Theory]
    [InlineData(new[] { 4, 3, 3, 3, 3, 3, 3 }, "scores[0]")]
    [InlineData(new[] { -1, 3, 3, 3, 3, 3, 3 }, "scores[0]")]
    [InlineData(new[] { 3, 3, 3, 9, 3, 3, 3 }, "scores[3]")]
    [InlineData(new[] { 3, 3, 3, 3, 3, 3, -5 }, "scores[6]")]
    [InlineData(new[] { 3, 3, 3, 3, 3, 3 }, "scores")]
    [InlineData(new[] { 3, 3, 3, 3, 3, 3, 3, 3 }, "scores")]
    [InlineData(new int[0], "scores")]
    public async Task Idea_ScoresOutOfRangeOrNotSeven_Is400NamingTheScore(int[] scores, string field)
    {
        using var lead = await factory.ClientFor(Lead);
        var project = IdOf(await lead.NewProjectAsync());

        await (await lead.PostAsJsonAsync(Ideas(project), IdeaBody(scores))).AssertValidationProblem(field);

        Assert.Equal(0, (await lead.GetJsonAsync(Project(project))).GetProperty("ideas").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"title":"No scores","change":"Major","distance":"Far"}""", "scores")]
    [InlineData("""{"title":"Null scores","scores":null,"change":"Major","distance":"Far"}""", "scores")]
    [InlineData("""{"title":"Text score","scores":["a",3,3,3,3,3,3],"change":"Major","distance":"Far"}""", "scores[0]")]
    [InlineData("""{"title":"Huge score","scores":[3,3,99999999999,3,3,3,3],"change":"Major","distance":"Far"}""", "scores[2]")]
    [InlineData("""{"title":"Fraction","scores":[3,3,3,2.5,3,3,3],"change":"Major","distance":"Far"}""", "scores[3]")]
    [InlineData("""{"title":"Bad grid","scores":[3,3,3,3,3,3,3],"change":"Enormous","distance":"Far"}""", "change")]
    [InlineData("""{"title":"","scores":[3,3,3,3,3,3,3],"change":"Major","distance":"Far"}""", "title")]
    public async Task Idea_BadBody_Is400NamingTheField(string json, string field)
    {
        using var lead = await factory.ClientFor(Lead);
        var project = IdOf(await lead.NewProjectAsync());

        await (await lead.PostAsync(Ideas(project), Json(json))).AssertValidationProblem(field);
    }

    [Fact]
    public async Task Reading_OfAnotherTrialsIndicator_Is404AndChangesNeither()
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, first) = await lead.NewTrialAsync();
        var (_, _, second) = await lead.NewTrialAsync();
        var secondsIndicator = await lead.AddIndicatorAsync(second, "Second's indicator");
        await lead.AddIndicatorAsync(first, "First's indicator");

        await AssertStatus(await lead.AddReadingAsync(first, secondsIndicator, "2026-09-08", 10), 404);

        Assert.All((await lead.GetTrialAsync(first)).GetProperty("indicators").EnumerateArray(), i => Assert.Equal(0, i.GetProperty("readings").GetArrayLength()));
        Assert.All((await lead.GetTrialAsync(second)).GetProperty("indicators").EnumerateArray(), i => Assert.Equal(0, i.GetProperty("readings").GetArrayLength()));
    }

    [Fact]
    public async Task Reading_OfAnotherTrialsIndicator_ByTheParticipatingSchoolsAdmin_Is404()
    {
        using var lead = await factory.ClientFor(Lead);
        using var admin = await factory.ClientFor(Accounts.Admin);
        var (_, _, bridgemary) = await lead.NewTrialAsync(schools: BridgemaryOnly);
        var (_, _, cramlington) = await lead.NewTrialAsync(schools: CramlingtonOnly);
        var cramlingtonIndicator = await lead.AddIndicatorAsync(cramlington);

        await AssertStatus(await admin.AddReadingAsync(bridgemary, cramlingtonIndicator, "2026-09-08", 10), 404);
        await AssertStatus(await admin.AddReadingAsync(cramlington, cramlingtonIndicator, "2026-09-08", 10), 404);

        Assert.Equal(0, (await lead.GetTrialAsync(cramlington)).GetProperty("indicators")[0].GetProperty("readings").GetArrayLength());
    }

    [Fact]
    public async Task Reading_UnknownIndicatorOrTrial_Is404()
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, trial) = await lead.NewTrialAsync();
        var indicator = await lead.AddIndicatorAsync(trial);

        await AssertStatus(await lead.AddReadingAsync(trial, Guid.NewGuid(), "2026-09-08", 10), 404);
        await AssertStatus(await lead.AddReadingAsync(Guid.NewGuid(), indicator, "2026-09-08", 10), 404);
    }

    [Theory]
    [InlineData("""{"value":3}""", "on")]
    [InlineData("""{"on":"1900-01-01","value":3}""", "on")]
    [InlineData("""{"on":"2026-13-45","value":3}""", "on")]
    [InlineData("""{"on":"2026-09-08","value":"lots"}""", "value")]
    public async Task Reading_BadBody_Is400NamingTheField(string json, string field)
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, trial) = await lead.NewTrialAsync();
        var indicator = await lead.AddIndicatorAsync(trial);

        await (await lead.PostAsync(Readings(trial, indicator), Json(json))).AssertValidationProblem(field);
    }

    [Fact]
    public async Task Reading_NoteTooLong_Is400()
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, trial) = await lead.NewTrialAsync();
        var indicator = await lead.AddIndicatorAsync(trial);

        await (await lead.AddReadingAsync(trial, indicator, "2026-09-08", 1, new string('n', 1001))).AssertValidationProblem("note");
    }

    [Theory]
    [InlineData("""{"strands":[]}""", "strands")]
    [InlineData("""{}""", "strands")]
    [InlineData("""{"strands":[{"name":"Attendance"}]}""", "strands[0].value")]
    [InlineData("""{"strands":[{"name":"Attendance","value":"92%"},{"name":"","value":"x"}]}""", "strands[1].name")]
    [InlineData("""{"strands":"five"}""", "strands")]
    public async Task Baseline_BadStrands_Is400NamingTheField(string json, string field)
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, trial) = await lead.NewTrialAsync();

        await (await lead.PutAsync(Baseline(trial), Json(json))).AssertValidationProblem(field);

        Assert.Equal(0, (await lead.GetTrialAsync(trial)).GetProperty("baseline").GetArrayLength());
    }

    [Fact]
    public async Task Baseline_ANullStrand_Is400NotA500()
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, trial) = await lead.NewTrialAsync();

        var response = await lead.PutAsync(Baseline(trial), Json("""{"strands":[{"name":"Attendance","value":"92%"},null]}"""));

        await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal(0, (await lead.GetTrialAsync(trial)).GetProperty("baseline").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"on":"2026-09-10","kind":"Magic","description":"x"}""", "kind")]
    [InlineData("""{"on":"2026-09-10","kind":"ToolkitUse","description":""}""", "description")]
    [InlineData("""{"kind":"ToolkitUse","description":"x"}""", "on")]
    public async Task Support_BadBody_Is400NamingTheField(string json, string field)
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, trial) = await lead.NewTrialAsync();

        await (await lead.PostAsync(Support(trial), Json(json))).AssertValidationProblem(field);
    }

    [Theory]
    [InlineData("""{"responsiveness":"r","costAndProductivity":"c"}""", "outcomes")]
    [InlineData("""{"outcomes":"o","responsiveness":"","costAndProductivity":"c"}""", "responsiveness")]
    [InlineData("""{"outcomes":"o","responsiveness":"r"}""", "costAndProductivity")]
    public async Task Evaluation_MissingPart_Is400NamingIt(string json, string field)
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, trial) = await lead.NewTrialAsync();

        await (await lead.PutAsync(Evaluation(trial), Json(json))).AssertValidationProblem(field);

        Assert.Equal(JsonValueKind.Null, (await lead.GetTrialAsync(trial)).GetProperty("evaluation").ValueKind);
    }

    [Fact]
    public async Task Transition_ReasonTooLong_Is400()
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, trial) = await lead.NewTrialAsync();

        await (await lead.TransitionAsync(trial, "Discontinued", new string('r', 1001))).AssertValidationProblem("reason");

        Assert.Equal("Proposed", StatusOf(await lead.GetTrialAsync(trial)));
    }

    /// <summary>A transition without a "to" is refused without moving the trial (400 or 409; never 200 or 500).</summary>
    [Fact]
    public async Task Transition_NoTo_IsRefused()
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, trial) = await lead.NewTrialAsync();
        await lead.SelectAsync(trial);

        var response = await lead.PostAsync(Transitions(trial), Json("""{"reason":"Where to?"}"""));

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Conflict });
        await response.AssertProblem(response.StatusCode);
        Assert.Equal("Selected", StatusOf(await lead.GetTrialAsync(trial)));
    }

    [Theory]
    [InlineData("""{"name":"P","policyAreaId":"00000000-0000-0000-0000-000000000001","networkSchoolIds":[]}""", "policyAreaId")]
    [InlineData("""{"name":"P","policyAreaId":"00000000-0000-0000-0000-000000000000","networkSchoolIds":[]}""", "policyAreaId")]
    [InlineData("""{"name":"","policyAreaId":"{area}","networkSchoolIds":[]}""", "name")]
    [InlineData("""{"name":"P","policyAreaId":"{area}","networkSchoolIds":["00000000-0000-0000-0000-000000000001"]}""", "networkSchoolIds")]
    [InlineData("""{"name":"P","policyAreaId":"{area}","criteriaToSelect":8}""", "criteriaToSelect")]
    [InlineData("""{"name":"P","policyAreaId":"{area}","criteriaToSelect":-1}""", "criteriaToSelect")]
    [InlineData("""{"name":"P","policyAreaId":"not-a-guid"}""", "policyAreaId")]
    public async Task Project_BadBody_Is400NamingTheField(string json, string field)
    {
        using var lead = await factory.ClientFor(Lead);
        var area = await lead.PolicyAreaAsync();

        await (await lead.PostAsync("/api/innovation/projects", Json(json.Replace("{area}", area.ToString(), StringComparison.Ordinal)))).AssertValidationProblem(field);
    }

    [Fact]
    public async Task Propose_IdeaOfAnotherProject_Is400IdeaId()
    {
        using var lead = await factory.ClientFor(Lead);
        var project = IdOf(await lead.NewProjectAsync());
        var other = IdOf(await lead.NewProjectAsync());
        var othersIdea = IdOf(await lead.NewIdeaAsync(other));

        await (await lead.PostAsJsonAsync(ProposeUrl(project), TrialBody(othersIdea, BridgemaryOnly))).AssertValidationProblem("ideaId");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public async Task Propose_BaselineStrandsOutOfRange_Is400(int strands)
    {
        using var lead = await factory.ClientFor(Lead);
        var project = IdOf(await lead.NewProjectAsync());
        var idea = IdOf(await lead.NewIdeaAsync(project));

        await (await lead.PostAsJsonAsync(ProposeUrl(project), TrialBody(idea, BridgemaryOnly, strands))).AssertValidationProblem("baselineStrandsRequired");
    }

    [Fact]
    public async Task Propose_SchoolOutsideTheNetwork_Is409()
    {
        using var lead = await factory.ClientFor(Lead);
        var project = IdOf(await lead.NewProjectAsync(BridgemaryOnly));
        var idea = IdOf(await lead.NewIdeaAsync(project));

        await (await lead.PostAsJsonAsync(ProposeUrl(project), TrialBody(idea, CramlingtonOnly))).AssertRule("innovation.school_outside_network");
        await (await lead.PostAsJsonAsync(ProposeUrl(project), TrialBody(idea, [Guid.NewGuid()]))).AssertRule("innovation.school_outside_network");
    }

    [Fact]
    public async Task Propose_UnknownResourceDomain_Is400()
    {
        using var lead = await factory.ClientFor(Lead);
        var project = IdOf(await lead.NewProjectAsync());
        var idea = IdOf(await lead.NewIdeaAsync(project));

        var response = await lead.PostAsync(ProposeUrl(project), Json($$"""{"ideaId":"{{idea}}","title":"T","schoolIds":[],"resourceDomains":["Space"]}"""));

        await response.AssertValidationProblem("resourceDomains[0]");
    }

    [Fact]
    public async Task ProjectPhase_Backwards_Is409()
    {
        using var lead = await factory.ClientFor(Lead);
        var project = IdOf(await lead.NewProjectAsync());
        await AssertStatus(await lead.PostAsJsonAsync($"{Project(project)}/phase", new { phase = "LocalIncubation" }), 200);

        await (await lead.PostAsJsonAsync($"{Project(project)}/phase", new { phase = "SystemLevel", step = "AnalyseNeed" })).AssertRule("innovation.phase_backwards");
    }

    public static TheoryData<string, string> Writes => new()
    {
        { "POST", "transitions" },
        { "PUT", "baseline" },
        { "POST", "indicators" },
        { "POST", "readings" },
        { "POST", "support" },
        { "PUT", "evaluation" },
        { "POST", "practice-note" },
        { "POST", "adoptions" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task MalformedJson_Is400Body(string method, string endpoint)
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, trial) = await lead.NewTrialAsync();
        var indicator = await lead.AddIndicatorAsync(trial);
        var url = endpoint == "readings" ? Readings(trial, indicator) : $"{Trial(trial)}/{endpoint}";

        var response = await lead.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = Json("""{"to": "Selected", """) });

        await response.AssertValidationProblem("body");
        Assert.Equal("Proposed", StatusOf(await lead.GetTrialAsync(trial)));
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task EmptyBody_Is400(string method, string endpoint)
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, trial) = await lead.NewTrialAsync();
        var indicator = await lead.AddIndicatorAsync(trial);
        var url = endpoint == "readings" ? Readings(trial, indicator) : $"{Trial(trial)}/{endpoint}";

        var response = await lead.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = Json("") });

        await response.AssertProblem(HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task UnknownTrial_Is404(string method, string endpoint)
    {
        using var lead = await factory.ClientFor(Lead);
        var trial = Guid.NewGuid();
        var url = endpoint == "readings" ? Readings(trial, Guid.NewGuid()) : $"{Trial(trial)}/{endpoint}";
        object body = endpoint switch
        {
            "transitions" => new { to = "Selected", reason = "x" },
            "baseline" => BaselineBody(5),
            "indicators" => new { name = "n", unit = "u" },
            "readings" => new { on = "2026-09-08", value = 1 },
            "support" => SupportBody(),
            "evaluation" => EvaluationBody(),
            "practice-note" => NoteBody(),
            _ => new { schoolId = DemoData.CramlingtonId },
        };

        var response = await lead.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(body) });

        await AssertStatus(response, 404);
    }

    [Fact]
    public async Task NotAGuid_Is404()
    {
        using var lead = await factory.ClientFor(Lead);

        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync("/api/field-trials/not-a-trial")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.PostAsJsonAsync("/api/field-trials/42/transitions", new { to = "Selected" })).StatusCode);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}

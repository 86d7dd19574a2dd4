namespace School.Api.Tests.Innovation;

/// <summary>
/// The demo Next Practice data: the programme's innovation lead signs in; the Resourcing Personalisation project is in
/// local incubation with Bridgemary's flexible day Incubating (one reading so far) and Cramlington's SECURE trial
/// Evaluating; each trial's status history is what its rules allowed, moved by the lead with reasons.
/// </summary>
public sealed class DemoInnovationTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private static readonly string FlexibleDayUrl = $"/api/field-trials/{DemoData.BridgemaryFlexibleDayTrialId}";

    private static readonly string DashboardUrl = $"/api/innovation/projects/{DemoData.ResourcingProjectId}/dashboard";

    [Fact]
    public async Task TheInnovationLead_SignsIn_AndIsAnInnovationLeadOutsideAnySchool()
    {
        using var lead = await factory.ClientFor(Accounts.Innovation);

        var me = await lead.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(Accounts.Innovation, me.GetProperty("email").GetString());
        Assert.Equal("InnovationLead", me.GetProperty("kind").GetString());
        Assert.Equal(DemoData.InnovationLeadId, me.GetProperty("id").GetGuid());
        Assert.Equal(DemoDataSeeder.InnovationLeadName, me.GetProperty("name").GetString());
        Assert.Equal(["InnovationLead"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(JsonValueKind.Null, me.GetProperty("schoolId").ValueKind);
        Assert.Contains(DemoData.Accounts, a => a.Email == Accounts.Innovation);
    }

    [Fact]
    public async Task PolicyAreas_AreTheFourOfTheProgramme()
    {
        using var lead = await factory.ClientFor(Accounts.Innovation);

        var areas = await lead.GetFromJsonAsync<JsonElement>("/api/policy-areas");

        Assert.Equal(
            ["Parental and Carer Engagement", "Resourcing Personalisation", "System Leadership", "Workforce Modernisation — Communities for Learning"],
            areas.EnumerateArray().Select(a => a.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task BridgemarysTrials_ForItsAdmin_ShowTheFlexibleDayIncubating_WithItsLastReading()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var trials = await admin.GetFromJsonAsync<JsonElement>($"/api/schools/{DemoData.BridgemaryId}/field-trials");

        var trial = Assert.Single(trials.EnumerateArray());
        Assert.Equal(DemoData.BridgemaryFlexibleDayTrialId, trial.GetProperty("id").GetGuid());
        Assert.Equal(DemoData.ResourcingProjectId, trial.GetProperty("projectId").GetGuid());
        Assert.Equal("The flexible day at Bridgemary", trial.GetProperty("title").GetString());
        Assert.Equal("Incubating", trial.GetProperty("status").GetString());
        Assert.Equal("LocalIncubation", trial.GetProperty("phase").GetString());
        var last = trial.GetProperty("lastReading");
        Assert.Equal("Year 10 students on a flexible day", last.GetProperty("indicator").GetString());
        Assert.Equal("2026-09-04", last.GetProperty("on").GetString());
        Assert.Equal(50m, last.GetProperty("value").GetDecimal());
        Assert.Equal("students", last.GetProperty("unit").GetString());
    }

    [Fact]
    public async Task TheFlexibleDay_ForTheLead_KeepsItsStatusHistory_BaselineIndicatorsAndSupport()
    {
        using var lead = await factory.ClientFor(Accounts.Innovation);

        var trial = await lead.GetFromJsonAsync<JsonElement>(FlexibleDayUrl);

        Assert.Equal("Incubating", trial.GetProperty("status").GetString());
        var history = trial.GetProperty("history").EnumerateArray()
            .Select(h => (
                h.GetProperty("from").GetString(), h.GetProperty("to").GetString(), h.GetProperty("by").GetGuid(), h.GetProperty("at").GetDateTimeOffset(),
                h.GetProperty("reason").GetString()))
            .ToList();
        Assert.Equal(
            [
                ("Proposed", "Proposed", DemoData.InnovationLeadId, new DateTimeOffset(2026, 5, 11, 9, 0, 0, TimeSpan.Zero), "Proposed."),
                ("Proposed", "Selected", DemoData.InnovationLeadId, new DateTimeOffset(2026, 6, 8, 10, 0, 0, TimeSpan.Zero),
                    "Meets all seven criteria; Bridgemary's ability-driven curriculum is a strong base for it."),
                ("Selected", "Incubating", DemoData.InnovationLeadId, new DateTimeOffset(2026, 7, 21, 14, 0, 0, TimeSpan.Zero),
                    "Baseline recorded (five strands); the Power to Innovate request is granted."),
            ],
            history);

        Assert.Equal(["UseOfTime", "Technology"], trial.GetProperty("resourceDomains").EnumerateArray().Select(d => d.GetString()));
        Assert.False(string.IsNullOrWhiteSpace(trial.GetProperty("leadPractitioner").GetString()));
        Assert.Equal(7, trial.GetProperty("ideaCriteriaMet").GetInt32());
        Assert.Equal(5, trial.GetProperty("criteriaToSelect").GetInt32());
        Assert.Equal([DemoData.BridgemaryId], trial.GetProperty("schools").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
        Assert.Equal(5, trial.GetProperty("baselineStrandsRequired").GetInt32());
        Assert.Equal(5, trial.GetProperty("baseline").GetArrayLength());

        var indicators = trial.GetProperty("indicators").EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetGuid(), i => i.GetProperty("readings").GetArrayLength());
        Assert.Equal(new Dictionary<Guid, int> { [DemoData.FlexibleDayOptInIndicatorId] = 1, [DemoData.FlexibleDayAttendanceIndicatorId] = 0 }, indicators);

        var powerToInnovate = Assert.Single(trial.GetProperty("support").EnumerateArray(), s => s.GetProperty("kind").GetString() == "PowerToInnovateRequest");
        Assert.StartsWith("Granted", powerToInnovate.GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, trial.GetProperty("evaluation").ValueKind);
        Assert.Equal(JsonValueKind.Null, trial.GetProperty("practiceNote").ValueKind);
    }

    [Fact]
    public async Task TheCramlingtonTrial_IsEvaluating_WithTwoReadingsOfEachIndicator()
    {
        using var admin = await factory.ClientFor(Accounts.CramlingtonAdmin);

        var trial = await admin.GetFromJsonAsync<JsonElement>($"/api/field-trials/{DemoData.CramlingtonTrialId}");

        Assert.Equal("Evaluating", trial.GetProperty("status").GetString());
        Assert.Equal(
            ["Proposed", "Selected", "Incubating", "Evaluating"],
            trial.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()));
        Assert.Equal(5, trial.GetProperty("baseline").GetArrayLength());
        var indicators = trial.GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(2, indicators.Count);
        Assert.All(indicators, i => Assert.True(i.GetProperty("readings").GetArrayLength() >= 2));
    }

    [Fact]
    public async Task TheProjectDashboard_CountsOneIncubatingAndOneEvaluating()
    {
        using var lead = await factory.ClientFor(Accounts.Innovation);

        var dashboard = await lead.GetFromJsonAsync<JsonElement>(DashboardUrl);

        Assert.Equal("LocalIncubation", dashboard.GetProperty("phase").GetString());
        var byStatus = dashboard.GetProperty("trialsByStatus").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(
            new Dictionary<string, int> { ["Proposed"] = 0, ["Selected"] = 0, ["Incubating"] = 1, ["Evaluating"] = 1, ["Scaling"] = 0, ["Discontinued"] = 0 },
            byStatus);
        Assert.Equal(2, dashboard.GetProperty("indicatorsRising").GetInt32());
        Assert.Equal(2, dashboard.GetProperty("indicatorsAwaitingReadings").GetInt32());
        Assert.Equal(1, dashboard.GetProperty("supportByKind").GetProperty("PowerToInnovateRequest").GetInt32());
        Assert.Equal(
            [DemoData.BridgemaryFlexibleDayTrialId, DemoData.CramlingtonTrialId],
            dashboard.GetProperty("trials").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).Order());
    }

    [Fact]
    public async Task TheProject_ShowsItsIdeasOnTheGrid_WithAHorizonNoteFromHealth()
    {
        using var lead = await factory.ClientFor(Accounts.Innovation);

        var project = await lead.GetFromJsonAsync<JsonElement>($"/api/innovation/projects/{DemoData.ResourcingProjectId}");

        Assert.Equal("Resourcing Personalisation", project.GetProperty("policyArea").GetProperty("name").GetString());
        Assert.Equal("National College for School Leadership", project.GetProperty("partnerAgency").GetString());
        Assert.Equal(
            [DemoData.BridgemaryId, DemoData.CramlingtonId],
            project.GetProperty("networkSchools").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
        var ideas = project.GetProperty("ideas").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetGuid());
        Assert.Equal(4, ideas.Count);
        Assert.Equal("Radical", ideas[DemoData.FlexibleDayIdeaId].GetProperty("gridQuadrant").GetString());
        Assert.Equal(7, ideas[DemoData.FlexibleDayIdeaId].GetProperty("scores").GetArrayLength());
        Assert.Contains(ideas[DemoData.FlexibleDayIdeaId].GetProperty("horizonNotes").EnumerateArray(), n => n.GetProperty("sector").GetString() == "Health");
        Assert.Equal("Significant", ideas[DemoData.SecureChoiceIdeaId].GetProperty("gridQuadrant").GetString());
        Assert.True(ideas[DemoData.AnytimeLearningIdeaId].GetProperty("criteriaMet").GetInt32() < 5);
        Assert.True(ideas[DemoData.TransitionIdeaId].GetProperty("criteriaMet").GetInt32() < 5);
    }

    [Fact]
    public async Task TheFlexibleDay_IsNotFound_ForTheDemoStudentOrCramlingtonsAdmin()
    {
        foreach (var caller in new[] { Accounts.Student, Accounts.Parent, Accounts.CramlingtonAdmin })
        {
            using var client = await factory.ClientFor(caller);

            await (await client.GetAsync(FlexibleDayUrl)).AssertProblem(HttpStatusCode.NotFound);
        }
    }
}

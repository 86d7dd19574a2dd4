using static School.Api.Tests.Innovation.TrialDriver;

namespace School.Api.Tests.Innovation;

/// <summary>
/// Every innovation endpoint × the demo innovation lead, a second lead who runs other projects, and every demo school
/// account × a Bridgemary trial (in a project whose network is Bridgemary) and a Cramlington trial (network Cramlington).
/// The lead does everything; the admin of the participating school updates their school's trial (baseline, indicators,
/// readings, support, evaluation, transitions); other staff of that school read it (writes 403); students, guardians,
/// another school's staff and another lead get 404. A refused write changes nothing (the trial's version stands).
/// </summary>
public sealed class InnovationAuthorizationMatrixTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private const string Bridgemary = "bridgemary-trial";
    private const string Cramlington = "cramlington-trial";

    /// <summary>Reading a trial, its project and dashboard, and the school's trials.</summary>
    public static TheoryData<string, string, int> Read => Matrix(
        (Lead, 200, 200),
        (OtherLead, 404, 404),
        (Accounts.Admin, 200, 404),
        (Accounts.Tutor, 200, 404),
        (Accounts.Mentor, 200, 404),
        (Accounts.Teacher, 200, 404),
        (Accounts.Pastoral, 200, 404),
        (Accounts.Student, 404, 404),
        (Accounts.Parent, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 200),
        (Accounts.CramlingtonStudent, 404, 404),
        (Accounts.CramlingtonParent, 404, 404));

    /// <summary>Updating a trial: the lead and the admin of the participating school.</summary>
    public static TheoryData<string, string, int> Update => Matrix(
        (Lead, 200, 200),
        (OtherLead, 404, 404),
        (Accounts.Admin, 200, 404),
        (Accounts.Tutor, 403, 404),
        (Accounts.Mentor, 403, 404),
        (Accounts.Teacher, 403, 404),
        (Accounts.Pastoral, 403, 404),
        (Accounts.Student, 404, 404),
        (Accounts.Parent, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 200),
        (Accounts.CramlingtonStudent, 404, 404),
        (Accounts.CramlingtonParent, 404, 404));

    /// <summary>What only the project's lead does (publishing a note, ideas, proposing trials, the project's phase).</summary>
    public static TheoryData<string, string, int> LeadOnly => Matrix(
        (Lead, 200, 200),
        (OtherLead, 404, 404),
        (Accounts.Admin, 403, 404),
        (Accounts.Tutor, 403, 404),
        (Accounts.Mentor, 403, 404),
        (Accounts.Teacher, 403, 404),
        (Accounts.Pastoral, 403, 404),
        (Accounts.Student, 404, 404),
        (Accounts.Parent, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 403),
        (Accounts.CramlingtonStudent, 404, 404),
        (Accounts.CramlingtonParent, 404, 404));

    public static TheoryData<string, string, int> LeadOnlyCreates => Replace(LeadOnly, 200, 201);

    [Theory]
    [MemberData(nameof(Read))]
    public async Task GetTrial(string caller, string target, int expected)
    {
        var (_, trialId) = await TargetAsync(target);
        using var client = await ClientAsync(caller);

        var response = await client.GetAsync(Trial(trialId));

        await AssertStatus(response, expected);
        if (expected == 200)
        {
            var trial = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(trialId, IdOf(trial));
            Assert.NotEmpty(HistoryOf(trial));
        }
    }

    [Theory]
    [MemberData(nameof(Read))]
    public async Task GetProject(string caller, string target, int expected)
    {
        var (projectId, trialId) = await TargetAsync(target);
        using var client = await ClientAsync(caller);

        var response = await client.GetAsync(Project(projectId));

        await AssertStatus(response, expected);
        if (expected == 200)
        {
            Assert.Contains(trialId, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trials").EnumerateArray().Select(IdOf));
        }
    }

    [Theory]
    [MemberData(nameof(Read))]
    public async Task GetDashboard(string caller, string target, int expected)
    {
        var (projectId, _) = await TargetAsync(target);
        using var client = await ClientAsync(caller);

        var response = await client.GetAsync(Dashboard(projectId));

        await AssertStatus(response, expected);
        if (expected == 200)
        {
            var dashboard = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(1, dashboard.GetProperty("trialsByStatus").GetProperty("Proposed").GetInt32());
        }
    }

    [Theory]
    [MemberData(nameof(Read))]
    public async Task GetSchoolTrials(string caller, string target, int expected)
    {
        var (_, trialId) = await TargetAsync(target);
        using var client = await ClientAsync(caller);

        var response = await client.GetAsync(SchoolTrials(SchoolOf(target)));

        await AssertStatus(response, expected);
        if (expected == 200)
        {
            Assert.Contains(trialId, (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(IdOf));
        }
    }

    [Theory]
    [MemberData(nameof(Read))]
    public async Task ListProjects_ShowsTheProjectToWhoeverMayReadIt(string caller, string target, int expected)
    {
        var (projectId, _) = await TargetAsync(target);
        using var client = await ClientAsync(caller);

        var response = await client.GetAsync("/api/innovation/projects");

        await AssertStatus(response, 200);
        Assert.Equal(expected == 200, (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(IdOf).Contains(projectId));
    }

    [Theory]
    [MemberData(nameof(Update))]
    public async Task Transition(string caller, string target, int expected)
    {
        var (_, trialId) = await TargetAsync(target);
        var before = await VersionAsync(trialId);
        using var client = await ClientAsync(caller);

        var response = await client.TransitionAsync(trialId, "Selected", "Matrix.");

        await AssertStatus(response, expected);
        await AssertChangedAsync(trialId, before, expected == 200);
        Assert.Equal(expected == 200 ? "Selected" : "Proposed", StatusOf(await LeadGetAsync(trialId)));
    }

    [Theory]
    [MemberData(nameof(Update))]
    public async Task Discontinue(string caller, string target, int expected)
    {
        var (_, trialId) = await TargetAsync(target);
        using var client = await ClientAsync(caller);

        var response = await client.TransitionAsync(trialId, "Discontinued", "Matrix.");

        await AssertStatus(response, expected);
        Assert.Equal(expected == 200 ? "Discontinued" : "Proposed", StatusOf(await LeadGetAsync(trialId)));
    }

    [Theory]
    [MemberData(nameof(Update))]
    public async Task RecordBaseline(string caller, string target, int expected)
    {
        var (_, trialId) = await TargetAsync(target);
        var before = await VersionAsync(trialId);
        using var client = await ClientAsync(caller);

        var response = await client.RecordBaselineAsync(trialId);

        await AssertStatus(response, expected);
        await AssertChangedAsync(trialId, before, expected == 200);
    }

    [Theory]
    [MemberData(nameof(Update))]
    public async Task AddIndicator(string caller, string target, int expected)
    {
        var (_, trialId) = await TargetAsync(target);
        var before = await VersionAsync(trialId);
        using var client = await ClientAsync(caller);

        var response = await client.PostAsJsonAsync(Indicators(trialId), new { name = "Matrix indicator", unit = "%" });

        await AssertStatus(response, expected);
        await AssertChangedAsync(trialId, before, expected == 200);
    }

    [Theory]
    [MemberData(nameof(Update))]
    public async Task AddReading(string caller, string target, int expected)
    {
        var (_, trialId) = await TargetAsync(target);
        Guid indicator;
        using (var lead = await factory.ClientFor(Lead))
        {
            indicator = await lead.AddIndicatorAsync(trialId);
        }

        var before = await VersionAsync(trialId);
        using var client = await ClientAsync(caller);

        var response = await client.AddReadingAsync(trialId, indicator, "2026-09-08", 7);

        await AssertStatus(response, expected);
        await AssertChangedAsync(trialId, before, expected == 200);
    }

    [Theory]
    [MemberData(nameof(Update))]
    public async Task LogSupport(string caller, string target, int expected)
    {
        var (_, trialId) = await TargetAsync(target);
        var before = await VersionAsync(trialId);
        using var client = await ClientAsync(caller);

        var response = await client.LogSupportAsync(trialId, "ChangeLeadershipConsultancy");

        await AssertStatus(response, expected);
        await AssertChangedAsync(trialId, before, expected == 200);
    }

    [Theory]
    [MemberData(nameof(Update))]
    public async Task RecordEvaluation(string caller, string target, int expected)
    {
        var (_, trialId) = await TargetAsync(target);
        var before = await VersionAsync(trialId);
        using var client = await ClientAsync(caller);

        var response = await client.RecordEvaluationAsync(trialId);

        await AssertStatus(response, expected);
        await AssertChangedAsync(trialId, before, expected == 200);
    }

    [Theory]
    [MemberData(nameof(LeadOnly))]
    public async Task PublishPracticeNote(string caller, string target, int expected)
    {
        var (_, trialId) = await TargetAsync(target);
        using (var lead = await factory.ClientFor(Lead))
        {
            await lead.ScaleAsync(trialId);
        }

        var before = await VersionAsync(trialId);
        using var client = await ClientAsync(caller);

        var response = await client.PublishAsync(trialId);

        await AssertStatus(response, expected);
        await AssertChangedAsync(trialId, before, expected == 200);
    }

    [Theory]
    [MemberData(nameof(LeadOnlyCreates))]
    public async Task AddIdea(string caller, string target, int expected)
    {
        var (projectId, _) = await TargetAsync(target);
        using var client = await ClientAsync(caller);
        var title = Unique("Matrix idea");

        var response = await client.PostAsJsonAsync(Ideas(projectId), IdeaBody(Strong, title));

        await AssertStatus(response, expected);
        var ideas = (await LeadGetJsonAsync(Project(projectId))).GetProperty("ideas").EnumerateArray().Select(i => i.GetProperty("title").GetString());
        Assert.Equal(expected == 201, ideas.Contains(title));
    }

    [Theory]
    [MemberData(nameof(LeadOnlyCreates))]
    public async Task ProposeTrial(string caller, string target, int expected)
    {
        var (projectId, trialId) = await TargetAsync(target);
        var ideaId = (await LeadGetAsync(trialId)).GetProperty("ideaId").GetGuid();
        using var client = await ClientAsync(caller);

        var response = await client.PostAsJsonAsync(ProposeUrl(projectId), TrialBody(ideaId, [SchoolOf(target)]));

        await AssertStatus(response, expected);
        Assert.Equal(expected == 201 ? 2 : 1, (await LeadGetJsonAsync(Project(projectId))).GetProperty("trials").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(LeadOnly))]
    public async Task MoveProjectPhase(string caller, string target, int expected)
    {
        var (projectId, _) = await TargetAsync(target);
        using var client = await ClientAsync(caller);

        var response = await client.PostAsJsonAsync($"{Project(projectId)}/phase", new { phase = "LocalIncubation" });

        await AssertStatus(response, expected);
        Assert.Equal(expected == 200 ? "LocalIncubation" : "SystemLevel", (await LeadGetJsonAsync(Project(projectId))).GetProperty("phase").GetString());
    }

    public static TheoryData<string, int> Callers(params (string Caller, int Expected)[] rows)
    {
        var data = new TheoryData<string, int>();
        foreach (var (caller, expected) in rows)
        {
            data.Add(caller, expected);
        }

        return data;
    }

    /// <summary>Starting a project: innovation leads only.</summary>
    public static TheoryData<string, int> CreateProjectCallers => Callers(
        (Lead, 201), (OtherLead, 201),
        (Accounts.Admin, 403), (Accounts.Tutor, 403), (Accounts.Mentor, 403), (Accounts.Teacher, 403), (Accounts.Pastoral, 403),
        (Accounts.Student, 403), (Accounts.Parent, 403),
        (Accounts.CramlingtonAdmin, 403), (Accounts.CramlingtonStudent, 403), (Accounts.CramlingtonParent, 403));

    /// <summary>The policy areas: staff and leads; never students or guardians.</summary>
    public static TheoryData<string, int> PolicyAreaCallers => Callers(
        (Lead, 200), (OtherLead, 200),
        (Accounts.Admin, 200), (Accounts.Tutor, 200), (Accounts.Mentor, 200), (Accounts.Teacher, 200), (Accounts.Pastoral, 200),
        (Accounts.Student, 403), (Accounts.Parent, 403),
        (Accounts.CramlingtonAdmin, 200), (Accounts.CramlingtonStudent, 403), (Accounts.CramlingtonParent, 403));

    /// <summary>The partnership view: the lead in the partnership, and staff of its schools.</summary>
    public static TheoryData<string, int> PartnershipCallers => Callers(
        (Lead, 200), (OtherLead, 404),
        (Accounts.Admin, 200), (Accounts.Tutor, 200), (Accounts.Mentor, 200), (Accounts.Teacher, 200), (Accounts.Pastoral, 200),
        (Accounts.Student, 404), (Accounts.Parent, 404),
        (Accounts.CramlingtonAdmin, 200), (Accounts.CramlingtonStudent, 404), (Accounts.CramlingtonParent, 404));

    [Theory]
    [MemberData(nameof(CreateProjectCallers))]
    public async Task CreateProject(string caller, int expected)
    {
        using var lead = await factory.ClientFor(Lead);
        var area = await lead.PolicyAreaAsync();
        using var client = await ClientAsync(caller);
        var name = Unique("Matrix project");

        var response = await client.PostAsJsonAsync("/api/innovation/projects", new { name, policyAreaId = area, networkSchoolIds = BothSchools });

        await AssertStatus(response, expected);
        if (expected == 201)
        {
            Assert.Equal(name, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(PolicyAreaCallers))]
    public async Task ListPolicyAreas(string caller, int expected)
    {
        using var client = await ClientAsync(caller);

        await AssertStatus(await client.GetAsync("/api/policy-areas"), expected);
    }

    [Theory]
    [MemberData(nameof(PartnershipCallers))]
    public async Task GetPartnershipTrials(string caller, int expected)
    {
        // A trial at both schools, so that every member of staff here takes part in it.
        Guid trialId;
        using (var lead = await factory.ClientFor(Lead))
        {
            (_, _, trialId) = await lead.NewTrialAsync(network: BothSchools, schools: BothSchools);
        }

        using var client = await ClientAsync(caller);

        var response = await client.GetAsync(PartnershipTrials(DemoData.PartnershipId));

        await AssertStatus(response, expected);
        if (expected == 200)
        {
            Assert.Contains(trialId, (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(IdOf));
        }
    }

    [Fact]
    public async Task ListProjects_StudentsAndGuardiansSeeNone()
    {
        await TargetAsync(Bridgemary);
        await TargetAsync(Cramlington);

        foreach (var caller in new[] { Accounts.Student, Accounts.Parent, Accounts.CramlingtonStudent, Accounts.CramlingtonParent })
        {
            using var client = await factory.ClientFor(caller);
            var projects = await client.GetJsonAsync("/api/innovation/projects");
            Assert.Equal(0, projects.GetArrayLength());
        }
    }

    [Theory]
    [InlineData(Bridgemary)]
    [InlineData(Cramlington)]
    public async Task EveryEndpoint_WithoutSigningIn_Is401(string target)
    {
        var (projectId, trialId) = await TargetAsync(target);
        using var anonymous = factory.CreateClient();

        HttpResponseMessage[] responses =
        [
            await anonymous.GetAsync("/api/policy-areas"),
            await anonymous.GetAsync("/api/innovation/projects"),
            await anonymous.PostAsJsonAsync("/api/innovation/projects", new { name = "P", policyAreaId = Guid.NewGuid() }),
            await anonymous.GetAsync(Project(projectId)),
            await anonymous.PostAsJsonAsync($"{Project(projectId)}/phase", new { phase = "LocalIncubation" }),
            await anonymous.GetAsync(Dashboard(projectId)),
            await anonymous.PostAsJsonAsync(Ideas(projectId), IdeaBody(Strong)),
            await anonymous.PostAsJsonAsync($"/api/innovation/ideas/{Guid.NewGuid()}/horizon-notes", new { sector = "Health", note = "n" }),
            await anonymous.PostAsJsonAsync(ProposeUrl(projectId), TrialBody(Guid.NewGuid(), [SchoolOf(target)])),
            await anonymous.GetAsync(Trial(trialId)),
            await anonymous.TransitionAsync(trialId, "Selected"),
            await anonymous.RecordBaselineAsync(trialId),
            await anonymous.PostAsJsonAsync(Indicators(trialId), new { name = "n" }),
            await anonymous.AddReadingAsync(trialId, Guid.NewGuid(), "2026-09-08", 1),
            await anonymous.LogSupportAsync(trialId),
            await anonymous.RecordEvaluationAsync(trialId),
            await anonymous.PublishAsync(trialId),
            await anonymous.AdoptAsync(trialId, SchoolOf(target)),
            await anonymous.GetAsync(SchoolTrials(SchoolOf(target))),
            await anonymous.GetAsync(PartnershipTrials(DemoData.PartnershipId)),
        ];

        foreach (var response in responses)
        {
            await response.AssertProblem(HttpStatusCode.Unauthorized);
        }

        Assert.Equal("Proposed", StatusOf(await LeadGetAsync(trialId)));
    }

    private static Guid SchoolOf(string target) => target switch
    {
        Bridgemary => DemoData.BridgemaryId,
        Cramlington => DemoData.CramlingtonId,
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    /// <summary>A fresh project whose network is the target's school, with a strong idea and a Proposed trial there.</summary>
    private async Task<(Guid ProjectId, Guid TrialId)> TargetAsync(string target)
    {
        using var lead = await factory.ClientFor(Lead);
        var school = SchoolOf(target);
        var (projectId, _, trialId) = await lead.NewTrialAsync(network: [school], schools: [school]);
        return (projectId, trialId);
    }

    private async Task<HttpClient> ClientAsync(string caller)
    {
        if (caller == OtherLead)
        {
            await factory.OtherLeadAsync();
        }

        return await factory.ClientFor(caller);
    }

    private async Task<JsonElement> LeadGetAsync(Guid trialId)
    {
        using var lead = await factory.ClientFor(Lead);
        return await lead.GetTrialAsync(trialId);
    }

    private async Task<JsonElement> LeadGetJsonAsync(string url)
    {
        using var lead = await factory.ClientFor(Lead);
        return await lead.GetJsonAsync(url);
    }

    private async Task<uint> VersionAsync(Guid trialId) => (await LeadGetAsync(trialId)).GetProperty("version").GetUInt32();

    /// <summary>The trial's version moved by one if the write was allowed, and not at all if it was refused.</summary>
    private async Task AssertChangedAsync(Guid trialId, uint before, bool changed)
    {
        var after = await VersionAsync(trialId);
        Assert.True(after == before + (changed ? 1u : 0u), $"Version before {before}, after {after}, changed: {changed}");
    }

    private static TheoryData<string, string, int> Matrix(params (string Caller, int Bridgemary, int Cramlington)[] rows)
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (caller, bridgemary, cramlington) in rows)
        {
            data.Add(caller, Bridgemary, bridgemary);
            data.Add(caller, Cramlington, cramlington);
        }

        return data;
    }

    private static TheoryData<string, string, int> Replace(TheoryData<string, string, int> source, int from, int to)
    {
        var data = new TheoryData<string, string, int>();
        foreach (var row in source)
        {
            var status = (int)row[2];
            data.Add((string)row[0], (string)row[1], status == from ? to : status);
        }

        return data;
    }
}

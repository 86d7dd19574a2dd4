using static School.Api.Tests.Innovation.TrialDriver;

namespace School.Api.Tests.Innovation;

/// <summary>
/// The views: a school's trials (each with its status, its project's phase and its last reading), a project's dashboard
/// (trials by status, indicators rising, falling, flat or awaiting readings, support given by kind), and the partnership
/// view. The demo data has trials of its own, so each test looks for the trials it made.
/// </summary>
public sealed class InnovationViewsTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    [Fact]
    public async Task SchoolView_ListsEachTrialTheSchoolTakesPartIn_WithStatusPhaseAndLastReading()
    {
        using var lead = await factory.ClientFor(Lead);
        using var teacher = await factory.ClientFor(Accounts.Teacher);
        var project = IdOf(await lead.NewProjectAsync());
        var idea = IdOf(await lead.NewIdeaAsync(project));
        var bridgemary = IdOf(await lead.ProposeAsync(project, idea, BridgemaryOnly));
        var both = IdOf(await lead.ProposeAsync(project, idea, BothSchools));
        var cramlington = IdOf(await lead.ProposeAsync(project, idea, CramlingtonOnly));
        await lead.IncubateAsync(bridgemary);
        var attendance = await lead.AddIndicatorAsync(bridgemary, "Attendance", "%");
        var optIn = await lead.AddIndicatorAsync(bridgemary, "Opting in", "students");
        await lead.ReadAsync(bridgemary, attendance, "2026-09-08", 91);
        await lead.ReadAsync(bridgemary, optIn, "2026-10-01", 42);
        // Recorded last, but read earlier: the last reading is the latest by date.
        await lead.ReadAsync(bridgemary, attendance, "2026-09-20", 92);
        await AssertStatus(await lead.PostAsJsonAsync($"{Project(project)}/phase", new { phase = "LocalIncubation" }), 200);

        var view = (await teacher.GetJsonAsync(SchoolTrials(DemoData.BridgemaryId))).EnumerateArray().Where(t => t.GetProperty("projectId").GetGuid() == project).ToList();

        Assert.Equal(new[] { bridgemary, both }.Order(), view.Select(IdOf).Order());
        var incubating = Assert.Single(view, t => IdOf(t) == bridgemary);
        Assert.Equal("Incubating", StatusOf(incubating));
        Assert.Equal("LocalIncubation", incubating.GetProperty("phase").GetString());
        var last = incubating.GetProperty("lastReading");
        Assert.Equal("Opting in", last.GetProperty("indicator").GetString());
        Assert.Equal("2026-10-01", last.GetProperty("on").GetString());
        Assert.Equal(42m, last.GetProperty("value").GetDecimal());
        Assert.Equal("students", last.GetProperty("unit").GetString());
        var proposed = Assert.Single(view, t => IdOf(t) == both);
        Assert.Equal("Proposed", StatusOf(proposed));
        Assert.Equal(JsonValueKind.Null, proposed.GetProperty("lastReading").ValueKind);
        Assert.Equal([DemoData.BridgemaryId, DemoData.CramlingtonId], proposed.GetProperty("schoolIds").EnumerateArray().Select(e => e.GetGuid()).Order());

        using var cramlingtonAdmin = await factory.ClientFor(Accounts.CramlingtonAdmin);
        var other = (await cramlingtonAdmin.GetJsonAsync(SchoolTrials(DemoData.CramlingtonId))).EnumerateArray().Where(t => t.GetProperty("projectId").GetGuid() == project);
        Assert.Equal(new[] { both, cramlington }.Order(), other.Select(IdOf).Order());
    }

    [Theory]
    [InlineData(Accounts.Admin, 200)]
    [InlineData(Accounts.Tutor, 200)]
    [InlineData(Accounts.Mentor, 200)]
    [InlineData(Accounts.Teacher, 200)]
    [InlineData(Accounts.Pastoral, 200)]
    [InlineData(Accounts.Student, 404)]
    [InlineData(Accounts.Parent, 404)]
    [InlineData(Accounts.CramlingtonAdmin, 404)]
    [InlineData(Accounts.CramlingtonStudent, 404)]
    [InlineData(Accounts.CramlingtonParent, 404)]
    [InlineData(Lead, 200)]
    public async Task SchoolView_TheSchoolsStaffAndTheLeadRead_OthersAre404(string caller, int expected)
    {
        using var lead = await factory.ClientFor(Lead);
        using var client = await factory.ClientFor(caller);
        var (_, _, trialId) = await lead.NewTrialAsync();

        var response = await client.GetAsync(SchoolTrials(DemoData.BridgemaryId));

        await AssertStatus(response, expected);
        if (expected == 200)
        {
            Assert.Contains(trialId, (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(IdOf));
        }
    }

    [Fact]
    public async Task SchoolView_ALeadSeesOnlyTheirProjectsTrials_AndIs404WhereTheyHaveNone()
    {
        using var lead = await factory.ClientFor(Lead);
        using var otherLead = await factory.ClientFor(await factory.OtherLeadAsync());
        using var admin = await factory.ClientFor(Accounts.Admin);
        var (_, _, mine) = await lead.NewTrialAsync(schools: BridgemaryOnly);
        var (_, _, theirs) = await otherLead.NewTrialAsync(network: BridgemaryOnly, schools: BridgemaryOnly);

        var leadView = (await lead.GetJsonAsync(SchoolTrials(DemoData.BridgemaryId))).EnumerateArray().Select(IdOf).ToList();
        var otherView = (await otherLead.GetJsonAsync(SchoolTrials(DemoData.BridgemaryId))).EnumerateArray().Select(IdOf).ToList();
        var staffView = (await admin.GetJsonAsync(SchoolTrials(DemoData.BridgemaryId))).EnumerateArray().Select(IdOf).ToList();

        Assert.Contains(mine, leadView);
        Assert.DoesNotContain(theirs, leadView);
        Assert.Equal([theirs], otherView);
        Assert.Contains(mine, staffView);
        Assert.Contains(theirs, staffView);
        await AssertStatus(await otherLead.GetAsync(SchoolTrials(DemoData.CramlingtonId)), 404);
    }

    [Fact]
    public async Task SchoolView_UnknownSchool_Is404()
    {
        using var lead = await factory.ClientFor(Lead);

        await AssertStatus(await lead.GetAsync(SchoolTrials(Guid.NewGuid())), 404);
    }

    [Fact]
    public async Task Dashboard_CountsTrialsByStatus_IndicatorsMoving_AndSupportByKind()
    {
        using var lead = await factory.ClientFor(Lead);
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        var project = IdOf(await lead.NewProjectAsync());
        var idea = IdOf(await lead.NewIdeaAsync(project));
        async Task<Guid> Propose() => IdOf(await lead.ProposeAsync(project, idea, BridgemaryOnly));
        var proposed = await Propose();
        _ = await Propose();
        var selected = await Propose();
        await lead.SelectAsync(selected);
        var incubating = await Propose();
        await lead.IncubateAsync(incubating);
        var evaluating = await Propose();
        await lead.EvaluateAsync(evaluating); // one indicator, rising 10 → 12
        var scaling = await Propose();
        await lead.PublishedAsync(scaling); // one indicator, rising 10 → 12
        var discontinued = await Propose();
        await lead.MoveAsync(discontinued, "Discontinued", "Not this year.");
        await AssertStatus(await cramlington.AdoptAsync(scaling, DemoData.CramlingtonId), 201); // a third Proposed

        var falling = await lead.AddIndicatorAsync(incubating, "Falling");
        await lead.ReadAsync(incubating, falling, "2026-09-08", 12);
        await lead.ReadAsync(incubating, falling, "2026-10-08", 9);
        // Recorded in the other order: by date it falls from 30 to 20.
        var fallingByDate = await lead.AddIndicatorAsync(incubating, "Falling by date");
        await lead.ReadAsync(incubating, fallingByDate, "2026-10-01", 20);
        await lead.ReadAsync(incubating, fallingByDate, "2026-09-01", 30);
        // Only the last two readings count: down, then up.
        var risingAtLast = await lead.AddIndicatorAsync(incubating, "Rising at last");
        await lead.ReadAsync(incubating, risingAtLast, "2026-09-01", 5);
        await lead.ReadAsync(incubating, risingAtLast, "2026-09-15", 4);
        await lead.ReadAsync(incubating, risingAtLast, "2026-10-01", 6);
        var flat = await lead.AddIndicatorAsync(incubating, "Flat");
        await lead.ReadAsync(incubating, flat, "2026-09-08", 5);
        await lead.ReadAsync(incubating, flat, "2026-10-08", 5);
        var oneReading = await lead.AddIndicatorAsync(incubating, "One reading");
        await lead.ReadAsync(incubating, oneReading, "2026-09-08", 1);
        await lead.AddIndicatorAsync(incubating, "No readings");

        await AssertStatus(await lead.LogSupportAsync(selected, "ToolkitUse"), 200);
        await AssertStatus(await lead.LogSupportAsync(selected, "ToolkitUse"), 200);
        await AssertStatus(await lead.LogSupportAsync(incubating, "PowerToInnovateRequest"), 200);
        await AssertStatus(await lead.LogSupportAsync(proposed, "CommunityOfPracticeEvent"), 200);

        var dashboard = await lead.GetJsonAsync(Dashboard(project));

        Assert.Equal(project, dashboard.GetProperty("projectId").GetGuid());
        Assert.Equal("SystemLevel", dashboard.GetProperty("phase").GetString());
        AssertCounts(
            dashboard.GetProperty("trialsByStatus"),
            ("Proposed", 3), ("Selected", 1), ("Incubating", 1), ("Evaluating", 1), ("Scaling", 1), ("Discontinued", 1));
        Assert.Equal(3, dashboard.GetProperty("indicatorsRising").GetInt32());
        Assert.Equal(2, dashboard.GetProperty("indicatorsFalling").GetInt32());
        Assert.Equal(1, dashboard.GetProperty("indicatorsFlat").GetInt32());
        Assert.Equal(2, dashboard.GetProperty("indicatorsAwaitingReadings").GetInt32());
        AssertCounts(
            dashboard.GetProperty("supportByKind"),
            ("ChangeLeadershipConsultancy", 0), ("ToolkitUse", 2), ("CommunityOfPracticeEvent", 1), ("BrokeredRelationship", 0), ("PowerToInnovateRequest", 1));
        Assert.Equal(8, dashboard.GetProperty("trials").GetArrayLength());
    }

    [Fact]
    public async Task Dashboard_NewProject_IsAllZeros()
    {
        using var lead = await factory.ClientFor(Lead);
        var project = IdOf(await lead.NewProjectAsync());

        var dashboard = await lead.GetJsonAsync(Dashboard(project));

        Assert.All(dashboard.GetProperty("trialsByStatus").EnumerateObject(), p => Assert.Equal(0, p.Value.GetInt32()));
        Assert.Equal(6, dashboard.GetProperty("trialsByStatus").EnumerateObject().Count());
        Assert.All(dashboard.GetProperty("supportByKind").EnumerateObject(), p => Assert.Equal(0, p.Value.GetInt32()));
        Assert.Equal(5, dashboard.GetProperty("supportByKind").EnumerateObject().Count());
        Assert.Equal(0, dashboard.GetProperty("indicatorsRising").GetInt32());
        Assert.Equal(0, dashboard.GetProperty("indicatorsAwaitingReadings").GetInt32());
        Assert.Equal(0, dashboard.GetProperty("trials").GetArrayLength());
    }

    [Fact]
    public async Task Dashboard_MovesWithTheTrials()
    {
        using var lead = await factory.ClientFor(Lead);
        var (project, _, trial) = await lead.NewTrialAsync();
        Assert.Equal(1, (await lead.GetJsonAsync(Dashboard(project))).GetProperty("trialsByStatus").GetProperty("Proposed").GetInt32());

        await lead.SelectAsync(trial);

        var counts = (await lead.GetJsonAsync(Dashboard(project))).GetProperty("trialsByStatus");
        Assert.Equal(0, counts.GetProperty("Proposed").GetInt32());
        Assert.Equal(1, counts.GetProperty("Selected").GetInt32());
    }

    [Theory]
    [InlineData(Lead, 200)]
    [InlineData(Accounts.Admin, 200)]
    [InlineData(Accounts.Teacher, 200)]
    [InlineData(Accounts.Pastoral, 200)]
    [InlineData(Accounts.Student, 404)]
    [InlineData(Accounts.Parent, 404)]
    [InlineData(Accounts.CramlingtonAdmin, 404)]
    [InlineData(Accounts.CramlingtonStudent, 404)]
    [InlineData(Accounts.CramlingtonParent, 404)]
    public async Task Dashboard_TheLeadAndStaffOfNetworkSchoolsRead(string caller, int expected)
    {
        using var lead = await factory.ClientFor(Lead);
        using var client = await factory.ClientFor(caller);
        var (project, _, _) = await lead.NewTrialAsync(network: BridgemaryOnly);

        await AssertStatus(await client.GetAsync(Dashboard(project)), expected);
    }

    [Fact]
    public async Task Dashboard_AnotherLeadsProject_Is404()
    {
        using var lead = await factory.ClientFor(Lead);
        using var otherLead = await factory.ClientFor(await factory.OtherLeadAsync());
        var (project, _, _) = await lead.NewTrialAsync();

        await AssertStatus(await otherLead.GetAsync(Dashboard(project)), 404);
        await AssertStatus(await otherLead.GetAsync(Project(project)), 404);
        await AssertStatus(await lead.GetAsync(Dashboard(Guid.NewGuid())), 404);
    }

    [Fact]
    public async Task PartnershipView_ListsTrialsAcrossThePartnershipsSchools()
    {
        using var lead = await factory.ClientFor(Lead);
        using var teacher = await factory.ClientFor(Accounts.Teacher);
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        var project = IdOf(await lead.NewProjectAsync());
        var idea = IdOf(await lead.NewIdeaAsync(project));
        var atBridgemary = IdOf(await lead.ProposeAsync(project, idea, BridgemaryOnly));
        var atCramlington = IdOf(await lead.ProposeAsync(project, idea, CramlingtonOnly));
        var atNeither = IdOf(await lead.ProposeAsync(project, idea, []));
        await lead.SelectAsync(atCramlington);

        var leadView = (await lead.GetJsonAsync(PartnershipTrials(DemoData.PartnershipId))).EnumerateArray().ToList();
        var teacherView = (await teacher.GetJsonAsync(PartnershipTrials(DemoData.PartnershipId))).EnumerateArray().ToList();
        var cramlingtonView = (await cramlington.GetJsonAsync(PartnershipTrials(DemoData.PartnershipId))).EnumerateArray().ToList();

        Assert.Contains(atBridgemary, leadView.Select(IdOf));
        Assert.Equal("Selected", StatusOf(Assert.Single(leadView, t => IdOf(t) == atCramlington)));
        Assert.Contains(atBridgemary, teacherView.Select(IdOf));
        Assert.Equal("Selected", StatusOf(Assert.Single(cramlingtonView, t => IdOf(t) == atCramlington)));
        Assert.All(new[] { leadView, teacherView, cramlingtonView }, view => Assert.DoesNotContain(atNeither, view.Select(IdOf)));
    }

    [Theory]
    [InlineData(Lead, 200)]
    [InlineData(Accounts.Admin, 200)]
    [InlineData(Accounts.Tutor, 200)]
    [InlineData(Accounts.Teacher, 200)]
    [InlineData(Accounts.CramlingtonAdmin, 200)]
    [InlineData(Accounts.Student, 404)]
    [InlineData(Accounts.Parent, 404)]
    [InlineData(Accounts.CramlingtonStudent, 404)]
    [InlineData(Accounts.CramlingtonParent, 404)]
    public async Task PartnershipView_MembersRead_StudentsAndGuardiansAre404(string caller, int expected)
    {
        using var client = await factory.ClientFor(caller);

        await AssertStatus(await client.GetAsync(PartnershipTrials(DemoData.PartnershipId)), expected);
    }

    [Fact]
    public async Task PartnershipView_UnknownPartnership_OrALeadOutsideIt_Is404()
    {
        using var lead = await factory.ClientFor(Lead);
        using var otherLead = await factory.ClientFor(await factory.OtherLeadAsync());

        await AssertStatus(await lead.GetAsync(PartnershipTrials(Guid.NewGuid())), 404);
        await AssertStatus(await otherLead.GetAsync(PartnershipTrials(DemoData.PartnershipId)), 404);
    }

    /// <summary>
    /// Innovation leads see their projects' trials: another lead's trial at a partnership school is not in an
    /// innovation lead's partnership view, as it is not in their school view.
    /// </summary>
    [Fact]
    public async Task PartnershipView_AnInnovationLeadSeesOnlyTheirProjectsTrials()
    {
        using var lead = await factory.ClientFor(Lead);
        using var otherLead = await factory.ClientFor(await factory.OtherLeadAsync());
        var (_, _, mine) = await lead.NewTrialAsync(schools: BridgemaryOnly);
        var (_, _, theirs) = await otherLead.NewTrialAsync(network: BridgemaryOnly, schools: BridgemaryOnly);

        var view = (await lead.GetJsonAsync(PartnershipTrials(DemoData.PartnershipId))).EnumerateArray().Select(IdOf).ToList();

        Assert.Contains(mine, view);
        Assert.DoesNotContain(theirs, view);
        await AssertStatus(await lead.GetAsync(Trial(theirs)), 404);
    }

    private static void AssertCounts(JsonElement counts, params (string Key, int Count)[] expected)
    {
        Assert.Equal(expected.Select(e => e.Key).Order(), counts.EnumerateObject().Select(p => p.Name).Order());
        foreach (var (key, count) in expected)
        {
            Assert.True(count == counts.GetProperty(key).GetInt32(), $"{key}: expected {count} in {counts}");
        }
    }
}

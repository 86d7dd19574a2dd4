using static School.Api.Tests.Innovation.TrialDriver;

namespace School.Api.Tests.Innovation;

/// <summary>
/// A trial's status moves only along allowed transitions, each guarded by a named rule: every rule is refused with
/// 409 naming it (and the trial is left as it was), then allowed once the rule is satisfied; skipping, going back and
/// moving a discontinued trial are refused; every move is kept with from, to, who, when and why.
/// </summary>
public sealed class InnovationTransitionTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    [Fact]
    public async Task ProposedToSelected_TrialWithNoSchool_Is409NeedsASchool()
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, trialId) = await lead.NewTrialAsync(schools: []);

        await (await lead.TransitionAsync(trialId, "Selected")).AssertRule("trial.rule.needs_a_school");

        var trial = await lead.GetTrialAsync(trialId);
        Assert.Equal("Proposed", StatusOf(trial));
        Assert.Single(HistoryOf(trial));
    }

    [Fact]
    public async Task ProposedToSelected_NoSchoolAndWeakIdea_NamesTheSchoolRuleFirst()
    {
        using var lead = await factory.ClientFor(Lead);
        var project = IdOf(await lead.NewProjectAsync());
        var idea = IdOf(await lead.NewIdeaAsync(project, Weak));
        var trial = IdOf(await lead.ProposeAsync(project, idea, []));

        await (await lead.TransitionAsync(trial, "Selected")).AssertRule("trial.rule.needs_a_school");
    }

    [Fact]
    public async Task ProposedToSelected_WithASchool_IsAllowed()
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, trialId) = await lead.NewTrialAsync(schools: BothSchools);

        var trial = await lead.MoveAsync(trialId, "Selected", "Both schools are ready.");

        Assert.Equal(2, trial.GetProperty("schools").GetArrayLength());
    }

    [Fact]
    public async Task ProposedToSelected_IdeaBelowTheProjectsCriteria_Is409MeetsCriteria()
    {
        using var lead = await factory.ClientFor(Lead);
        var project = IdOf(await lead.NewProjectAsync());
        var idea = await lead.NewIdeaAsync(project, Weak);
        Assert.Equal(4, idea.GetProperty("criteriaMet").GetInt32());
        var trial = IdOf(await lead.ProposeAsync(project, IdOf(idea), BridgemaryOnly));

        var problem = await (await lead.TransitionAsync(trial, "Selected")).AssertRule("trial.rule.meets_criteria");

        Assert.Contains("4", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var after = await lead.GetTrialAsync(trial);
        Assert.Equal("Proposed", StatusOf(after));
        Assert.Equal(4, after.GetProperty("ideaCriteriaMet").GetInt32());
        Assert.Equal(5, after.GetProperty("criteriaToSelect").GetInt32());
    }

    [Theory]
    [InlineData(new[] { 2, 2, 2, 2, 1, 1, 1 }, 5, false)]
    [InlineData(new[] { 2, 2, 2, 2, 2, 1, 1 }, 5, true)]
    [InlineData(new[] { 3, 2, 2, 2, 1, 1, 0 }, 4, true)]
    [InlineData(new[] { 3, 3, 3, 3, 3, 3, 1 }, 7, false)]
    [InlineData(new[] { 3, 3, 3, 3, 3, 3, 3 }, 7, true)]
    [InlineData(new[] { 0, 0, 0, 0, 0, 0, 0 }, 0, true)]
    [InlineData(new[] { 1, 1, 1, 1, 1, 1, 1 }, 1, false)]
    public async Task ProposedToSelected_TheNumberOfCriteriaIsTheProjects(int[] scores, int criteriaToSelect, bool allowed)
    {
        using var lead = await factory.ClientFor(Lead);
        var project = IdOf(await lead.NewProjectAsync(criteriaToSelect: criteriaToSelect));
        var idea = IdOf(await lead.NewIdeaAsync(project, scores));
        var trial = IdOf(await lead.ProposeAsync(project, idea, BridgemaryOnly));

        var response = await lead.TransitionAsync(trial, "Selected");

        if (allowed)
        {
            await AssertStatus(response, 200);
        }
        else
        {
            await response.AssertRule("trial.rule.meets_criteria");
        }

        Assert.Equal(allowed ? "Selected" : "Proposed", StatusOf(await lead.GetTrialAsync(trial)));
    }

    [Fact]
    public async Task ProposedToSelected_SameIdeaInAProjectAskingForFewerCriteria_IsAllowed()
    {
        using var lead = await factory.ClientFor(Lead);
        var strict = IdOf(await lead.NewProjectAsync(criteriaToSelect: 5));
        var lenient = IdOf(await lead.NewProjectAsync(criteriaToSelect: 4));
        var strictTrial = IdOf(await lead.ProposeAsync(strict, IdOf(await lead.NewIdeaAsync(strict, Weak)), BridgemaryOnly));
        var lenientTrial = IdOf(await lead.ProposeAsync(lenient, IdOf(await lead.NewIdeaAsync(lenient, Weak)), BridgemaryOnly));

        await (await lead.TransitionAsync(strictTrial, "Selected")).AssertRule("trial.rule.meets_criteria");
        await lead.MoveAsync(lenientTrial, "Selected");
    }

    [Fact]
    public async Task SelectedToIncubating_BaselineMissingThenShort_Is409ThenAllowedOnceRecorded()
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, trialId) = await lead.NewTrialAsync();
        await lead.SelectAsync(trialId);

        await (await lead.TransitionAsync(trialId, "Incubating")).AssertRule("trial.rule.baseline_recorded");
        await AssertStatus(await lead.RecordBaselineAsync(trialId, 4), 200);
        var problem = await (await lead.TransitionAsync(trialId, "Incubating")).AssertRule("trial.rule.baseline_recorded");
        Assert.Contains("4 of 5", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Selected", StatusOf(await lead.GetTrialAsync(trialId)));

        await AssertStatus(await lead.RecordBaselineAsync(trialId, 5), 200);
        var trial = await lead.MoveAsync(trialId, "Incubating");

        Assert.Equal(5, trial.GetProperty("baseline").GetArrayLength());
    }

    [Fact]
    public async Task SelectedToIncubating_TheNumberOfStrandsIsTheTrials()
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, trialId) = await lead.NewTrialAsync(baselineStrandsRequired: 2);
        await lead.SelectAsync(trialId);

        await AssertStatus(await lead.RecordBaselineAsync(trialId, 1), 200);
        await (await lead.TransitionAsync(trialId, "Incubating")).AssertRule("trial.rule.baseline_recorded");
        await AssertStatus(await lead.RecordBaselineAsync(trialId, 2), 200);
        await lead.MoveAsync(trialId, "Incubating");
    }

    [Fact]
    public async Task IncubatingToEvaluating_NoIndicator_Is409TwoReadingsPerIndicator()
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, trialId) = await lead.NewTrialAsync();
        await lead.IncubateAsync(trialId);

        await (await lead.TransitionAsync(trialId, "Evaluating")).AssertRule("trial.rule.two_readings_per_indicator");

        Assert.Equal("Incubating", StatusOf(await lead.GetTrialAsync(trialId)));
    }

    [Fact]
    public async Task IncubatingToEvaluating_EachIndicatorNeedsTwoReadings_RefusedUntilTheLastHasTwo()
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, trialId) = await lead.NewTrialAsync();
        await lead.IncubateAsync(trialId);
        var attendance = await lead.AddIndicatorAsync(trialId, "Attendance");
        var optIn = await lead.AddIndicatorAsync(trialId, "Opting in");

        await lead.ReadAsync(trialId, attendance, "2026-09-08", 91.5m);
        await (await lead.TransitionAsync(trialId, "Evaluating")).AssertRule("trial.rule.two_readings_per_indicator");
        await lead.ReadAsync(trialId, attendance, "2026-10-08", 93m);
        await lead.ReadAsync(trialId, optIn, "2026-09-08", 40);
        await (await lead.TransitionAsync(trialId, "Evaluating")).AssertRule("trial.rule.two_readings_per_indicator");
        Assert.Equal("Incubating", StatusOf(await lead.GetTrialAsync(trialId)));

        await lead.ReadAsync(trialId, optIn, "2026-10-08", 55);
        var trial = await lead.MoveAsync(trialId, "Evaluating");

        Assert.All(trial.GetProperty("indicators").EnumerateArray(), i => Assert.Equal(2, i.GetProperty("readings").GetArrayLength()));
    }

    [Fact]
    public async Task EvaluatingToScaling_NoEvaluation_Is409ThenAllowedOnceRecorded()
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, trialId) = await lead.NewTrialAsync();
        await lead.EvaluateAsync(trialId);

        await (await lead.TransitionAsync(trialId, "Scaling")).AssertRule("trial.rule.evaluation_summary");
        Assert.Equal("Evaluating", StatusOf(await lead.GetTrialAsync(trialId)));

        await AssertStatus(await lead.RecordEvaluationAsync(trialId), 200);
        var trial = await lead.MoveAsync(trialId, "Scaling");

        var evaluation = trial.GetProperty("evaluation");
        Assert.Equal("Attendance rose.", evaluation.GetProperty("outcomes").GetString());
        Assert.Equal("Students chose well.", evaluation.GetProperty("responsiveness").GetString());
        Assert.Equal("No extra cost.", evaluation.GetProperty("costAndProductivity").GetString());
    }

    [Fact]
    public async Task WholePath_ProposedToScaling_AdminOfTheParticipatingSchoolMovesIt()
    {
        using var lead = await factory.ClientFor(Lead);
        using var admin = await factory.ClientFor(Accounts.Admin);
        var (_, _, trialId) = await lead.NewTrialAsync();

        await admin.MoveAsync(trialId, "Selected");
        await AssertStatus(await admin.RecordBaselineAsync(trialId), 200);
        await admin.MoveAsync(trialId, "Incubating");
        var indicator = await admin.AddIndicatorAsync(trialId);
        await admin.ReadAsync(trialId, indicator, "2026-09-08", 1);
        await admin.ReadAsync(trialId, indicator, "2026-09-15", 2);
        await admin.MoveAsync(trialId, "Evaluating");
        await AssertStatus(await admin.RecordEvaluationAsync(trialId), 200);
        await admin.MoveAsync(trialId, "Scaling");

        var trial = await lead.GetTrialAsync(trialId);
        Assert.Equal("Scaling", StatusOf(trial));
        Assert.All(HistoryOf(trial).Skip(1), h => Assert.Equal(DemoData.BridgemaryAdminId, h.GetProperty("by").GetGuid()));
    }

    /// <summary>Only the next status (or Discontinued) may follow: skipping, staying and going back are refused, even when the evidence is there.</summary>
    [Theory]
    [InlineData("Proposed", "Proposed")]
    [InlineData("Proposed", "Incubating")]
    [InlineData("Proposed", "Evaluating")]
    [InlineData("Proposed", "Scaling")]
    [InlineData("Selected", "Proposed")]
    [InlineData("Selected", "Selected")]
    [InlineData("Selected", "Evaluating")]
    [InlineData("Selected", "Scaling")]
    [InlineData("Incubating", "Proposed")]
    [InlineData("Incubating", "Selected")]
    [InlineData("Incubating", "Scaling")]
    [InlineData("Evaluating", "Incubating")]
    [InlineData("Evaluating", "Proposed")]
    [InlineData("Scaling", "Evaluating")]
    [InlineData("Scaling", "Scaling")]
    [InlineData("Scaling", "Proposed")]
    public async Task NotTheNextStatus_Is409AllowedTransitions(string from, string to)
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, trialId) = await lead.NewTrialAsync();
        await lead.ToStatusAsync(trialId, from);
        // All the evidence any rule could ask for, so only the allowed-transitions rule can refuse.
        await AssertStatus(await lead.RecordBaselineAsync(trialId), 200);
        await AssertStatus(await lead.RecordEvaluationAsync(trialId), 200);
        var before = HistoryOf(await lead.GetTrialAsync(trialId)).Count;

        var problem = await (await lead.TransitionAsync(trialId, to)).AssertRule("trial.rule.allowed_transitions");

        Assert.Contains($"{from} → {to}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var trial = await lead.GetTrialAsync(trialId);
        Assert.Equal(from, StatusOf(trial));
        Assert.Equal(before, HistoryOf(trial).Count);
    }

    [Theory]
    [InlineData("Proposed")]
    [InlineData("Selected")]
    [InlineData("Incubating")]
    [InlineData("Evaluating")]
    [InlineData("Scaling")]
    public async Task Discontinued_FromAnyStatusWithAReason_IsAllowedAndKept(string from)
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, trialId) = await lead.NewTrialAsync();
        await lead.ToStatusAsync(trialId, from);

        var trial = await lead.MoveAsync(trialId, "Discontinued", "The school's priorities changed.");

        var last = HistoryOf(trial).Last();
        Assert.Equal(from, last.GetProperty("from").GetString());
        Assert.Equal("Discontinued", last.GetProperty("to").GetString());
        Assert.Equal("The school's priorities changed.", last.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("Proposed", null)]
    [InlineData("Proposed", "")]
    [InlineData("Selected", "   ")]
    [InlineData("Incubating", null)]
    [InlineData("Scaling", "")]
    public async Task Discontinued_WithoutAReason_Is409DiscontinueNeedsReason(string from, string? reason)
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, trialId) = await lead.NewTrialAsync();
        await lead.ToStatusAsync(trialId, from);

        await (await lead.TransitionAsync(trialId, "Discontinued", reason)).AssertRule("trial.rule.discontinue_needs_reason");

        Assert.Equal(from, StatusOf(await lead.GetTrialAsync(trialId)));
    }

    [Theory]
    [InlineData("Proposed")]
    [InlineData("Selected")]
    [InlineData("Incubating")]
    [InlineData("Evaluating")]
    [InlineData("Scaling")]
    [InlineData("Discontinued")]
    public async Task Discontinued_IsFinal_EveryMoveIs409DiscontinuedIsFinal(string to)
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, trialId) = await lead.NewTrialAsync();
        await lead.SelectAsync(trialId);
        await lead.MoveAsync(trialId, "Discontinued", "Stopped.");
        var before = HistoryOf(await lead.GetTrialAsync(trialId)).Count;

        await (await lead.TransitionAsync(trialId, to, "Try again.")).AssertRule("trial.rule.discontinued_is_final");

        var trial = await lead.GetTrialAsync(trialId);
        Assert.Equal("Discontinued", StatusOf(trial));
        Assert.Equal(before, HistoryOf(trial).Count);
    }

    [Fact]
    public async Task Discontinued_AdminOfTheParticipatingSchoolMayDiscontinue()
    {
        using var lead = await factory.ClientFor(Lead);
        using var admin = await factory.ClientFor(Accounts.CramlingtonAdmin);
        var (_, _, trialId) = await lead.NewTrialAsync(schools: CramlingtonOnly);

        var trial = await admin.MoveAsync(trialId, "Discontinued", "Staffing.");

        Assert.Equal(DemoData.CramlingtonAdminId, HistoryOf(trial).Last().GetProperty("by").GetGuid());
    }

    [Theory]
    [InlineData("\"Flying\"")]
    [InlineData("\"\"")]
    [InlineData("3")]
    [InlineData("null")]
    [InlineData("\"Selected, Scaling\"")]
    [InlineData("\"Proposed, Selected\"")]
    public async Task UnknownTo_Is400NamingTo(string to)
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, trialId) = await lead.NewTrialAsync();

        var response = await lead.PostAsync(Transitions(trialId), new StringContent($$"""{"to": {{to}}, "reason": "Why not."}""", System.Text.Encoding.UTF8, "application/json"));

        await response.AssertValidationProblem("to");
        Assert.Equal("Proposed", StatusOf(await lead.GetTrialAsync(trialId)));
    }

    [Fact]
    public async Task UnknownTrial_Is404()
    {
        using var lead = await factory.ClientFor(Lead);

        await (await lead.TransitionAsync(Guid.NewGuid(), "Selected")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task History_KeepsEveryMoveInOrder_WithFromToByAtAndReason()
    {
        using var lead = await factory.ClientFor(Lead);
        using var admin = await factory.ClientFor(Accounts.Admin);
        var project = await lead.NewProjectAsync();
        var leadId = project.GetProperty("leadId").GetGuid();
        var idea = IdOf(await lead.NewIdeaAsync(IdOf(project)));
        var proposedAt = factory.Time.GetUtcNow();
        var trialId = IdOf(await lead.ProposeAsync(IdOf(project), idea, BridgemaryOnly));

        factory.Time.Advance(TimeSpan.FromMinutes(1));
        var selectedAt = factory.Time.GetUtcNow();
        await lead.MoveAsync(trialId, "Selected", "Meets six criteria; Bridgemary volunteered.");
        await AssertStatus(await admin.RecordBaselineAsync(trialId), 200);
        await (await admin.TransitionAsync(trialId, "Evaluating", "Skipping ahead.")).AssertRule("trial.rule.allowed_transitions");
        factory.Time.Advance(TimeSpan.FromMinutes(2));
        var incubatingAt = factory.Time.GetUtcNow();
        await admin.MoveAsync(trialId, "Incubating", "Baseline in.");
        factory.Time.Advance(TimeSpan.FromMinutes(3));
        var discontinuedAt = factory.Time.GetUtcNow();
        await lead.MoveAsync(trialId, "Discontinued", "Timetable could not flex this year.");

        // Anyone who reads the trial reads its history: here a teacher of the participating school.
        using var teacher = await factory.ClientFor(Accounts.Teacher);
        var history = HistoryOf(await teacher.GetTrialAsync(trialId));

        (string From, string To, Guid By, DateTimeOffset At, string Reason)[] expected =
        [
            ("Proposed", "Proposed", leadId, proposedAt, "Proposed."),
            ("Proposed", "Selected", leadId, selectedAt, "Meets six criteria; Bridgemary volunteered."),
            ("Selected", "Incubating", DemoData.BridgemaryAdminId, incubatingAt, "Baseline in."),
            ("Incubating", "Discontinued", leadId, discontinuedAt, "Timetable could not flex this year."),
        ];
        Assert.Equal(expected.Length, history.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].From, history[i].GetProperty("from").GetString());
            Assert.Equal(expected[i].To, history[i].GetProperty("to").GetString());
            Assert.Equal(expected[i].By, history[i].GetProperty("by").GetGuid());
            Assert.Equal(expected[i].At, history[i].GetProperty("at").GetDateTimeOffset());
            Assert.Equal(expected[i].Reason, history[i].GetProperty("reason").GetString());
        }
    }

    [Fact]
    public async Task History_AMoveWithoutAReason_IsKeptWithNoReason()
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, trialId) = await lead.NewTrialAsync();

        var trial = await lead.MoveAsync(trialId, "Selected", reason: null);

        var last = HistoryOf(trial).Last();
        Assert.Equal("Selected", last.GetProperty("to").GetString());
        Assert.Equal(JsonValueKind.Null, last.GetProperty("reason").ValueKind);
    }

    [Fact]
    public async Task History_RefusedMovesAreNotKept_AndTheVersionDoesNotMove()
    {
        using var lead = await factory.ClientFor(Lead);
        var (_, _, trialId) = await lead.NewTrialAsync();
        var before = await lead.GetTrialAsync(trialId);

        await (await lead.TransitionAsync(trialId, "Scaling")).AssertRule("trial.rule.allowed_transitions");
        await (await lead.TransitionAsync(trialId, "Discontinued", null)).AssertRule("trial.rule.discontinue_needs_reason");

        var after = await lead.GetTrialAsync(trialId);
        Assert.Equal(HistoryOf(before).Count, HistoryOf(after).Count);
        Assert.Equal(before.GetProperty("version").GetUInt32(), after.GetProperty("version").GetUInt32());
    }
}

using School.Domain.Innovation;

namespace School.Domain.Tests.Innovation;

/// <summary>
/// A field trial moves Proposed → Selected → Incubating → Evaluating → Scaling, each step guarded by a named rule, or to
/// Discontinued from any state with a reason; a refused move is a conflict naming its rule and changes nothing.
/// </summary>
public class FieldTrialTransitionTests
{
    public static TheoryData<TrialStatus> LiveStates => new(TrialStatus.Proposed, TrialStatus.Selected, TrialStatus.Incubating, TrialStatus.Evaluating, TrialStatus.Scaling);

    public static TheoryData<TrialStatus> AllStates => new(Enum.GetValues<TrialStatus>());

    [Fact]
    public void Propose_StartsProposed_WithTheProposalInTheHistory()
    {
        var trial = Np.Proposed();

        Assert.Equal(TrialStatus.Proposed, trial.Status);
        var proposal = Assert.Single(trial.History);
        Assert.Equal(new StatusChange(TrialStatus.Proposed, TrialStatus.Proposed, Np.Lead, Np.Now, "Proposed."), proposal);
    }

    [Fact]
    public void Propose_AnAdoption_SaysSoInTheHistory_AndKeepsTheTrialItCameFrom()
    {
        var source = A.Id();

        var trial = Np.Proposed(adoptedFrom: source);

        Assert.Equal(source, trial.AdoptedFromTrialId);
        Assert.Equal("Adopted a published practice note.", Assert.Single(trial.History).Reason);
    }

    // Proposed → Selected: needs_a_school, meets_criteria.

    [Fact]
    public void Select_WithASchoolAndTheIdeaMeetingTheProjectsNumber_IsAllowed()
    {
        var trial = Np.Proposed();

        Np.Ok(trial.MoveTo(TrialStatus.Selected, null, criteriaMet: 5, criteriaRequired: 5, Np.Lead, Np.Now.AddDays(1)));

        Assert.Equal(TrialStatus.Selected, trial.Status);
    }

    [Fact]
    public void Select_AboveTheProjectsNumber_IsAllowed() =>
        Np.Ok(Np.Proposed().MoveTo(TrialStatus.Selected, null, criteriaMet: 7, criteriaRequired: 5, Np.Lead, Np.Now));

    [Fact]
    public void Select_WithNoSchool_IsRefused_NeedsASchool()
    {
        var trial = Np.Proposed(schools: []);

        Np.RefusedAndUnchanged(trial, t => Np.Move(t, TrialStatus.Selected), "trial.rule.needs_a_school");
    }

    [Fact]
    public void Select_AfterASchoolIsAdded_IsAllowed()
    {
        var trial = Np.Proposed(schools: []);
        trial.AddSchool(A.SchoolId());

        Np.Ok(Np.Move(trial, TrialStatus.Selected));
    }

    [Theory]
    [InlineData(4, 5)]
    [InlineData(0, 1)]
    [InlineData(6, 7)]
    public void Select_WithTheIdeaBelowTheProjectsNumber_IsRefused_MeetsCriteria(int met, int required)
    {
        var trial = Np.Proposed();

        Np.RefusedAndUnchanged(trial, t => t.MoveTo(TrialStatus.Selected, "Go.", met, required, Np.Lead, Np.Now), "trial.rule.meets_criteria");
        var refusal = trial.MoveTo(TrialStatus.Selected, "Go.", met, required, Np.Lead, Np.Now);
        Assert.Contains($"meets {met} of the seven", refusal.Error!.Message, StringComparison.Ordinal);
        Assert.Contains($"asks for {required}", refusal.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_WhenTheProjectAsksForNone_IsAllowedForAnIdeaMeetingNone() =>
        Np.Ok(Np.Proposed().MoveTo(TrialStatus.Selected, null, criteriaMet: 0, criteriaRequired: 0, Np.Lead, Np.Now));

    // Selected → Incubating: baseline_recorded.

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Incubate_WithTheBaselineShort_IsRefused_BaselineRecorded(int strands)
    {
        var trial = Np.In(TrialStatus.Selected);
        trial.RecordBaseline(Np.Strands(strands));

        Np.RefusedAndUnchanged(trial, t => Np.Move(t, TrialStatus.Incubating), "trial.rule.baseline_recorded");
        Assert.Contains($"{strands} of 5 strands", Np.Move(trial, TrialStatus.Incubating).Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void Incubate_WithTheFiveStrandsRecorded_IsAllowed(int strands)
    {
        var trial = Np.In(TrialStatus.Selected);
        trial.RecordBaseline(Np.Strands(strands));

        Np.Ok(Np.Move(trial, TrialStatus.Incubating));

        Assert.Equal(TrialStatus.Incubating, trial.Status);
    }

    [Fact]
    public void Incubate_FollowsTheTrialsOwnNumberOfStrands()
    {
        var trial = Np.Proposed(baselineStrands: 3);
        Np.Ok(Np.Move(trial, TrialStatus.Selected));
        trial.RecordBaseline(Np.Strands(2));
        Np.Refused(Np.Move(trial, TrialStatus.Incubating), "trial.rule.baseline_recorded");

        trial.RecordBaseline(Np.Strands(3));

        Np.Ok(Np.Move(trial, TrialStatus.Incubating));
    }

    [Fact]
    public void RecordBaseline_ReplacesTheStrands_SoAShorterBaselineCountsAsShort()
    {
        var trial = Np.In(TrialStatus.Selected);
        trial.RecordBaseline(Np.Strands(5));

        trial.RecordBaseline(Np.Strands(2));

        Assert.Equal(2, trial.Baseline.Count);
        Np.Refused(Np.Move(trial, TrialStatus.Incubating), "trial.rule.baseline_recorded");
    }

    // Incubating → Evaluating: two_readings_per_indicator.

    [Fact]
    public void Evaluate_WithNoIndicator_IsRefused_TwoReadingsPerIndicator()
    {
        var trial = Np.In(TrialStatus.Incubating);

        Np.RefusedAndUnchanged(trial, t => Np.Move(t, TrialStatus.Evaluating), "trial.rule.two_readings_per_indicator");
    }

    [Fact]
    public void Evaluate_WithAnIndicatorReadOnce_IsRefused_TwoReadingsPerIndicator()
    {
        var trial = Np.In(TrialStatus.Incubating);
        var indicator = trial.AddIndicator(A.Id(), "Attendance", "%");
        Np.Ok(trial.AddReading(indicator.Id, new IndicatorReading(new DateOnly(2026, 9, 4), 92m, null)));

        Np.RefusedAndUnchanged(trial, t => Np.Move(t, TrialStatus.Evaluating), "trial.rule.two_readings_per_indicator");
    }

    [Fact]
    public void Evaluate_WithOneIndicatorReadTwiceAndAnotherOnce_IsRefused()
    {
        var trial = Np.In(TrialStatus.Incubating);
        var twice = trial.AddIndicator(A.Id(), "Attendance", "%");
        var once = trial.AddIndicator(A.Id(), "Students opting in", "students");
        Np.Ok(trial.AddReading(twice.Id, new IndicatorReading(new DateOnly(2026, 9, 4), 92m, null)));
        Np.Ok(trial.AddReading(twice.Id, new IndicatorReading(new DateOnly(2026, 12, 4), 94m, null)));
        Np.Ok(trial.AddReading(once.Id, new IndicatorReading(new DateOnly(2026, 9, 4), 50m, null)));

        Np.RefusedAndUnchanged(trial, t => Np.Move(t, TrialStatus.Evaluating), "trial.rule.two_readings_per_indicator");
    }

    [Fact]
    public void Evaluate_WithAnIndicatorAddedAfterTheOthersWereRead_IsRefusedUntilItIsReadTwice()
    {
        var trial = Np.In(TrialStatus.Incubating);
        var first = trial.AddIndicator(A.Id(), "Attendance", "%");
        Np.Ok(trial.AddReading(first.Id, new IndicatorReading(new DateOnly(2026, 9, 4), 92m, null)));
        Np.Ok(trial.AddReading(first.Id, new IndicatorReading(new DateOnly(2026, 12, 4), 94m, null)));
        var late = trial.AddIndicator(A.Id(), "Well-being", null);
        Np.Refused(Np.Move(trial, TrialStatus.Evaluating), "trial.rule.two_readings_per_indicator");

        Np.Ok(trial.AddReading(late.Id, new IndicatorReading(new DateOnly(2026, 12, 4), 3.1m, null)));
        Np.Ok(trial.AddReading(late.Id, new IndicatorReading(new DateOnly(2027, 3, 4), 3.4m, null)));

        Np.Ok(Np.Move(trial, TrialStatus.Evaluating));
        Assert.Equal(TrialStatus.Evaluating, trial.Status);
    }

    // Evaluating → Scaling: evaluation_summary.

    [Fact]
    public void Scale_WithNoEvaluation_IsRefused_EvaluationSummary()
    {
        var trial = Np.In(TrialStatus.Evaluating);

        Np.RefusedAndUnchanged(trial, t => Np.Move(t, TrialStatus.Scaling), "trial.rule.evaluation_summary");
    }

    [Fact]
    public void Scale_WithTheEvaluationRecorded_IsAllowed()
    {
        var trial = Np.In(TrialStatus.Evaluating);
        trial.RecordEvaluation(Np.AnEvaluation());

        Np.Ok(Np.Move(trial, TrialStatus.Scaling));

        Assert.Equal(TrialStatus.Scaling, trial.Status);
        Assert.Equal(Np.AnEvaluation(), trial.Evaluation);
    }

    // allowed_transitions: no skipping, no going back, nothing onward from Scaling.

    [Theory]
    [InlineData(TrialStatus.Proposed, TrialStatus.Incubating)]
    [InlineData(TrialStatus.Proposed, TrialStatus.Evaluating)]
    [InlineData(TrialStatus.Proposed, TrialStatus.Scaling)]
    [InlineData(TrialStatus.Selected, TrialStatus.Evaluating)]
    [InlineData(TrialStatus.Selected, TrialStatus.Scaling)]
    [InlineData(TrialStatus.Incubating, TrialStatus.Scaling)]
    public void Skipping_AState_IsRefused_AllowedTransitions(TrialStatus from, TrialStatus to)
    {
        var trial = Np.In(from);
        // Every later rule is met, so only the skip can refuse it.
        trial.RecordBaseline(Np.Strands(5));
        var indicator = trial.AddIndicator(A.Id(), "Attendance", "%");
        Np.Ok(trial.AddReading(indicator.Id, new IndicatorReading(new DateOnly(2026, 9, 4), 92m, null)));
        Np.Ok(trial.AddReading(indicator.Id, new IndicatorReading(new DateOnly(2026, 12, 4), 94m, null)));
        trial.RecordEvaluation(Np.AnEvaluation());

        Np.RefusedAndUnchanged(trial, t => Np.Move(t, to), "trial.rule.allowed_transitions");
        Assert.Contains($"{from} → {to} is not allowed", Np.Move(trial, to).Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TrialStatus.Selected, TrialStatus.Proposed)]
    [InlineData(TrialStatus.Incubating, TrialStatus.Selected)]
    [InlineData(TrialStatus.Evaluating, TrialStatus.Incubating)]
    [InlineData(TrialStatus.Evaluating, TrialStatus.Proposed)]
    [InlineData(TrialStatus.Scaling, TrialStatus.Evaluating)]
    public void GoingBack_IsRefused_AllowedTransitions(TrialStatus from, TrialStatus to) =>
        Np.RefusedAndUnchanged(Np.In(from), t => Np.Move(t, to), "trial.rule.allowed_transitions");

    [Theory]
    [MemberData(nameof(LiveStates))]
    public void MovingToTheSameState_IsRefused_AllowedTransitions(TrialStatus state) =>
        Np.RefusedAndUnchanged(Np.In(state), t => Np.Move(t, state), "trial.rule.allowed_transitions");

    [Theory]
    [InlineData(TrialStatus.Proposed)]
    [InlineData(TrialStatus.Selected)]
    [InlineData(TrialStatus.Incubating)]
    [InlineData(TrialStatus.Evaluating)]
    [InlineData(TrialStatus.Scaling)]
    [InlineData((TrialStatus)6)]
    public void FromScaling_NothingButDiscontinued_IsAllowed(TrialStatus to) =>
        Np.RefusedAndUnchanged(Np.In(TrialStatus.Scaling), t => Np.Move(t, to), "trial.rule.allowed_transitions");

    [Fact]
    public void AnUndefinedStatus_IsRefused_AllowedTransitions() =>
        Np.RefusedAndUnchanged(Np.In(TrialStatus.Proposed), t => Np.Move(t, (TrialStatus)42), "trial.rule.allowed_transitions");

    // Discontinued: from any live state with a reason; then final.

    [Theory]
    [MemberData(nameof(LiveStates))]
    public void Discontinue_FromEachState_WithAReason_IsAllowed_AndKept(TrialStatus from)
    {
        var trial = Np.In(from);
        var at = new DateTimeOffset(2027, 1, 15, 12, 0, 0, TimeSpan.Zero);
        var by = A.Id();

        Np.Ok(trial.MoveTo(TrialStatus.Discontinued, "  The school left the network.  ", 0, 7, by, at));

        Assert.Equal(TrialStatus.Discontinued, trial.Status);
        Assert.Equal(new StatusChange(from, TrialStatus.Discontinued, by, at, "The school left the network."), trial.History[^1]);
    }

    [Fact]
    public void Discontinue_NeedsNoOtherRule_NoSchoolNoCriteriaNoBaseline()
    {
        var trial = Np.Proposed(schools: []);

        Np.Ok(trial.MoveTo(TrialStatus.Discontinued, "Never got going.", criteriaMet: 0, criteriaRequired: 7, Np.Lead, Np.Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Discontinue_WithoutAReason_IsRefused_DiscontinueNeedsReason(string? reason)
    {
        foreach (var from in new[] { TrialStatus.Proposed, TrialStatus.Incubating, TrialStatus.Scaling })
        {
            Np.RefusedAndUnchanged(Np.In(from), t => Np.Move(t, TrialStatus.Discontinued, reason), "trial.rule.discontinue_needs_reason");
        }
    }

    [Theory]
    [MemberData(nameof(AllStates))]
    public void Discontinued_IsFinal_NoMoveIsAllowed(TrialStatus to)
    {
        var trial = Np.In(TrialStatus.Discontinued);
        trial.AddSchool(A.SchoolId());
        trial.RecordBaseline(Np.Strands(5));

        Np.RefusedAndUnchanged(trial, t => Np.Move(t, to, "Try again."), "trial.rule.discontinued_is_final");
        Np.Refused(Np.Move(trial, to, reason: null), "trial.rule.discontinued_is_final");
    }

    // The history.

    [Fact]
    public void EveryMove_IsKept_FromToByAtAndWhy_InOrder()
    {
        var trial = Np.Proposed();
        var admin = A.Id();
        var t1 = new DateTimeOffset(2026, 6, 8, 10, 0, 0, TimeSpan.Zero);
        var t2 = new DateTimeOffset(2026, 7, 21, 14, 0, 0, TimeSpan.FromHours(1));
        var t3 = new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

        Np.Ok(trial.MoveTo(TrialStatus.Selected, "Meets all seven criteria.", 7, 5, Np.Lead, t1));
        trial.RecordBaseline(Np.Strands(5));
        Np.Ok(trial.MoveTo(TrialStatus.Incubating, null, 7, 5, admin, t2));
        Np.Refused(trial.MoveTo(TrialStatus.Evaluating, "Too soon.", 7, 5, Np.Lead, t3), "trial.rule.two_readings_per_indicator");
        Np.Ok(trial.MoveTo(TrialStatus.Discontinued, "Staff redeployed.", 7, 5, Np.Lead, t3));

        Assert.Equal(
            [
                new StatusChange(TrialStatus.Proposed, TrialStatus.Proposed, Np.Lead, Np.Now, "Proposed."),
                new StatusChange(TrialStatus.Proposed, TrialStatus.Selected, Np.Lead, t1, "Meets all seven criteria."),
                new StatusChange(TrialStatus.Selected, TrialStatus.Incubating, admin, t2, null),
                new StatusChange(TrialStatus.Incubating, TrialStatus.Discontinued, Np.Lead, t3, "Staff redeployed."),
            ],
            trial.History);
    }

    [Fact]
    public void EachMove_BumpsTheVersion_ARefusalDoesNot()
    {
        var trial = Np.Proposed();
        var before = trial.Version;

        Np.Ok(Np.Move(trial, TrialStatus.Selected));
        Np.Refused(Np.Move(trial, TrialStatus.Incubating), "trial.rule.baseline_recorded");

        Assert.Equal(before + 1, trial.Version);
    }
}

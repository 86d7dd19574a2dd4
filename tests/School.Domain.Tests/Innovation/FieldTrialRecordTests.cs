using School.Domain.Common;
using School.Domain.Innovation;

namespace School.Domain.Tests.Innovation;

/// <summary>What a trial keeps besides its status: schools, indicators and their readings, support, and the practice note.</summary>
public class FieldTrialRecordTests
{
    [Fact]
    public void Propose_KeepsEachSchoolAndDomainOnce()
    {
        var school = A.SchoolId();

        var trial = FieldTrial.Propose(
            A.Id(), A.Id(), A.Id(), " The flexible day ", [school, school], [ResourceDomain.UseOfTime, ResourceDomain.UseOfTime, ResourceDomain.Technology],
            null, FieldTrial.DefaultBaselineStrands, Np.Lead, Np.Now);

        Assert.Equal("The flexible day", trial.Title);
        Assert.Equal([school], trial.SchoolIds);
        Assert.Equal([ResourceDomain.UseOfTime, ResourceDomain.Technology], trial.ResourceDomains);
        Assert.True(trial.Involves(school));
        Assert.False(trial.Involves(A.SchoolId()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void Propose_WithABaselineRequirementOutOfRange_Throws(int strands) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Np.Proposed(baselineStrands: strands));

    [Fact]
    public void AddSchool_Twice_KeepsItOnce()
    {
        var trial = Np.Proposed(schools: []);
        var school = A.SchoolId();

        trial.AddSchool(school);
        trial.AddSchool(school);

        Assert.Equal([school], trial.SchoolIds);
    }

    [Fact]
    public void AddReading_ForAnUnknownIndicator_IsNotFound_AndChangesNothing()
    {
        var trial = Np.In(TrialStatus.Incubating);
        var indicator = trial.AddIndicator(A.Id(), "Attendance", "%");
        var version = trial.Version;

        var reading = trial.AddReading(A.Id(), new IndicatorReading(new DateOnly(2026, 9, 4), 92m, null));

        Assert.False(reading.IsSuccess);
        Assert.Equal(ErrorKind.NotFound, reading.Error!.Kind);
        Assert.Equal("indicator.not_found", reading.Error.Code);
        Assert.Empty(trial.Indicators.Single(i => i.Id == indicator.Id).Readings);
        Assert.Equal(version, trial.Version);
    }

    [Fact]
    public void AddReading_ForAnotherTrialsIndicator_IsNotFound()
    {
        var other = Np.In(TrialStatus.Incubating);
        var theirs = other.AddIndicator(A.Id(), "Attendance", "%");
        var trial = Np.In(TrialStatus.Incubating);
        trial.AddIndicator(A.Id(), "Attendance", "%");

        var reading = trial.AddReading(theirs.Id, new IndicatorReading(new DateOnly(2026, 9, 4), 92m, null));

        Assert.Equal(ErrorKind.NotFound, reading.Error!.Kind);
        Assert.Empty(other.Indicators.Single().Readings);
    }

    [Fact]
    public void AddReading_AppendsToThatIndicatorOnly_InOrder_WithTheNoteTrimmed()
    {
        var trial = Np.In(TrialStatus.Incubating);
        var attendance = trial.AddIndicator(A.Id(), " Attendance ", " % ");
        var optIn = trial.AddIndicator(A.Id(), "Students opting in", null);

        Np.Ok(trial.AddReading(attendance.Id, new IndicatorReading(new DateOnly(2026, 9, 4), 92m, "  First half term.  ")));
        var second = trial.AddReading(attendance.Id, new IndicatorReading(new DateOnly(2026, 12, 4), 94.5m, "   "));

        Np.Ok(second);
        Assert.Equal(attendance.Id, second.Value.Id);
        Assert.Equal("Attendance", trial.Indicators[0].Name);
        Assert.Equal("%", trial.Indicators[0].Unit);
        Assert.Equal(
            [new IndicatorReading(new DateOnly(2026, 9, 4), 92m, "First half term."), new IndicatorReading(new DateOnly(2026, 12, 4), 94.5m, null)],
            trial.Indicators[0].Readings);
        Assert.Equal(optIn.Id, trial.Indicators[1].Id);
        Assert.Empty(trial.Indicators[1].Readings);
    }

    [Fact]
    public void LogSupport_KeepsAPowerToInnovateRequestWithItsOutcome()
    {
        var trial = Np.In(TrialStatus.Selected);

        trial.LogSupport(new SupportEntry(new DateOnly(2026, 6, 29), SupportKind.PowerToInnovateRequest, " Lift the session registration rule. ", " Granted. "));
        trial.LogSupport(new SupportEntry(new DateOnly(2026, 7, 8), SupportKind.CommunityOfPracticeEvent, "Community of practice.", " "));

        Assert.Equal(
            [
                new SupportEntry(new DateOnly(2026, 6, 29), SupportKind.PowerToInnovateRequest, "Lift the session registration rule.", "Granted."),
                new SupportEntry(new DateOnly(2026, 7, 8), SupportKind.CommunityOfPracticeEvent, "Community of practice.", null),
            ],
            trial.Support);
    }

    [Theory]
    [InlineData(TrialStatus.Proposed)]
    [InlineData(TrialStatus.Selected)]
    [InlineData(TrialStatus.Incubating)]
    [InlineData(TrialStatus.Evaluating)]
    [InlineData(TrialStatus.Discontinued)]
    public void Publish_OutsideScaling_IsRefused_NoteNeedsScaling(TrialStatus status)
    {
        var trial = Np.In(status);
        trial.RecordEvaluation(Np.AnEvaluation());

        var published = trial.Publish("The flexible day", "How we did it.", Np.Now);

        Np.Refused(published, "trial.rule.note_needs_scaling");
        Assert.Null(trial.PracticeNote);
    }

    [Fact]
    public void Publish_InScaling_KeepsTheNote()
    {
        var trial = Np.In(TrialStatus.Scaling);
        var at = new DateTimeOffset(2027, 9, 1, 9, 0, 0, TimeSpan.Zero);

        Np.Ok(trial.Publish(" The flexible day ", " How we did it. ", at));

        Assert.Equal(new PracticeNote("The flexible day", "How we did it.", at), trial.PracticeNote);
    }

    [Fact]
    public void Publish_AfterDiscontinuingAScalingTrial_IsRefused()
    {
        var trial = Np.In(TrialStatus.Scaling);
        Np.Ok(Np.Move(trial, TrialStatus.Discontinued, "Funding ended."));

        Np.Refused(trial.Publish("Too late", "Body.", Np.Now), "trial.rule.note_needs_scaling");
    }
}

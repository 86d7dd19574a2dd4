using School.Domain.LearningPlans;

namespace School.Domain.Tests.LearningPlans;

public class PlanContentTests
{
    [Fact]
    public void ChangesFrom_TheSameContent_IsEmpty()
    {
        var content = P.Content();

        Assert.Empty(content.ChangesFrom(content));
    }

    [Fact]
    public void ChangesFrom_EmptyToTwoTargets_SaysBothWereAdded()
    {
        var content = P.Content() with { OptionChoices = [], Activities = [], SelfAssessment = null };

        var changes = content.ChangesFrom(PlanContent.Empty);

        Assert.Equal(["Added target 'Reach grade 6 in maths'.", "Added target 'Hand homework in on time'."], changes);
    }

    [Fact]
    public void ChangesFrom_ATargetAddedAndOneRemoved_DescribesBoth()
    {
        var maths = P.Maths();
        var homework = P.Homework();
        var attendance = new Target(A.Id(), TargetArea.Attendance, null, "Attend every day on time", "Attendance percentage", new(2027, 7, 21),
            P.Ladder("Below 90%", "90–95%", "Above 95%"), 2);
        var before = P.Content(maths, homework);

        var changes = (before with { Targets = [maths, attendance] }).ChangesFrom(before);

        Assert.Equal(["Added target 'Attend every day on time'.", "Removed target 'Hand homework in on time'."], changes);
    }

    [Fact]
    public void ChangesFrom_ATargetMovedUpTheLadder_SaysFromWhichRungToWhich()
    {
        var maths = P.Maths(rung: 1);
        var before = P.Content(maths, P.Homework());

        var changes = (before with { Targets = [maths with { CurrentRung = 2 }, before.Targets[1]] }).ChangesFrom(before);

        Assert.Equal(["'Reach grade 6 in maths' moved from rung 1 to rung 2."], changes);
    }

    [Fact]
    public void ChangesFrom_ATargetMovedDownTheLadder_SaysSoToo()
    {
        var homework = P.Homework(rung: 3);
        var before = P.Content(homework);

        var changes = (before with { Targets = [homework with { CurrentRung = 1 }] }).ChangesFrom(before);

        Assert.Equal(["'Hand homework in on time' moved from rung 3 to rung 1."], changes);
    }

    [Fact]
    public void ChangesFrom_ATargetsRungAndMeasureChanged_SaysTheTargetChanged()
    {
        var maths = P.Maths(rung: 1);
        var before = P.Content(maths);

        var changes = (before with { Targets = [maths with { CurrentRung = 2, Measure = "Mock exam grade" }] }).ChangesFrom(before);

        Assert.Equal(["Changed target 'Reach grade 6 in maths'."], changes);
    }

    [Fact]
    public void ChangesFrom_ALadderWithADifferentRung_SaysTheTargetChanged()
    {
        var maths = P.Maths();
        var before = P.Content(maths);
        var ladder = maths.Ladder.Take(3).Append(new Rung(4, "Grade 8")).ToList();

        var changes = (before with { Targets = [maths with { Ladder = ladder }] }).ChangesFrom(before);

        Assert.Equal(["Changed target 'Reach grade 6 in maths'."], changes);
    }

    [Fact]
    public void ChangesFrom_AnEqualLadderInANewList_IsNoChange()
    {
        var maths = P.Maths();
        var before = P.Content(maths);
        var copy = maths with { Ladder = maths.Ladder.Select(r => r with { }).ToList() };

        Assert.Empty((before with { Targets = [copy] }).ChangesFrom(before));
    }

    [Fact]
    public void ChangesFrom_EverythingButTargets_NamesEachPart()
    {
        var before = P.Content();
        var after = before with
        {
            OptionChoices = ["GCSE History"],
            Activities = [],
            PersonalChallenge = "Climb Snowdon",
            SelfAssessment = before.SelfAssessment! with { Confidence = 3 },
        };

        var changes = after.ChangesFrom(before);

        Assert.Equal(
            ["Changed option choices.", "Changed out-of-hours activities.", "Changed the personal challenge.", "Changed the pupil's own assessment."],
            changes);
    }

    [Fact]
    public void ChangesFrom_OptionChoicesReordered_IsAChange()
    {
        var before = P.Content() with { OptionChoices = ["GCSE Geography", "BTEC Sport"] };

        var changes = (before with { OptionChoices = ["BTEC Sport", "GCSE Geography"] }).ChangesFrom(before);

        Assert.Equal(["Changed option choices."], changes);
    }

    [Fact]
    public void HasRung_IsTrueOnlyForTheLaddersLevels()
    {
        var maths = P.Maths();

        Assert.True(maths.HasRung(1));
        Assert.True(maths.HasRung(4));
        Assert.False(maths.HasRung(0));
        Assert.False(maths.HasRung(5));
    }

    [Fact]
    public void SelfAssessment_Scores_AreTheFiveAspectsInOrder()
    {
        var assessment = new SelfAssessment(null, Home: 1, Friends: 2, Health: 3, Confidence: 4, EnjoymentOfLearning: 5);

        Assert.Equal([1, 2, 3, 4, 5], assessment.Scores);
    }
}

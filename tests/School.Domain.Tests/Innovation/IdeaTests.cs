using School.Domain.Innovation;

namespace School.Domain.Tests.Innovation;

/// <summary>An idea: seven criteria scored 0–3 (2 or more meets one), and its place on the innovation grid.</summary>
public class IdeaTests
{
    private static Idea Make(int[] scores, ChangeSize change = ChangeSize.Minor, DistanceFromPractice distance = DistanceFromPractice.Near) =>
        Idea.Create(A.Id(), A.Id(), "The flexible day", null, scores, change, distance);

    [Theory]
    [InlineData(ChangeSize.Minor, DistanceFromPractice.Near, "Incremental")]
    [InlineData(ChangeSize.Major, DistanceFromPractice.Near, "Significant")]
    [InlineData(ChangeSize.Minor, DistanceFromPractice.Far, "Adventurous")]
    [InlineData(ChangeSize.Major, DistanceFromPractice.Far, "Radical")]
    public void GridQuadrant_FollowsChangeAndDistance(ChangeSize change, DistanceFromPractice distance, string quadrant) =>
        Assert.Equal(quadrant, Make([2, 2, 2, 2, 2, 2, 2], change, distance).GridQuadrant);

    [Theory]
    [InlineData(new[] { 0, 0, 0, 0, 0, 0, 0 }, 0)]
    [InlineData(new[] { 1, 1, 1, 1, 1, 1, 1 }, 0)]
    [InlineData(new[] { 2, 2, 2, 2, 2, 2, 2 }, 7)]
    [InlineData(new[] { 3, 3, 3, 3, 3, 3, 3 }, 7)]
    [InlineData(new[] { 0, 1, 2, 3, 2, 1, 0 }, 3)]
    [InlineData(new[] { 3, 3, 2, 3, 2, 3, 1 }, 6)]
    public void CriteriaMet_CountsTheScoresOfTwoOrMore(int[] scores, int met) =>
        Assert.Equal(met, Make(scores).CriteriaMet);

    [Theory]
    [InlineData(new[] { 2, 2, 2, 2, 2, 2 })]
    [InlineData(new[] { 2, 2, 2, 2, 2, 2, 2, 2 })]
    [InlineData(new int[0])]
    [InlineData(new[] { 2, 2, 2, 2, 2, 2, 4 })]
    [InlineData(new[] { -1, 2, 2, 2, 2, 2, 2 })]
    public void Create_WithoutSevenScoresOfZeroToThree_Throws(int[] scores) =>
        Assert.Throws<ArgumentException>(() => Make(scores));

    [Fact]
    public void Assess_ReplacesTheScoresAndMovesItOnTheGrid()
    {
        var idea = Make([1, 1, 1, 1, 1, 1, 1]);

        idea.Assess("  Rethought.  ", [3, 3, 3, 2, 2, 1, 0], ChangeSize.Major, DistanceFromPractice.Far);

        Assert.Equal("Rethought.", idea.Description);
        Assert.Equal([3, 3, 3, 2, 2, 1, 0], idea.Scores);
        Assert.Equal(5, idea.CriteriaMet);
        Assert.Equal("Radical", idea.GridQuadrant);
    }

    [Fact]
    public void Assess_WithBadScores_ThrowsAndKeepsTheOldAssessment()
    {
        var idea = Make([2, 2, 2, 2, 2, 2, 2]);

        Assert.Throws<ArgumentException>(() => idea.Assess(null, [3, 3, 3], ChangeSize.Major, DistanceFromPractice.Far));

        Assert.Equal(7, idea.CriteriaMet);
        Assert.Equal("Incremental", idea.GridQuadrant);
    }

    [Fact]
    public void Scores_AreACopy_OfWhatWasPassed()
    {
        var scores = new[] { 2, 2, 2, 2, 2, 2, 2 };
        var idea = Make(scores);

        scores[0] = 0;

        Assert.Equal(7, idea.CriteriaMet);
    }

    [Fact]
    public void AddHorizonNote_KeepsEachNoteFromAnotherSector_InOrder()
    {
        var idea = Make([2, 2, 2, 2, 2, 2, 2]);

        idea.AddHorizonNote(" Health ", "Bromley-by-Bow: care rebuilt around the person.");
        idea.AddHorizonNote("Banking", "Person-to-person lending.");

        Assert.Equal([new HorizonNote("Health", "Bromley-by-Bow: care rebuilt around the person."), new HorizonNote("Banking", "Person-to-person lending.")], idea.HorizonNotes);
    }
}

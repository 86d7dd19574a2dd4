using School.Domain.Common;
using School.Domain.Innovation;

namespace School.Domain.Tests.Innovation;

/// <summary>A project: its network of schools, its criteria to select, and its phases (forward only).</summary>
public class InnovationProjectTests
{
    private static InnovationProject Make(int criteria = InnovationProject.DefaultCriteriaToSelect, Guid[]? network = null) =>
        InnovationProject.Create(A.Id(), " Resourcing Personalisation ", A.Id(), "National College for School Leadership", A.Id(), null, network ?? [], criteria);

    private static void Backwards(Result result)
    {
        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorKind.Conflict, result.Error!.Kind);
        Assert.Equal("innovation.phase_backwards", result.Error.Code);
    }

    [Fact]
    public void Create_StartsInPhaseOne_AnalysingNeed_AskingForFiveCriteriaByDefault()
    {
        var project = Make();

        Assert.Equal("Resourcing Personalisation", project.Name);
        Assert.Equal(ProjectPhase.SystemLevel, project.Phase);
        Assert.Equal(SystemLevelStep.AnalyseNeed, project.Step);
        Assert.Equal(5, project.CriteriaToSelect);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(8)]
    public void Create_AskingForCriteriaOutsideNoneToSeven_Throws(int criteria) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Make(criteria));

    [Fact]
    public void Network_KeepsEachSchoolOnce()
    {
        var bridgemary = A.SchoolId();
        var project = Make(network: [bridgemary, bridgemary]);

        project.AddToNetwork(bridgemary);
        var cramlington = A.SchoolId();
        project.AddToNetwork(cramlington);

        Assert.Equal([bridgemary, cramlington], project.NetworkSchoolIds);
        Assert.True(project.InNetwork(cramlington));
        Assert.False(project.InNetwork(A.SchoolId()));
    }

    [Fact]
    public void MoveTo_ForwardThroughTheStepsAndPhases_IsAllowed()
    {
        var project = Make();

        Np.Ok(project.MoveTo(ProjectPhase.SystemLevel, SystemLevelStep.ScanTheHorizon));
        Assert.Equal(SystemLevelStep.ScanTheHorizon, project.Step);
        Np.Ok(project.MoveTo(ProjectPhase.SystemLevel, SystemLevelStep.GenerateCreativeOptions));
        Np.Ok(project.MoveTo(ProjectPhase.LocalIncubation, SystemLevelStep.AnalyseNeed));
        Assert.Equal((ProjectPhase.LocalIncubation, (SystemLevelStep?)null), (project.Phase, project.Step));
        Np.Ok(project.MoveTo(ProjectPhase.SystemLearning, null));

        Assert.Equal(ProjectPhase.SystemLearning, project.Phase);
        Assert.Null(project.Step);
    }

    [Fact]
    public void MoveTo_AnEarlierStepOfPhaseOne_IsRefused()
    {
        var project = Make();
        Np.Ok(project.MoveTo(ProjectPhase.SystemLevel, SystemLevelStep.GenerateCreativeOptions));

        Backwards(project.MoveTo(ProjectPhase.SystemLevel, SystemLevelStep.ScanTheHorizon));
        Backwards(project.MoveTo(ProjectPhase.SystemLevel, SystemLevelStep.AnalyseNeed));

        Assert.Equal(SystemLevelStep.GenerateCreativeOptions, project.Step);
    }

    [Theory]
    [InlineData(ProjectPhase.LocalIncubation, ProjectPhase.SystemLevel)]
    [InlineData(ProjectPhase.SystemLearning, ProjectPhase.LocalIncubation)]
    [InlineData(ProjectPhase.SystemLearning, ProjectPhase.SystemLevel)]
    public void MoveTo_AnEarlierPhase_IsRefused_AndChangesNothing(ProjectPhase reached, ProjectPhase back)
    {
        var project = Make();
        Np.Ok(project.MoveTo(reached, null));
        var version = project.Version;

        Backwards(project.MoveTo(back, SystemLevelStep.GenerateCreativeOptions));

        Assert.Equal(reached, project.Phase);
        Assert.Null(project.Step);
        Assert.Equal(version, project.Version);
    }
}

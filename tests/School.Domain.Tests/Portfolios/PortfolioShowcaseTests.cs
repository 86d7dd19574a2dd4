using School.Domain.Common;
using School.Domain.Portfolios;

namespace School.Domain.Tests.Portfolios;

public class PortfolioShowcaseTests
{
    private readonly Guid _student = A.Id();

    [Fact]
    public void Arrange_PlacesTheEntriesInTheGivenOrder()
    {
        var a = P.Entry(_student, PortfolioVisibility.Private);
        var b = P.Entry(_student);
        var c = P.Entry(_student);

        var result = PortfolioShowcase.Arrange(_student, [a, b, c], [c.Id, a.Id, b.Id]);

        Assert.True(result.IsSuccess);
        Assert.Equal((1, PortfolioVisibility.Showcase), (c.ShowcaseOrder, c.Visibility));
        Assert.Equal((2, PortfolioVisibility.Showcase), (a.ShowcaseOrder, a.Visibility));
        Assert.Equal((3, PortfolioVisibility.Showcase), (b.ShowcaseOrder, b.Visibility));
    }

    [Fact]
    public void Arrange_EntriesLeftOut_GoBackToFamily()
    {
        var a = P.Entry(_student, PortfolioVisibility.Showcase, lastShowcasePosition: 0);
        var b = P.Entry(_student, PortfolioVisibility.Showcase, lastShowcasePosition: 1);
        var privateOne = P.Entry(_student, PortfolioVisibility.Private);

        var result = PortfolioShowcase.Arrange(_student, [a, b, privateOne], [b.Id]);

        Assert.True(result.IsSuccess);
        Assert.Equal((1, PortfolioVisibility.Showcase), (b.ShowcaseOrder, b.Visibility));
        Assert.Equal((null, PortfolioVisibility.Family), (a.ShowcaseOrder, a.Visibility));
        Assert.Equal((null, PortfolioVisibility.Private), (privateOne.ShowcaseOrder, privateOne.Visibility));
    }

    [Fact]
    public void Arrange_Unchanged_LeavesVersionsAlone()
    {
        var a = P.Entry(_student, PortfolioVisibility.Showcase, lastShowcasePosition: 0);

        PortfolioShowcase.Arrange(_student, [a], [a.Id]);

        Assert.Equal(0u, a.Version);
    }

    [Fact]
    public void Arrange_AnotherStudentsEntry_IsAValidationErrorAndChangesNothing()
    {
        var mine = P.Entry(_student, PortfolioVisibility.Private);
        var theirs = P.Entry(A.Id(), PortfolioVisibility.Private);

        var result = PortfolioShowcase.Arrange(_student, [mine, theirs], [mine.Id, theirs.Id]);

        Assert.Equal(ErrorKind.Validation, result.Error?.Kind);
        Assert.Equal("entryIds", result.Error?.Field);
        Assert.Equal(PortfolioVisibility.Private, mine.Visibility);
        Assert.Equal(PortfolioVisibility.Private, theirs.Visibility);
    }

    [Fact]
    public void Arrange_AnEntryTwice_IsAValidationError()
    {
        var a = P.Entry(_student);

        var result = PortfolioShowcase.Arrange(_student, [a], [a.Id, a.Id]);

        Assert.Equal(PortfolioErrors.ShowcaseRepeats, result.Error);
    }

    [Fact]
    public void Arrange_TooManyEntries_IsAValidationError()
    {
        var entries = Enumerable.Range(0, PortfolioShowcase.MaxEntries + 1).Select(_ => P.Entry(_student)).ToList();

        var result = PortfolioShowcase.Arrange(_student, entries, entries.Select(e => e.Id).ToList());

        Assert.Equal(ErrorKind.Validation, result.Error?.Kind);
        Assert.All(entries, e => Assert.Equal(PortfolioVisibility.Family, e.Visibility));
    }
}

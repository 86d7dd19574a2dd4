using School.Domain.Portfolios;

namespace School.Application.Portfolios;

internal static class ShowcaseQueries
{
    /// <summary>The showcase entries among <paramref name="entries"/>, in the student's order.</summary>
    public static ShowcaseDto From(Guid studentId, IEnumerable<PortfolioEntry> entries) => new(
        studentId,
        entries
            .Where(e => e.Visibility == PortfolioVisibility.Showcase)
            .OrderBy(e => e.ShowcaseOrder ?? int.MaxValue)
            .ThenBy(e => e.Date)
            .Select(PortfolioEntryDto.From)
            .ToList());
}

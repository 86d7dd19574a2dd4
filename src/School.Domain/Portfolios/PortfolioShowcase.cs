using School.Domain.Common;

namespace School.Domain.Portfolios;

/// <summary>
/// The showcase: entries a student picks from their portfolio to present to their parents at a parents' evening, in
/// the order they choose.
/// </summary>
public static class PortfolioShowcase
{
    public const int MaxEntries = 30;

    /// <summary>
    /// Rule: a showcase lists entries of the student's own portfolio, each once, in the student's order. Entries in it
    /// become <see cref="PortfolioVisibility.Showcase"/> at their place (1 first); entries that were in it and are no
    /// longer go back to <see cref="PortfolioVisibility.Family"/>, since the family has already seen them.
    /// </summary>
    /// <param name="studentId">Whose showcase this is.</param>
    /// <param name="entries">The named entries and every entry now in the showcase (other entries may be left out).</param>
    /// <param name="orderedIds">The showcase, first entry first; empty clears it.</param>
    public static Result Arrange(Guid studentId, IReadOnlyCollection<PortfolioEntry> entries, IReadOnlyList<Guid> orderedIds)
    {
        if (orderedIds.Count > MaxEntries)
        {
            return Error.Validation("entryIds", $"A showcase holds at most {MaxEntries} entries.");
        }

        if (orderedIds.Distinct().Count() != orderedIds.Count)
        {
            return PortfolioErrors.ShowcaseRepeats;
        }

        var own = entries.Where(e => e.StudentId == studentId).ToDictionary(e => e.Id);
        foreach (var id in orderedIds)
        {
            if (!own.ContainsKey(id))
            {
                return PortfolioErrors.NotInPortfolio(id);
            }
        }

        var chosen = orderedIds.ToHashSet();
        foreach (var entry in own.Values.Where(e => !chosen.Contains(e.Id)))
        {
            entry.LeaveShowcase();
        }

        for (var i = 0; i < orderedIds.Count; i++)
        {
            own[orderedIds[i]].PlaceInShowcase(i + 1);
        }

        return Result.Success();
    }
}

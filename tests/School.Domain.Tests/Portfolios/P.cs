using School.Domain.Portfolios;

namespace School.Domain.Tests.Portfolios;

/// <summary>Builders for portfolio tests.</summary>
internal static class P
{
    public static readonly DateTimeOffset Now = new(2026, 9, 7, 8, 0, 0, TimeSpan.Zero);

    public static readonly string Sha256 = new('a', 64);

    public static PortfolioEntry Entry(
        Guid? studentId = null, PortfolioVisibility visibility = PortfolioVisibility.Family, PortfolioEntryKind kind = PortfolioEntryKind.Work,
        int lastShowcasePosition = 0, string[]? subjects = null) =>
        PortfolioEntry.Create(
            A.Id(), A.SchoolId(), studentId ?? A.Id(), "Bridge made of straws", "It held 2 kg.", new DateOnly(2026, 9, 1), kind,
            subjects ?? ["Science"], visibility, lastShowcasePosition, A.Id(), Now);

    public static PortfolioEvidence AddPhoto(PortfolioEntry entry) =>
        entry.AddEvidence(A.Id(), "bridge.png", "image/png", 1234, Sha256, $"evidence/ab/{Guid.NewGuid():N}", Now, A.Id()).Value;
}

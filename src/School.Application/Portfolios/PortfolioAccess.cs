using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.Portfolios;

namespace School.Application.Portfolios;

/// <summary>What one caller may do with one student's portfolio.</summary>
/// <param name="StudentId">The student.</param>
/// <param name="SharedOnly">A guardian sees only entries shared with the family (Family and Showcase), never Private ones.</param>
/// <param name="CanWrite">The student themself, their personal tutor and the school's admins write entries and attach evidence.</param>
/// <param name="CanEndorse">Any member of staff who may see the student endorses.</param>
internal sealed record PortfolioViewer(Guid StudentId, bool SharedOnly, bool CanWrite, bool CanEndorse)
{
    /// <summary>The student's entries this caller may see, as a query the database runs.</summary>
    public IQueryable<PortfolioEntry> Entries(IApplicationDbContext db)
    {
        var entries = db.PortfolioEntries.Where(e => e.StudentId == StudentId);
        return SharedOnly ? entries.Where(e => e.Visibility != PortfolioVisibility.Private) : entries;
    }

    /// <summary>One entry this caller may see (tracked unless only read), or not found — a Private entry is not found for a guardian.</summary>
    public async Task<Result<PortfolioEntry>> EntryAsync(IApplicationDbContext db, Guid entryId, CancellationToken ct, bool readOnly = false)
    {
        var entries = readOnly ? Entries(db).AsNoTracking() : Entries(db);
        var entry = await entries.SingleOrDefaultAsync(e => e.Id == entryId, ct);
        return entry is null ? PortfolioAccess.EntryNotFound : entry;
    }

    public Result RequireWrite() =>
        CanWrite ? Result.Success() : Error.Forbidden("Only the student, their personal tutor and the school's admins write in a portfolio.");

    public Result RequireEndorse() =>
        CanEndorse ? Result.Success() : Error.Forbidden("Only staff endorse portfolio entries.");
}

internal static class PortfolioAccess
{
    public static readonly Error EntryNotFound = Error.NotFound("Portfolio entry");

    /// <summary>
    /// Who may use a student's portfolio: whoever may see the student (otherwise 404, as for any hidden student). The
    /// student and staff who may see them see every entry; a guardian whose link allows access sees the shared ones.
    /// </summary>
    public static async Task<Result<PortfolioViewer>> PortfolioAsync(
        this StudentAccess access, ICurrentUser user, Guid studentId, CancellationToken ct)
    {
        var allowed = await access.CheckAsync(studentId, StudentPermissions.ViewRoster, ct);
        if (!allowed.IsSuccess)
        {
            return allowed.Error!;
        }

        var child = allowed.Value;
        return new PortfolioViewer(
            studentId,
            SharedOnly: !child.Has(StudentPermissions.ReadPrivatePortfolio),
            CanWrite: child.Has(StudentPermissions.WritePortfolio),
            CanEndorse: child.Has(StudentPermissions.EndorsePortfolio));
    }

    /// <summary>The place of the last entry in the student's showcase (0 when it is empty).</summary>
    public static async Task<int> LastShowcasePositionAsync(this IApplicationDbContext db, Guid studentId, CancellationToken ct) =>
        await db.PortfolioEntries.Where(e => e.StudentId == studentId).MaxAsync(e => e.ShowcaseOrder, ct) ?? 0;
}

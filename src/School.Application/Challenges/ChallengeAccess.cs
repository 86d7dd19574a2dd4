using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Accounts;
using School.Domain.Challenges;
using School.Domain.Common;
using School.Domain.Staff;

namespace School.Application.Challenges;

/// <summary>
/// Who sees which challenge menus: the school's staff see all of its menus; a student the menus open to their year; a
/// guardian the menus open to a child they may see. Any other menu is not found.
/// </summary>
internal static class ChallengeAccess
{
    public static async Task<Result<ChallengeMenu>> VisibleMenuAsync(
        this IApplicationDbContext db, StudentAccess access, ICurrentUser user, Guid menuId, CancellationToken ct, bool track = false)
    {
        var query = db.ChallengeMenus.Include(m => m.Challenges).Where(m => m.Id == menuId && m.SchoolId == user.SchoolId);
        var menu = await (track ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct);
        if (menu is null || !await db.MaySeeAsync(access, user, menu, ct))
        {
            return Error.NotFound("Challenge menu");
        }

        return menu;
    }

    public static async Task<bool> MaySeeAsync(this IApplicationDbContext db, StudentAccess access, ICurrentUser user, ChallengeMenu menu, CancellationToken ct) =>
        (await access.MenuViewerAsync(user, ct)).MaySee(menu);

    /// <summary>What decides which menus the user sees, read once (a list checks every menu against it).</summary>
    public static async Task<MenuViewer> MenuViewerAsync(this StudentAccess access, ICurrentUser user, CancellationToken ct)
    {
        if (!user.IsAuthenticated || user.SchoolId is not { } school)
        {
            return new MenuViewer(null, false, []);
        }

        if (user.Kind == PersonKind.Staff)
        {
            return new MenuViewer(school, user.StaffRoles != StaffRoles.None, []);
        }

        var years = await access.VisibleStudents().Select(s => s.YearGroup).Distinct().ToListAsync(ct);
        return new MenuViewer(school, false, years);
    }

    /// <summary>The school admin's menu, tracked for a change.</summary>
    public static async Task<Result<ChallengeMenu>> AdminMenuAsync(this IApplicationDbContext db, ICurrentUser user, Guid menuId, CancellationToken ct)
    {
        var school = user.RequireSchoolAdmin();
        if (!school.IsSuccess)
        {
            // Staff of the school may see the menu: they are refused; anyone else is told it does not exist.
            var staff = user.RequireStaff();
            var exists = staff.IsSuccess && await db.ChallengeMenus.AnyAsync(m => m.Id == menuId && m.SchoolId == staff.Value.SchoolId, ct);
            return exists ? school.Error! : Error.NotFound("Challenge menu");
        }

        var menu = await db.ChallengeMenus.Include(m => m.Challenges).SingleOrDefaultAsync(m => m.Id == menuId && m.SchoolId == school.Value.SchoolId, ct);
        return menu is null ? Error.NotFound("Challenge menu") : menu;
    }

    /// <summary>Whether the user coaches <paramref name="challenge"/> (or is a school admin).</summary>
    public static bool Coaches(this ICurrentUser user, Challenge challenge) =>
        user.Kind == PersonKind.Staff && (user.StaffRoles.HasFlag(StaffRoles.SchoolAdmin) || challenge.CoachIds.Contains(user.PersonId));
}

/// <summary>The facts that decide which menus a user sees: their school, whether they are its staff, their (children's) year groups.</summary>
internal sealed record MenuViewer(Guid? SchoolId, bool IsStaff, IReadOnlyList<int> YearGroups)
{
    public bool MaySee(ChallengeMenu menu) => SchoolId == menu.SchoolId && (IsStaff || YearGroups.Any(menu.IsOpenTo));
}

using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.Innovation;
using School.Domain.Staff;

namespace School.Application.Innovation;

/// <summary>What the user may do with a field trial.</summary>
internal enum TrialRole
{
    None,
    /// <summary>Staff of a participating school, or the lead of a partnership one of them belongs to.</summary>
    Reader,
    /// <summary>An admin of a participating school: updates their school's part (baseline, indicators, readings, support) and moves it.</summary>
    SchoolAdmin,
    /// <summary>The project's innovation lead: everything.</summary>
    Lead,
}

/// <summary>
/// Who sees what of the innovation model: innovation leads their projects' trials across the participating schools; a
/// school admin their school's trials (and updates them); staff of a participating school read them; a partnership lead
/// the trials of the partnership's schools; students and guardians nothing (404, as for anything else not theirs).
/// </summary>
internal static class InnovationAccess
{
    public static async Task<TrialRole> RoleAsync(this IApplicationDbContext db, ICurrentUser user, FieldTrial trial, CancellationToken ct)
    {
        if (!user.IsAuthenticated)
        {
            return TrialRole.None;
        }

        switch (user.Kind)
        {
            case PersonKind.InnovationLead:
                return await db.InnovationProjects.AnyAsync(p => p.Id == trial.ProjectId && p.LeadId == user.PersonId, ct) ? TrialRole.Lead : TrialRole.None;
            case PersonKind.PartnershipLead:
                return user.PartnershipId is { } partnership
                    && await db.Schools.AnyAsync(s => trial.SchoolIds.Contains(s.Id) && s.PartnershipId == partnership, ct)
                    ? TrialRole.Reader : TrialRole.None;
            case PersonKind.Staff when user.SchoolId is { } school && trial.Involves(school) && user.StaffRoles != StaffRoles.None:
                return user.StaffRoles.HasFlag(StaffRoles.SchoolAdmin) ? TrialRole.SchoolAdmin : TrialRole.Reader;
            default:
                return TrialRole.None;
        }
    }

    /// <summary>The trial with the user's role; not found when they may not see it, forbidden when they may see but not do this.</summary>
    public static async Task<Result<(FieldTrial Trial, TrialRole Role)>> TrialAsync(
        this IApplicationDbContext db, ICurrentUser user, Guid trialId, TrialRole required, CancellationToken ct, bool track = true)
    {
        var query = db.FieldTrials.Where(t => t.Id == trialId);
        var trial = await (track ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct);
        var role = trial is null ? TrialRole.None : await db.RoleAsync(user, trial, ct);
        if (role == TrialRole.None)
        {
            return Error.NotFound("Field trial");
        }

        return role >= required ? (trial!, role) : Error.Forbidden(required == TrialRole.Lead
            ? "Only the project's innovation lead does this."
            : "Only the innovation lead and the admins of participating schools change a trial.");
    }

    /// <summary>A project the user leads (tracked).</summary>
    public static async Task<Result<InnovationProject>> LedProjectAsync(this IApplicationDbContext db, ICurrentUser user, Guid projectId, CancellationToken ct)
    {
        var project = await db.InnovationProjects.SingleOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null || !await db.MaySeeProjectAsync(user, project, ct))
        {
            return Error.NotFound("Project");
        }

        return user.Kind == PersonKind.InnovationLead && project.LeadId == user.PersonId
            ? project
            : Error.Forbidden("Only the project's innovation lead does this.");
    }

    /// <summary>The lead sees their projects; staff of a network school and a partnership lead whose schools are in the network read them.</summary>
    public static async Task<bool> MaySeeProjectAsync(this IApplicationDbContext db, ICurrentUser user, InnovationProject project, CancellationToken ct) =>
        (await db.ProjectVisibilityAsync(user, ct))(project);

    /// <summary>
    /// The same rule as a test to apply to many projects: what it needs from the database (a partnership's schools) is
    /// read once, not once per project.
    /// </summary>
    public static async Task<Func<InnovationProject, bool>> ProjectVisibilityAsync(this IApplicationDbContext db, ICurrentUser user, CancellationToken ct)
    {
        if (!user.IsAuthenticated)
        {
            return _ => false;
        }

        switch (user.Kind)
        {
            case PersonKind.InnovationLead:
                return project => project.LeadId == user.PersonId;
            case PersonKind.Staff when user.SchoolId is { } school && user.StaffRoles != StaffRoles.None:
                return project => project.InNetwork(school);
            case PersonKind.PartnershipLead when user.PartnershipId is { } partnership:
                var schools = (await db.Schools.AsNoTracking().Where(s => s.PartnershipId == partnership).Select(s => s.Id).ToListAsync(ct)).ToHashSet();
                return project => project.NetworkSchoolIds.Any(schools.Contains);
            default:
                return _ => false;
        }
    }
}

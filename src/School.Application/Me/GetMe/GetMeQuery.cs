using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.Staff;

namespace School.Application.Me.GetMe;

/// <summary>Who the caller is: their person, school, roles and, for a guardian, the children they may see.</summary>
public sealed record GetMeQuery : IQuery<Result<MeDto>>;

public sealed record ChildDto(Guid Id, string Name, int YearGroup);

public sealed record MeDto(
    Guid Id,
    Guid AccountId,
    PersonKind Kind,
    string Name,
    string Email,
    Guid? SchoolId,
    string? SchoolName,
    IReadOnlyList<string> Roles,
    IReadOnlyList<ChildDto>? Children);

internal sealed class GetMeQueryHandler(ICurrentUser user, IApplicationDbContext db, StudentAccess access)
    : IQueryHandler<GetMeQuery, Result<MeDto>>
{
    public async ValueTask<Result<MeDto>> Handle(GetMeQuery query, CancellationToken cancellationToken)
    {
        var account = await db.UserAccounts.AsNoTracking()
            .Where(a => a.Id == user.AccountId)
            .Select(a => new { a.Email, a.SchoolId })
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return Error.NotFound("Account");
        }

        var schoolName = account.SchoolId is null
            ? null
            : await db.Schools.Where(s => s.Id == account.SchoolId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken);

        var (name, roles) = await NameAndRoles(cancellationToken);

        IReadOnlyList<ChildDto>? children = null;
        if (user.Kind == PersonKind.Guardian)
        {
            children = await access.VisibleStudents()
                .OrderBy(s => s.FamilyName).ThenBy(s => s.GivenName)
                .Select(s => new ChildDto(s.Id, (s.PreferredName ?? s.GivenName) + " " + s.FamilyName, s.YearGroup))
                .ToListAsync(cancellationToken);
        }

        return new MeDto(user.PersonId, user.AccountId, user.Kind, name, account.Email, account.SchoolId, schoolName, roles, children);
    }

    private async Task<(string Name, IReadOnlyList<string> Roles)> NameAndRoles(CancellationToken ct)
    {
        var id = user.PersonId;
        switch (user.Kind)
        {
            case PersonKind.Staff:
                var staff = await db.StaffMembers.Where(s => s.Id == id)
                    .Select(s => new { s.GivenName, s.FamilyName, s.Roles }).SingleAsync(ct);
                return ($"{staff.GivenName} {staff.FamilyName}", StaffRoleNames.Names(staff.Roles));
            case PersonKind.Student:
                var student = await db.Students.Where(s => s.Id == id)
                    .Select(s => (s.PreferredName ?? s.GivenName) + " " + s.FamilyName).SingleAsync(ct);
                return (student, [nameof(PersonKind.Student)]);
            case PersonKind.Guardian:
                var guardian = await db.Guardians.Where(g => g.Id == id)
                    .Select(g => g.GivenName + " " + g.FamilyName).SingleAsync(ct);
                return (guardian, [nameof(PersonKind.Guardian)]);
            case PersonKind.InnovationLead:
                var lead = await db.InnovationLeads.Where(l => l.Id == id).Select(l => l.Name).SingleOrDefaultAsync(ct);
                return (lead ?? user.Kind.ToString(), [nameof(PersonKind.InnovationLead)]);
            default:
                return (user.Kind.ToString(), [user.Kind.ToString()]);
        }
    }
}

using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Application.Common.Models;
using School.Domain.Common;
using School.Domain.Staff;

namespace School.Application.Staff.ListStaff;

/// <summary>The staff of the caller's school (for staff only), filtered by role and name.</summary>
public sealed record ListStaffQuery(int Page = 1, int PageSize = Paging.DefaultPageSize, StaffRoles? Role = null, string? Name = null)
    : IQuery<Result<PagedList<StaffMemberDto>>>;

public sealed class ListStaffQueryValidator : AbstractValidator<ListStaffQuery>
{
    public ListStaffQueryValidator()
    {
        RuleFor(q => q.Page).Page();
        RuleFor(q => q.PageSize).PageSize();
        RuleFor(q => q.Name).MaximumLength(100);
        RuleFor(q => q.Role).Must(r => r is not { } role || (role != StaffRoles.None && (role & ~StaffRoleNames.All) == 0))
            .WithMessage("A role is one or more of " + string.Join(", ", StaffRoleNames.Names(StaffRoleNames.All)) + ".");
    }
}

internal sealed class ListStaffQueryHandler(ICurrentUser user, IApplicationDbContext db)
    : IQueryHandler<ListStaffQuery, Result<PagedList<StaffMemberDto>>>
{
    public async ValueTask<Result<PagedList<StaffMemberDto>>> Handle(ListStaffQuery query, CancellationToken cancellationToken)
    {
        var school = user.RequireStaff();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var staff = db.StaffMembers.AsNoTracking().Where(s => s.SchoolId == school.Value.SchoolId);
        if (query.Role is { } role)
        {
            staff = staff.Where(s => (s.Roles & role) == role);
        }

        if (!string.IsNullOrWhiteSpace(query.Name))
        {
#pragma warning disable CA1304, CA1311, CA1862 // lower-casing is translated to SQL, where culture does not apply
            var term = query.Name.Trim().ToLowerInvariant();
            staff = staff.Where(s => s.GivenName.ToLower().Contains(term) || s.FamilyName.ToLower().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var page = await PagedList<StaffMember>.CreateAsync(
            staff.OrderBy(s => s.FamilyName).ThenBy(s => s.GivenName).ThenBy(s => s.Id), query.Page, query.PageSize, cancellationToken);
        return new PagedList<StaffMemberDto>(page.Items.Select(s => s.ToDto()).ToList(), page.Page, page.PageSize, page.TotalCount);
    }
}

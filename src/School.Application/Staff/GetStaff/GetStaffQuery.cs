using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Common;

namespace School.Application.Staff.GetStaff;

public sealed record GetStaffQuery(Guid Id) : IQuery<Result<StaffMemberDto>>;

internal sealed class GetStaffQueryHandler(ICurrentUser user, IApplicationDbContext db)
    : IQueryHandler<GetStaffQuery, Result<StaffMemberDto>>
{
    public async ValueTask<Result<StaffMemberDto>> Handle(GetStaffQuery query, CancellationToken cancellationToken)
    {
        var school = user.RequireStaff();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var member = await db.StaffMembers.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == query.Id && s.SchoolId == school.Value.SchoolId, cancellationToken);
        return member is null ? Error.NotFound("Staff member") : member.ToDto();
    }
}

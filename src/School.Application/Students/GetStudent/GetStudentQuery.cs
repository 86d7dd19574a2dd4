using Mediator;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Common;

namespace School.Application.Students.GetStudent;

public sealed record GetStudentQuery(Guid Id) : IQuery<Result<StudentDto>>;

internal sealed class GetStudentQueryHandler(StudentAccess access, IApplicationDbContext db)
    : IQueryHandler<GetStudentQuery, Result<StudentDto>>
{
    public async ValueTask<Result<StudentDto>> Handle(GetStudentQuery query, CancellationToken cancellationToken)
    {
        var allowed = await access.CheckAsync(query.Id, StudentPermissions.ViewRoster, cancellationToken);
        if (!allowed.IsSuccess)
        {
            return allowed.Error!;
        }

        return await db.LoadDtoAsync(query.Id, allowed.Value.Permissions, cancellationToken);
    }
}

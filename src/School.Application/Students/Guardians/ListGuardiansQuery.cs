using Mediator;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Common;

namespace School.Application.Students.Guardians;

/// <summary>A student's guardians, for the staff who look after the child.</summary>
public sealed record ListGuardiansQuery(Guid StudentId) : IQuery<Result<IReadOnlyList<GuardianLinkDto>>>;

internal sealed class ListGuardiansQueryHandler(StudentAccess access, IApplicationDbContext db)
    : IQueryHandler<ListGuardiansQuery, Result<IReadOnlyList<GuardianLinkDto>>>
{
    public async ValueTask<Result<IReadOnlyList<GuardianLinkDto>>> Handle(ListGuardiansQuery query, CancellationToken cancellationToken)
    {
        var allowed = await access.CheckAsync(query.StudentId, StudentPermissions.ViewGuardians, cancellationToken);
        if (!allowed.IsSuccess)
        {
            return allowed.Error!;
        }

        return Result<IReadOnlyList<GuardianLinkDto>>.Success(await db.GuardiansOf(query.StudentId, cancellationToken));
    }
}

using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Common;
using School.Domain.Portfolios;

namespace School.Application.Portfolios.GetShowcase;

/// <summary>The student's showcase in their order (everyone who may see the student: showcase entries are shared with the family).</summary>
public sealed record GetShowcaseQuery(Guid StudentId) : IQuery<Result<ShowcaseDto>>;

internal sealed class GetShowcaseQueryHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db)
    : IQueryHandler<GetShowcaseQuery, Result<ShowcaseDto>>
{
    public async ValueTask<Result<ShowcaseDto>> Handle(GetShowcaseQuery query, CancellationToken cancellationToken)
    {
        var viewer = await access.PortfolioAsync(user, query.StudentId, cancellationToken);
        if (!viewer.IsSuccess)
        {
            return viewer.Error!;
        }

        var entries = await viewer.Value.Entries(db).AsNoTracking()
            .Where(e => e.Visibility == PortfolioVisibility.Showcase)
            .ToListAsync(cancellationToken);
        return ShowcaseQueries.From(query.StudentId, entries);
    }
}

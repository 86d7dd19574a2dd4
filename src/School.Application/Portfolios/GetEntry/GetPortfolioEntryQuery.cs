using Mediator;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Common;

namespace School.Application.Portfolios.GetEntry;

/// <summary>One entry with its evidence and endorsement; a Private entry is not found for a guardian.</summary>
public sealed record GetPortfolioEntryQuery(Guid StudentId, Guid EntryId) : IQuery<Result<PortfolioEntryDto>>;

internal sealed class GetPortfolioEntryQueryHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db)
    : IQueryHandler<GetPortfolioEntryQuery, Result<PortfolioEntryDto>>
{
    public async ValueTask<Result<PortfolioEntryDto>> Handle(GetPortfolioEntryQuery query, CancellationToken cancellationToken)
    {
        var viewer = await access.PortfolioAsync(user, query.StudentId, cancellationToken);
        if (!viewer.IsSuccess)
        {
            return viewer.Error!;
        }

        var entry = await viewer.Value.EntryAsync(db, query.EntryId, cancellationToken, readOnly: true);
        return entry.Map(PortfolioEntryDto.From);
    }
}

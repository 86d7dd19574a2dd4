using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Common;
using School.Domain.Portfolios;

namespace School.Application.Portfolios.ListEntries;

/// <summary>A student's portfolio, newest first: every entry for the student and staff, the shared ones for a guardian.</summary>
public sealed record ListPortfolioEntriesQuery(Guid StudentId, PortfolioEntryKind? Kind = null) : IQuery<Result<IReadOnlyList<PortfolioEntryDto>>>;

public sealed class ListPortfolioEntriesQueryValidator : AbstractValidator<ListPortfolioEntriesQuery>
{
    public ListPortfolioEntriesQueryValidator() =>
        RuleFor(q => q.Kind!.Value).Known().OverridePropertyName("kind").When(q => q.Kind is not null);
}

internal sealed class ListPortfolioEntriesQueryHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db)
    : IQueryHandler<ListPortfolioEntriesQuery, Result<IReadOnlyList<PortfolioEntryDto>>>
{
    public async ValueTask<Result<IReadOnlyList<PortfolioEntryDto>>> Handle(ListPortfolioEntriesQuery query, CancellationToken cancellationToken)
    {
        var viewer = await access.PortfolioAsync(user, query.StudentId, cancellationToken);
        if (!viewer.IsSuccess)
        {
            return viewer.Error!;
        }

        var entries = viewer.Value.Entries(db).AsNoTracking();
        if (query.Kind is { } kind)
        {
            entries = entries.Where(e => e.Kind == kind);
        }

        var list = await entries.OrderByDescending(e => e.Date).ThenByDescending(e => e.Id).ToListAsync(cancellationToken);
        return Result<IReadOnlyList<PortfolioEntryDto>>.Success(list.Select(PortfolioEntryDto.From).ToList());
    }
}

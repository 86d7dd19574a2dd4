using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Common;
using School.Domain.Portfolios;

namespace School.Application.Portfolios.SetShowcase;

/// <summary>
/// The student (or their personal tutor, or an admin) picks the showcase: entries of their portfolio in the order they
/// will present them. Entries in it become Showcase; entries taken out of it go back to Family.
/// </summary>
public sealed record SetShowcaseCommand(Guid StudentId, IReadOnlyList<Guid> EntryIds) : ICommand<Result<ShowcaseDto>>;

public sealed class SetShowcaseCommandValidator : AbstractValidator<SetShowcaseCommand>
{
    public SetShowcaseCommandValidator()
    {
        RuleFor(c => c.EntryIds)
            .NotNull().WithMessage("List the entries of the showcase in order (an empty list clears it).")
            .Must(ids => ids.Count <= PortfolioShowcase.MaxEntries).WithMessage($"A showcase holds at most {PortfolioShowcase.MaxEntries} entries.")
            .Must(ids => ids.Distinct().Count() == ids.Count).WithMessage("Each entry appears in the showcase once.");
        RuleForEach(c => c.EntryIds).NotEmpty();
    }
}

internal sealed class SetShowcaseCommandHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db)
    : ICommandHandler<SetShowcaseCommand, Result<ShowcaseDto>>
{
    public async ValueTask<Result<ShowcaseDto>> Handle(SetShowcaseCommand command, CancellationToken cancellationToken)
    {
        var viewer = await access.PortfolioAsync(user, command.StudentId, cancellationToken);
        if (!viewer.IsSuccess)
        {
            return viewer.Error!;
        }

        var write = viewer.Value.RequireWrite();
        if (!write.IsSuccess)
        {
            return write.Error!;
        }

        var ids = command.EntryIds;
        var entries = await db.PortfolioEntries
            .Where(e => e.StudentId == command.StudentId && (ids.Contains(e.Id) || e.ShowcaseOrder != null))
            .ToListAsync(cancellationToken);
        var arranged = PortfolioShowcase.Arrange(command.StudentId, entries, ids);
        if (!arranged.IsSuccess)
        {
            return arranged.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        return ShowcaseQueries.From(command.StudentId, entries);
    }
}

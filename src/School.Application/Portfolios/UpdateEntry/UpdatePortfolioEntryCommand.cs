using FluentValidation;
using Mediator;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Common;
using School.Domain.Portfolios;

namespace School.Application.Portfolios.UpdateEntry;

/// <summary>
/// Replace an entry's fields (the student, their personal tutor or an admin). With an expected version (If-Match) a
/// stale write is refused (412). An endorsed entry keeps its title, reflection, date and kind (409).
/// </summary>
public sealed record UpdatePortfolioEntryCommand(
    Guid StudentId, Guid EntryId, uint? ExpectedVersion, string Title, string? Reflection, DateOnly Date, PortfolioEntryKind Kind,
    IReadOnlyList<string>? Subjects, PortfolioVisibility Visibility)
    : ICommand<Result<PortfolioEntryDto>>, IPortfolioEntryContent;

public sealed class UpdatePortfolioEntryCommandValidator : AbstractValidator<UpdatePortfolioEntryCommand>
{
    public UpdatePortfolioEntryCommandValidator() => this.ValidateEntryContent();
}

internal sealed class UpdatePortfolioEntryCommandHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db)
    : ICommandHandler<UpdatePortfolioEntryCommand, Result<PortfolioEntryDto>>
{
    public async ValueTask<Result<PortfolioEntryDto>> Handle(UpdatePortfolioEntryCommand command, CancellationToken cancellationToken)
    {
        var viewer = await access.PortfolioAsync(user, command.StudentId, cancellationToken);
        if (!viewer.IsSuccess)
        {
            return viewer.Error!;
        }

        var entry = await viewer.Value.EntryAsync(db, command.EntryId, cancellationToken);
        if (!entry.IsSuccess)
        {
            return entry.Error!;
        }

        var write = viewer.Value.RequireWrite();
        if (!write.IsSuccess)
        {
            return write.Error!;
        }

        if (command.ExpectedVersion is { } expected && expected != entry.Value.Version)
        {
            return Error.PreconditionFailed("The entry was changed by someone else since you read it.");
        }

        var updated = entry.Value.Update(
            command.Title, command.Reflection, command.Date, command.Kind, command.Subjects, command.Visibility,
            await db.LastShowcasePositionAsync(command.StudentId, cancellationToken));
        if (!updated.IsSuccess)
        {
            return updated.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        return PortfolioEntryDto.From(entry.Value);
    }
}

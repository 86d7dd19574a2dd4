using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Common;
using School.Domain.Portfolios;

namespace School.Application.Portfolios.CreateEntry;

/// <summary>
/// The student (for themself), their personal tutor or an admin adds an entry. An entry created as Showcase goes to the
/// end of the showcase.
/// </summary>
public sealed record CreatePortfolioEntryCommand(
    Guid StudentId, string Title, string? Reflection, DateOnly Date, PortfolioEntryKind Kind, IReadOnlyList<string>? Subjects,
    PortfolioVisibility Visibility)
    : ICommand<Result<PortfolioEntryDto>>, IPortfolioEntryContent;

public sealed class CreatePortfolioEntryCommandValidator : AbstractValidator<CreatePortfolioEntryCommand>
{
    public CreatePortfolioEntryCommandValidator() => this.ValidateEntryContent();
}

internal sealed class CreatePortfolioEntryCommandHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<CreatePortfolioEntryCommand, Result<PortfolioEntryDto>>
{
    public async ValueTask<Result<PortfolioEntryDto>> Handle(CreatePortfolioEntryCommand command, CancellationToken cancellationToken)
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

        var schoolId = await db.Students.Where(s => s.Id == command.StudentId).Select(s => s.SchoolId).SingleAsync(cancellationToken);
        var entry = PortfolioEntry.Create(
            Ids.New(time), schoolId, command.StudentId, command.Title, command.Reflection, command.Date, command.Kind, command.Subjects,
            command.Visibility, await db.LastShowcasePositionAsync(command.StudentId, cancellationToken), user.PersonId, time.GetUtcNow());
        db.PortfolioEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return PortfolioEntryDto.From(entry);
    }
}

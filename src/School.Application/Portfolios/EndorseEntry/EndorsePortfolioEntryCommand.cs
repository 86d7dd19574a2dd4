using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Common;

namespace School.Application.Portfolios.EndorseEntry;

/// <summary>A member of staff who may see the student endorses an entry, once (a second endorsement is 409).</summary>
public sealed record EndorsePortfolioEntryCommand(Guid StudentId, Guid EntryId) : ICommand<Result<PortfolioEntryDto>>;

internal sealed class EndorsePortfolioEntryCommandHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<EndorsePortfolioEntryCommand, Result<PortfolioEntryDto>>
{
    public async ValueTask<Result<PortfolioEntryDto>> Handle(EndorsePortfolioEntryCommand command, CancellationToken cancellationToken)
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

        var endorse = viewer.Value.RequireEndorse();
        if (!endorse.IsSuccess)
        {
            return endorse.Error!;
        }

        var staff = await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == user.PersonId, cancellationToken);
        if (staff is null)
        {
            return Error.Forbidden("Only staff endorse portfolio entries.");
        }

        var endorsed = entry.Value.Endorse(staff.Id, staff.DisplayName, time.GetUtcNow());
        if (!endorsed.IsSuccess)
        {
            return endorsed.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        return PortfolioEntryDto.From(entry.Value);
    }
}

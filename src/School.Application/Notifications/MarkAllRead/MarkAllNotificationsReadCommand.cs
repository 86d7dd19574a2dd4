using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Domain.Common;

namespace School.Application.Notifications.MarkAllRead;

/// <summary>Marks every unread notification of the caller's read; says how many that was.</summary>
public sealed record MarkAllNotificationsReadCommand : ICommand<Result<MarkedReadDto>>;

public sealed record MarkedReadDto(int Marked);

internal sealed class MarkAllNotificationsReadCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<MarkAllNotificationsReadCommand, Result<MarkedReadDto>>
{
    public async ValueTask<Result<MarkedReadDto>> Handle(MarkAllNotificationsReadCommand command, CancellationToken cancellationToken)
    {
        // One statement rather than loading every unread row; it is Notification.MarkRead's rule (only unread ones get a time).
        DateTimeOffset? now = time.GetUtcNow();
        var marked = await db.Notifications
            .Where(n => n.RecipientId == user.PersonId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
        return new MarkedReadDto(marked);
    }
}

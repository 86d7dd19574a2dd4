using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Domain.Common;

namespace School.Application.Notifications.MarkRead;

/// <summary>Marks one of the caller's notifications read (again is harmless: the first time stands). Anyone else's is not found.</summary>
public sealed record MarkNotificationReadCommand(Guid NotificationId) : ICommand<Result<NotificationDto>>;

internal sealed class MarkNotificationReadCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<MarkNotificationReadCommand, Result<NotificationDto>>
{
    public async ValueTask<Result<NotificationDto>> Handle(MarkNotificationReadCommand command, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications
            .SingleOrDefaultAsync(n => n.Id == command.NotificationId && n.RecipientId == user.PersonId, cancellationToken);
        if (notification is null)
        {
            return Error.NotFound("Notification");
        }

        if (notification.ReadAt is null)
        {
            notification.MarkRead(time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return NotificationDto.From(notification);
    }
}

using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Models;
using School.Domain.Common;

namespace School.Application.Notifications.ListMyNotifications;

/// <summary>The caller's own notifications, newest first, optionally only the unread ones, with how many are unread.</summary>
public sealed record ListMyNotificationsQuery(bool UnreadOnly = false, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<Result<MyNotificationsDto>>;

/// <summary>One page of notifications and the number unread in all (whatever the filter).</summary>
public sealed record MyNotificationsDto(int UnreadCount, PagedList<NotificationDto> Notifications);

public sealed class ListMyNotificationsQueryValidator : AbstractValidator<ListMyNotificationsQuery>
{
    public ListMyNotificationsQueryValidator()
    {
        RuleFor(q => q.Page).Page();
        RuleFor(q => q.PageSize).PageSize();
    }
}

internal sealed class ListMyNotificationsQueryHandler(ICurrentUser user, IApplicationDbContext db)
    : IQueryHandler<ListMyNotificationsQuery, Result<MyNotificationsDto>>
{
    public async ValueTask<Result<MyNotificationsDto>> Handle(ListMyNotificationsQuery query, CancellationToken cancellationToken)
    {
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientId == user.PersonId);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var shown = query.UnreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
        var page = await PagedList<NotificationDto>.CreateAsync(
            shown.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Select(NotificationDto.Projection),
            query.Page,
            query.PageSize,
            cancellationToken);
        return new MyNotificationsDto(unread, page);
    }
}

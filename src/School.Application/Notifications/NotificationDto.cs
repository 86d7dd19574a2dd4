using System.Linq.Expressions;
using School.Domain.Notifications;

namespace School.Application.Notifications;

/// <summary>
/// A notification as its recipient sees it. How the e-mail is being delivered (attempts, errors, the address) stays
/// inside; <see cref="Emailed"/> only says whether a copy went out by e-mail.
/// </summary>
public sealed record NotificationDto(
    Guid Id,
    NotificationKind Kind,
    string Title,
    string Body,
    Guid? StudentId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt,
    bool Emailed)
{
    /// <summary>Projects in the database: only the columns shown are read.</summary>
    public static readonly Expression<Func<Notification, NotificationDto>> Projection = n =>
        new NotificationDto(n.Id, n.Kind, n.Title, n.Body, n.StudentId, n.CreatedAt, n.ReadAt, n.EmailStatus == EmailStatus.Sent);

    private static readonly Func<Notification, NotificationDto> Map = Projection.Compile();

    public static NotificationDto From(Notification notification) => Map(notification);
}

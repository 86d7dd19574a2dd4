using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using School.Api.Http;
using School.Application.Common.Authorization;
using School.Application.Common.Models;
using School.Application.Notifications;
using School.Application.Notifications.ListMyNotifications;
using School.Application.Notifications.MarkAllRead;
using School.Application.Notifications.MarkRead;

namespace School.Api.Endpoints;

/// <summary>
/// The caller's own notifications (mentoring reminders, escalations, new mentors): listed, and marked read one at a time
/// or all at once. Everyone signed in has their own; nobody sees anyone else's.
/// </summary>
internal static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup("/api/me/notifications").NamesRecord(RecordKind.Notification).WithTags("Notifications")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        notifications.MapGet("/", List)
            .ProducesValidationProblem()
            .WithSummary("My notifications, newest first, with how many are unread; unreadOnly=true shows only the unread ones.");
        notifications.MapPost("/{id:guid}/read", MarkRead)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Mark one of my notifications read (again is harmless: the first time stands); anyone else's is 404.");
        notifications.MapPost("/read-all", MarkAllRead)
            .WithSummary("Mark all my unread notifications read; says how many that was.");
        return app;
    }

    private static async Task<Results<Ok<MyNotificationsDto>, ProblemHttpResult>> List(
        ISender sender, CancellationToken ct, bool unreadOnly = false, int page = 1, int pageSize = Paging.DefaultPageSize) =>
        (await sender.Send(new ListMyNotificationsQuery(unreadOnly, page, pageSize), ct)).ToOk();

    private static async Task<Results<Ok<NotificationDto>, ProblemHttpResult>> MarkRead(Guid id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new MarkNotificationReadCommand(id), ct)).ToOk();

    private static async Task<Results<Ok<MarkedReadDto>, ProblemHttpResult>> MarkAllRead(ISender sender, CancellationToken ct) =>
        (await sender.Send(new MarkAllNotificationsReadCommand(), ct)).ToOk();
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using School.Application.Notifications.Delivery;
using School.Domain.Notifications;
using School.Infrastructure.Persistence;

namespace School.Api.Tests.Notifications;

/// <summary>Helpers for the notification tests: notifications written straight into the database, delivery runs, the inbox.</summary>
internal static class NotificationsApi
{
    public const string Inbox = "/api/me/notifications";

    public static string Read(Guid id) => $"{Inbox}/{id}/read";

    public const string ReadAll = $"{Inbox}/read-all";

    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Writes a notification for <paramref name="recipientId"/> dated now on the factory's clock, as the mentoring features would.</summary>
    public static async Task<Notification> NotifyAsync(
        this SchoolApiFactory factory, Guid recipientId, string? title = null, string? emailTo = null, Guid? studentId = null,
        NotificationKind kind = NotificationKind.CheckInReminder)
    {
        title ??= Unique("Check-in due");
        var notification = Notification.Create(
            Guid.CreateVersion7(factory.Time.GetUtcNow()), DemoData.BridgemaryId, recipientId, kind, $"test:{Guid.NewGuid():N}", title,
            $"Body of {title}.", factory.Time.GetUtcNow(), emailTo, studentId);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SchoolDbContext>();
        db.Notifications.Add(notification);
        await db.SaveChangesAsync();
        return notification;
    }

    public static async Task<Notification> NotificationAsync(this SchoolApiFactory factory, Guid id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SchoolDbContext>().Notifications.AsNoTracking().SingleAsync(n => n.Id == id);
    }

    /// <summary>One delivery run in its own scope, as the recurring job does it.</summary>
    public static async Task<DeliveryReport> DeliverAsync(this SchoolApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationDelivery>().RunAsync(CancellationToken.None);
    }

    public static async Task<JsonElement> InboxAsync(this HttpClient client, string query = "")
    {
        var response = await client.GetAsync(Inbox + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {Inbox}{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static JsonElement Items(this JsonElement inbox) => inbox.GetProperty("notifications").GetProperty("items");

    public static List<Guid> ItemIds(this JsonElement inbox) => inbox.Items().EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

    public static int UnreadCount(this JsonElement inbox) => inbox.GetProperty("unreadCount").GetInt32();

    /// <summary>Marks everything read for the signed-in user, so that a test starts from an inbox with nothing unread.</summary>
    public static async Task ReadEverythingAsync(this HttpClient client)
    {
        var response = await client.PostAsync(ReadAll, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using School.Application.Common.Abstractions;
using School.Domain.Notifications;

namespace School.Application.Notifications.Delivery;

/// <summary>What one delivery run did.</summary>
public sealed record DeliveryReport(int Sent, int Failed, int Skipped);

/// <summary>
/// Delivers the outbox: every notification whose e-mail is pending and due is claimed, sent and marked sent. A claim is a
/// conditional update, so two runs at once never both send the same message, and a message marked sent is never sent
/// again. A failure is retried later with a growing back-off, up to <see cref="Notification.MaxEmailAttempts"/> attempts.
/// </summary>
public sealed partial class NotificationDelivery(IApplicationDbContext db, IEmailSender sender, TimeProvider time, ILogger<NotificationDelivery> logger)
{
    private const int BatchSize = 100;

    /// <summary>How long a run holds a message it is sending; a run that dies lets it go after this.</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    public async Task<DeliveryReport> RunAsync(CancellationToken ct)
    {
        int sent = 0, failed = 0, skipped = 0;
        var seen = new HashSet<Guid>();
        while (true)
        {
            var now = time.GetUtcNow();
            var due = await db.Notifications.AsNoTracking()
                .Where(n => n.EmailStatus == EmailStatus.Pending && n.NextAttemptAt <= now && (n.ClaimedUntil == null || n.ClaimedUntil < now))
                .OrderBy(n => n.CreatedAt)
                .Select(n => n.Id)
                .Take(BatchSize)
                .ToListAsync(ct);
            due.RemoveAll(id => !seen.Add(id));
            if (due.Count == 0)
            {
                break;
            }

            foreach (var id in due)
            {
                var claimedUntil = now + ClaimFor;
                var claimed = await db.Notifications
                    .Where(n => n.Id == id && n.EmailStatus == EmailStatus.Pending && (n.ClaimedUntil == null || n.ClaimedUntil < now))
                    .ExecuteUpdateAsync(set => set.SetProperty(n => n.ClaimedUntil, claimedUntil), ct);
                if (claimed == 0)
                {
                    continue; // another run has it
                }

                var notification = await db.Notifications.SingleAsync(n => n.Id == id, ct);
                if (!sender.IsEnabled)
                {
                    notification.EmailNotSent("No e-mail is configured; the notification is shown in the app only.");
                    skipped++;
                }
                else
                {
                    try
                    {
                        await sender.SendAsync(new EmailMessage(notification.EmailTo!, notification.Title, notification.Body, notification.Id), ct);
                        notification.EmailSent(time.GetUtcNow());
                        sent++;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        notification.EmailFailed(time.GetUtcNow(), ex.Message);
                        LogFailed(logger, ex, notification.Id, notification.EmailAttempts);
                        failed++;
                    }
                }

                await db.SaveChangesAsync(ct);
                db.ClearTracked();
            }
        }

        return new DeliveryReport(sent, failed, skipped);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail for notification {NotificationId} failed (attempt {Attempt}); it will be retried.")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid notificationId, int attempt);
}

using School.Domain.Notifications;
using static School.Api.Tests.Notifications.NotificationsApi;

namespace School.Api.Tests.Notifications;

/// <summary>Delivery with the default sender outside Production: each e-mail becomes an .eml file in the data directory's mail folder.</summary>
public sealed class NotificationDeliveryTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private string MailFolder => Path.Combine(factory.DataDirectory, "mail");

    private List<string> FilesWithSubject(string subject) => Directory.Exists(MailFolder)
        ? Directory.EnumerateFiles(MailFolder, "*.eml").Where(f => File.ReadAllText(f).Contains($"Subject: {subject}", StringComparison.Ordinal)).ToList()
        : [];

    [Fact]
    public async Task Delivery_WritesAPendingEmailOnceIntoThePickupFolder_AndASecondRunSendsNothing()
    {
        var notification = await factory.NotifyAsync(DemoData.BridgemaryMentorId, title: Unique("Check-in with Alex is due"), emailTo: "mentor@bridgemary.demo");

        var first = await factory.DeliverAsync();
        var files = Directory.GetFiles(MailFolder, "*.eml").Length;
        var second = await factory.DeliverAsync();

        Assert.True(first.Sent >= 1);
        var file = Assert.Single(FilesWithSubject(notification.Title));
        Assert.Contains("To: mentor@bridgemary.demo", File.ReadAllText(file), StringComparison.Ordinal);
        Assert.Equal(new(0, 0, 0), second);
        Assert.Equal(files, Directory.GetFiles(MailFolder, "*.eml").Length);
        var stored = await factory.NotificationAsync(notification.Id);
        Assert.Equal(EmailStatus.Sent, stored.EmailStatus);
        Assert.Equal(factory.Time.GetUtcNow(), stored.EmailSentAt);
        Assert.Equal(1, stored.EmailAttempts);
    }

    [Fact]
    public async Task Delivery_ShowsAsEmailedInTheInbox()
    {
        using var mentor = await factory.ClientFor(Accounts.Mentor);
        var notification = await factory.NotifyAsync(DemoData.BridgemaryMentorId, emailTo: "mentor@bridgemary.demo");

        await factory.DeliverAsync();

        var item = (await mentor.InboxAsync()).Items().EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == notification.Id);
        Assert.True(item.GetProperty("emailed").GetBoolean());
    }

    [Fact]
    public async Task Delivery_LeavesANotificationWithoutAnAddressInTheAppOnly()
    {
        var notification = await factory.NotifyAsync(DemoData.BridgemaryStudentId, title: Unique("No address"));

        await factory.DeliverAsync();

        Assert.Empty(FilesWithSubject(notification.Title));
        var stored = await factory.NotificationAsync(notification.Id);
        Assert.Equal(EmailStatus.NotNeeded, stored.EmailStatus);
        Assert.Equal(0, stored.EmailAttempts);
    }
}

/// <summary>Two delivery runs at once, against a mail server that holds the first message until a second is being sent.</summary>
public sealed class ConcurrentDeliveryTests(FakeEmailFactory factory) : IClassFixture<FakeEmailFactory>
{
    [Fact]
    public async Task TwoRunsAtOnce_SendEachMessageExactlyOnce()
    {
        await factory.DeliverAsync(); // whatever the demo data left pending
        var sentBefore = factory.Mail.Sent.Count;
        var notifications = new List<Notification>();
        for (var i = 0; i < 10; i++)
        {
            notifications.Add(await factory.NotifyAsync(DemoData.BridgemaryMentorId, title: Unique($"Reminder {i}"), emailTo: "mentor@bridgemary.demo"));
        }

        var overlapped = factory.Mail.ExpectOverlap();
        var reports = await Task.WhenAll(Task.Run(factory.DeliverAsync), Task.Run(factory.DeliverAsync));

        Assert.True(overlapped.IsCompletedSuccessfully, "The two runs were sending at the same time.");
        Assert.All(notifications, n => Assert.Equal(1, factory.Mail.SentWithSubject(n.Title)));
        Assert.Equal(notifications.Count, factory.Mail.Sent.Count - sentBefore);
        Assert.Equal(notifications.Count, reports.Sum(r => r.Sent));
        Assert.All(reports, r => Assert.Equal(0, r.Failed));
        foreach (var n in notifications)
        {
            Assert.Equal(EmailStatus.Sent, (await factory.NotificationAsync(n.Id)).EmailStatus);
        }
    }
}

/// <summary>A mail server that refuses messages: retried after a growing back-off, given up after five attempts.</summary>
public sealed class DeliveryRetryTests(FakeEmailFactory factory) : IClassFixture<FakeEmailFactory>
{
    [Fact]
    public async Task AFailedSend_IsRetriedOnlyAfterTheBackOff_AndThenSentOnce()
    {
        await factory.DeliverAsync(); // whatever the demo data left pending
        var notification = await factory.NotifyAsync(DemoData.BridgemaryMentorId, title: Unique("Retry me"), emailTo: "mentor@bridgemary.demo");
        factory.Mail.FailNext(1);

        var failed = await factory.DeliverAsync();

        Assert.Equal(new(0, 1, 0), failed);
        var stored = await factory.NotificationAsync(notification.Id);
        Assert.Equal(EmailStatus.Pending, stored.EmailStatus);
        Assert.Equal(1, stored.EmailAttempts);
        Assert.NotNull(stored.LastError);
        Assert.True(stored.NextAttemptAt > factory.Time.GetUtcNow(), "The next attempt waits for the back-off.");

        var calls = factory.Mail.Calls;
        factory.Time.Advance(stored.NextAttemptAt!.Value - factory.Time.GetUtcNow() - TimeSpan.FromSeconds(1));
        var early = await factory.DeliverAsync();

        Assert.Equal(new(0, 0, 0), early);
        Assert.Equal(calls, factory.Mail.Calls);

        factory.Time.Advance(TimeSpan.FromSeconds(2));
        var retried = await factory.DeliverAsync();
        var afterwards = await factory.DeliverAsync();

        Assert.Equal(new(1, 0, 0), retried);
        Assert.Equal(new(0, 0, 0), afterwards);
        Assert.Equal(1, factory.Mail.SentWithSubject(notification.Title));
        stored = await factory.NotificationAsync(notification.Id);
        Assert.Equal(EmailStatus.Sent, stored.EmailStatus);
        Assert.Equal(2, stored.EmailAttempts);
    }

    [Fact]
    public async Task AfterFiveFailures_TheEmailIsFailed_AndNeverRetried()
    {
        await factory.DeliverAsync(); // whatever the demo data left pending
        var notification = await factory.NotifyAsync(DemoData.BridgemaryPastoralId, title: Unique("Give up"), emailTo: "pastoral@bridgemary.demo");
        factory.Mail.FailNext(Notification.MaxEmailAttempts);

        for (var attempt = 1; attempt <= Notification.MaxEmailAttempts; attempt++)
        {
            Assert.Equal(new(0, 1, 0), await factory.DeliverAsync());
            var stored = await factory.NotificationAsync(notification.Id);
            Assert.Equal(attempt, stored.EmailAttempts);
            if (stored.NextAttemptAt is { } next)
            {
                factory.Time.Advance(next - factory.Time.GetUtcNow());
            }
        }

        var failed = await factory.NotificationAsync(notification.Id);
        Assert.Equal(EmailStatus.Failed, failed.EmailStatus);
        Assert.Null(failed.NextAttemptAt);

        var calls = factory.Mail.Calls;
        factory.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new(0, 0, 0), await factory.DeliverAsync());
        Assert.Equal(calls, factory.Mail.Calls);
        Assert.Equal(0, factory.Mail.SentWithSubject(notification.Title));
        using var pastoral = await factory.ClientFor(Accounts.Pastoral);
        var item = (await pastoral.InboxAsync()).Items().EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == notification.Id);
        Assert.False(item.GetProperty("emailed").GetBoolean());
    }
}

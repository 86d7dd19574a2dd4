using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using School.Infrastructure.Jobs;
using static School.Api.Tests.Notifications.NotificationsApi;

namespace School.Api.Tests.Notifications;

/// <summary>The recurring delivery job, run by a real Hangfire server.</summary>
public sealed class DeliveryJobTests(HangfireServerFactory factory) : IClassFixture<HangfireServerFactory>
{
    [Fact]
    public async Task TriggeringTheRecurringJob_DeliversPendingEmail()
    {
        var notification = await factory.NotifyAsync(DemoData.BridgemaryMentorId, title: Unique("Sent by the job"), emailTo: "mentor@bridgemary.demo");
        var sent = factory.Mail.WaitForAsync(notification.Title);

        factory.Services.GetRequiredService<IRecurringJobManagerV2>().TriggerJob(BackgroundJobs.DeliveryJobId);

        var message = await sent.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("mentor@bridgemary.demo", message.To);
        Assert.Equal(notification.Body, message.Body);
    }
}

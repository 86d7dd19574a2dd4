using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using School.Application.Mentoring.Sweep;
using School.Domain.Mentoring;
using School.Domain.Notifications;
using School.Infrastructure.Persistence;
using static School.Api.Tests.Mentoring.MentoringApi;

namespace School.Api.Tests.Mentoring;

/// <summary>
/// The daily sweep through a half term, on a fake clock: check-ins planned, reminders before they are due, overdue
/// and escalation exactly once, the next half term, and the sweep run twice or interrupted. Each test has its own
/// database, since each moves time.
/// </summary>
public sealed class MentoringSweepTests
{
    [Fact]
    public async Task FirstSweepOfTheHalfTerm_PlansTwoCheckInsPerChild_DueAtThePolicysPace()
    {
        using var factory = new SchoolApiFactory();
        var (student, mentor) = await factory.OrdinaryPairAsync();

        var report = await factory.SweepAsync();

        Assert.Equal("Autumn 1", report.GetProperty("halfTerm").GetString());
        Assert.True(report.GetProperty("created").GetInt32() > 1500, report.ToString());
        var checkIns = await factory.CheckInsOfAsync(student);
        Assert.Equal([1, 2], checkIns.Select(c => c.Sequence));
        Assert.All(checkIns, c => Assert.Equal((CheckInStatus.Scheduled, mentor, Autumn1), (c.Status, c.MentorId, c.HalfTermStart)));
        // 37 school days: the first is due halfway through, the second on the last day.
        Assert.Equal([new DateOnly(2026, 9, 29), new DateOnly(2026, 10, 23)], checkIns.Select(c => c.DueOn));
    }

    [Fact]
    public async Task SweepRunTwice_TheSecondDoesNothing()
    {
        using var factory = new SchoolApiFactory();
        await factory.SweepAsync();
        var checkIns = await factory.WithDbAsync(db => db.CheckIns.CountAsync());
        var notifications = await factory.WithDbAsync(db => db.Notifications.CountAsync());

        var again = await factory.SweepAsync();

        Assert.Equal((0, 0, 0, 0), (again.GetProperty("created").GetInt32(), again.GetProperty("reminded").GetInt32(),
            again.GetProperty("markedOverdue").GetInt32(), again.GetProperty("escalated").GetInt32()));
        Assert.Equal(checkIns, await factory.WithDbAsync(db => db.CheckIns.CountAsync()));
        Assert.Equal(notifications, await factory.WithDbAsync(db => db.Notifications.CountAsync()));
    }

    [Fact]
    public async Task Reminder_IsQueuedForTheMentorDaysBeforeTheDueDate_Once()
    {
        using var factory = new SchoolApiFactory();
        var (student, mentor) = await factory.OrdinaryPairAsync();
        await factory.SweepAsync();
        Assert.Empty(await factory.NotificationsAboutAsync(student, NotificationKind.CheckInReminder));

        factory.MoveTo(new DateOnly(2026, 9, 25)); // four days before the first is due: not yet
        await factory.SweepAsync();
        Assert.Empty(await factory.NotificationsAboutAsync(student, NotificationKind.CheckInReminder));

        factory.MoveTo(new DateOnly(2026, 9, 26)); // three days before (the policy's default)
        await factory.SweepAsync();
        await factory.SweepAsync();
        factory.MoveTo(new DateOnly(2026, 9, 28));
        await factory.SweepAsync();

        var reminder = Assert.Single(await factory.NotificationsAboutAsync(student, NotificationKind.CheckInReminder));
        Assert.Equal(mentor, reminder.RecipientId);
        Assert.Contains("due by Tuesday 29 September", reminder.Body, StringComparison.Ordinal);
        var first = (await factory.CheckInsOfAsync(student))[0];
        Assert.Equal(new DateTimeOffset(2026, 9, 26, 8, 0, 0, TimeSpan.Zero), first.RemindedAt);
    }

    [Fact]
    public async Task MissedCheckIn_IsOverdueTheDayAfterItWasDue_AndTheChildIsEscalatedToThePastoralLeadOnce()
    {
        using var factory = new SchoolApiFactory();
        var (student, _) = await factory.OrdinaryPairAsync();
        await factory.SweepAsync();

        factory.MoveTo(new DateOnly(2026, 9, 29)); // due today: not overdue yet
        await factory.SweepAsync();
        Assert.Equal(CheckInStatus.Scheduled, (await factory.CheckInsOfAsync(student))[0].Status);

        factory.MoveTo(new DateOnly(2026, 9, 30));
        var report = await factory.SweepAsync();
        Assert.True(report.GetProperty("escalated").GetInt32() > 0);
        Assert.Equal(CheckInStatus.Overdue, (await factory.CheckInsOfAsync(student))[0].Status);
        var escalation = Assert.Single(await factory.NotificationsAboutAsync(student, NotificationKind.MentoringEscalation));
        Assert.Equal(DemoData.BridgemaryPastoralId, escalation.RecipientId);
        Assert.Single(await factory.NotificationsAboutAsync(student, NotificationKind.CheckInOverdue));

        // Later sweeps, and the second check-in going overdue too, raise nothing more this half term.
        factory.MoveTo(new DateOnly(2026, 10, 1));
        await factory.SweepAsync();
        factory.MoveTo(new DateOnly(2026, 10, 26));
        await factory.SweepAsync();

        Assert.All(await factory.CheckInsOfAsync(student), c => Assert.Equal(CheckInStatus.Overdue, c.Status));
        Assert.Single(await factory.NotificationsAboutAsync(student, NotificationKind.MentoringEscalation));
        Assert.Equal(1, await factory.WithDbAsync(db => db.MentoringEscalations.CountAsync(e => e.StudentId == student)));
        using var pastoral = await factory.ClientFor(Accounts.Pastoral);
        var checkIns = await pastoral.GetFromJsonAsync<JsonElement>($"/api/students/{student}/check-ins");
        Assert.All(checkIns.EnumerateArray(), c => Assert.Equal("Overdue", c.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task NextHalfTerm_GetsItsOwnCheckIns_AndTheHolidayPlansNothing()
    {
        using var factory = new SchoolApiFactory();
        var (student, _) = await factory.OrdinaryPairAsync();
        await factory.SweepAsync();

        factory.MoveTo(new DateOnly(2026, 10, 28)); // half-term holiday
        var holiday = await factory.SweepAsync();
        Assert.Equal(JsonValueKind.Null, holiday.GetProperty("halfTerm").ValueKind);
        Assert.Equal(0, holiday.GetProperty("created").GetInt32());

        factory.MoveTo(new DateOnly(2026, 11, 2));
        var report = await factory.SweepAsync();

        Assert.Equal("Autumn 2", report.GetProperty("halfTerm").GetString());
        var autumn2 = (await factory.CheckInsOfAsync(student)).Where(c => c.HalfTermStart == Autumn2).ToList();
        Assert.Equal([1, 2], autumn2.Select(c => c.Sequence));
        Assert.All(autumn2, c => Assert.True(c.DueOn > new DateOnly(2026, 11, 2) && c.DueOn <= new DateOnly(2026, 12, 18)));
    }

    [Fact]
    public async Task SweepInterruptedHalfway_ThenRerun_EndsInTheSameStateAsOneCleanRun()
    {
        using var clean = new SchoolApiFactory();
        await clean.SweepAsync();

        using var crashed = new SchoolApiFactory();
        using (var scope = crashed.Services.CreateScope())
        {
            var sweep = scope.ServiceProvider.GetRequiredService<MentoringSweep>();
            sweep.AfterBatchSaved = batch => throw new InvalidOperationException($"Power cut after batch {batch}.");
            await Assert.ThrowsAsync<InvalidOperationException>(() => sweep.RunAsync(DemoData.BridgemaryId, CancellationToken.None));
        }

        var partial = await crashed.WithDbAsync(db => db.CheckIns.CountAsync());
        var expected = await clean.WithDbAsync(db => db.CheckIns.CountAsync());
        Assert.InRange(partial, 1, expected - 1);

        await crashed.SweepAsync();

        Assert.Equal(await Shape(clean), await Shape(crashed));
    }

    [Fact]
    public async Task TwoSweepsAtOnce_DuplicateNothing()
    {
        using var factory = new SchoolApiFactory();
        using var clean = new SchoolApiFactory();
        await clean.SweepAsync();

        await Task.WhenAll(Run(), Run());

        Assert.Equal(await Shape(clean), await Shape(factory));

        async Task Run()
        {
            using var scope = factory.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<MentoringSweep>().RunAsync(DemoData.BridgemaryId, CancellationToken.None);
        }
    }

    /// <summary>What a sweep leaves behind, without ids or timestamps: each child's check-ins, and every notification and escalation.</summary>
    private static Task<string> Shape(SchoolApiFactory factory) => factory.WithDbAsync(async db =>
    {
        var checkIns = await db.CheckIns.AsNoTracking()
            .Select(c => new { c.StudentId, c.MentorId, c.HalfTermStart, c.Sequence, c.DueOn, c.Status, Reminded = c.RemindedAt != null })
            .ToListAsync();
        var notifications = await db.Notifications.AsNoTracking().Select(n => new { n.RecipientId, n.Kind, n.StudentId, n.Title }).ToListAsync();
        var escalations = await db.MentoringEscalations.AsNoTracking().Select(e => new { e.StudentId, e.HalfTermStart }).ToListAsync();
        return string.Join('\n', checkIns.Select(c => c.ToString()).Order(StringComparer.Ordinal))
            + "\n--\n" + string.Join('\n', notifications.Select(n => n.ToString()).Order(StringComparer.Ordinal))
            + "\n--\n" + string.Join('\n', escalations.Select(e => e.ToString()).Order(StringComparer.Ordinal));
    });
}

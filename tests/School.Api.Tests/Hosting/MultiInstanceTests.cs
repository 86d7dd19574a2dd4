using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using School.Domain.Notifications;
using School.Infrastructure.Persistence;

namespace School.Api.Tests.Hosting;

/// <summary>
/// Two API processes on one database, as a trust runs them behind a load balancer: both started at once (one migrates,
/// the other waits), the mentoring sweep run on both at the same moment, and e-mail delivered by both instances' Hangfire
/// servers. Nothing may happen twice: no check-in, escalation, notification or e-mail. The suite runs this on SQLite and,
/// in CI, on PostgreSQL, where the instances also share Hangfire's storage.
/// </summary>
public sealed class MultiInstanceTests : IAsyncLifetime
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan DeliveryLimit = TimeSpan.FromMinutes(2);

    private readonly string _data = Directory.CreateTempSubdirectory("school-instances-").FullName;
    private readonly Dictionary<string, string> _settings = [];
    private TestDatabase? _database;
    private ApiProcess? _first;
    private ApiProcess? _second;

    private TestDatabase Database => _database!;

    private string Mail => Path.Combine(_data, "mail");

    /// <summary>E-mail delivery every 2 seconds, on each instance's schedule (one shared schedule on PostgreSQL).</summary>
    private const string Every2Seconds = "*/2 * * * * *";

    /// <summary>Never during a test: delivery runs only when a test triggers it.</summary>
    private const string OnlyWhenTriggered = "0 0 1 1 *";

    public Task InitializeAsync()
    {
        _database = SchoolApiFactory.CopyOfDemoDatabase(_data);
        _settings["ASPNETCORE_ENVIRONMENT"] = "Testing";
        _settings["Database:Provider"] = Database.Provider;
        _settings["ConnectionStrings:School"] = Database.ConnectionString;
        // The instances share the data directory (a network share in a trust) and the token signing key.
        _settings["Storage:Root"] = _data;
        _settings["Auth:SigningKey"] = SchoolApiFactory.SigningKey;
        _settings["Seeding:DemoData"] = "true";
        _settings["Hangfire:Server"] = "true";
        // The deployment's operator, who may trigger jobs on the dashboard (ADR 0012).
        _settings["Hangfire:Operators:0"] = Accounts.Admin;
        _settings["Hangfire:QueuePollInterval"] = "00:00:01";
        // The daily sweep would otherwise run by itself at 06:00 London time; here a test decides when it runs.
        _settings["Mentoring:SweepCron"] = OnlyWhenTriggered;
        _settings["Logging:LogLevel:Default"] = "Warning";
        return Task.CompletedTask;
    }

    /// <summary>Starts both instances at the same moment and waits until both answer.</summary>
    private async Task StartBothAsync(string deliveryCron, string suffix = "")
    {
        _settings["Hangfire:DeliveryCron"] = deliveryCron;
        _first = ApiProcess.Start($"instance 1{suffix}", _settings);
        _second = ApiProcess.Start($"instance 2{suffix}", _settings);
        await Task.WhenAll(_first.WaitUntilReadyAsync(StartLimit), _second.WaitUntilReadyAsync(StartLimit));
    }

    public async Task DisposeAsync()
    {
        if (_first is not null)
        {
            await _first.DisposeAsync();
        }

        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        _database?.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean; it is in the temp directory.
        }
    }

    [Fact]
    public async Task SweepOnBothInstancesAtOnce_CreatesEachCheckInEscalationAndEmailOnce()
    {
        await StartBothAsync(OnlyWhenTriggered);
        var before = await CountAsync();
        var sentBefore = await SentAsync();
        var token = await SignInAsync(_first!, Accounts.Admin);

        // The same school's sweep, on both instances at the same moment.
        var reports = await Task.WhenAll(SweepAsync(_first!, token), SweepAsync(_second!, token));

        var after = await CountAsync();
        // Each row one instance made is counted in that instance's report alone: together they account for every new row.
        Assert.Equal(after.CheckIns - before.CheckIns, reports.Sum(r => r.GetProperty("created").GetInt32()));
        Assert.Equal(after.Escalations - before.Escalations, reports.Sum(r => r.GetProperty("escalated").GetInt32()));
        // There was real work to race for, and it was done.
        Assert.True(after.CheckIns > before.CheckIns || after.Overdue > before.Overdue, Describe(reports));
        Assert.True(after.Notifications > before.Notifications, Describe(reports));
        await AssertNoDuplicatesAsync();

        // Both instances deliver the whole outbox at the same time: an admin presses "Trigger now" twice on each instance's
        // dashboard, and the four runs start together, one on each of the instances' workers. Each e-mail goes out once.
        ApiProcess[] presses = [_first!, _second!, _first!, _second!];
        await Task.WhenAll(presses.Select(api => TriggerAsync(api, token, "notification-delivery")));
        AssertEachSentOnce((await WaitForOutboxToEmptyAsync()).Except(sentBefore).ToList());
    }

    [Fact]
    public async Task SweepJobTriggeredOnBothDashboardsAtOnce_DoesTheWorkOnce()
    {
        await StartBothAsync(OnlyWhenTriggered);
        var before = await CountAsync();
        var sentBefore = await SentAsync();
        var token = await SignInAsync(_first!, Accounts.Admin);

        // "Trigger now" on the daily sweep, on both instances' dashboards at the same moment. On PostgreSQL both runs are
        // on the shared queue and take turns (the job's distributed lock); on SQLite each instance runs its own, together.
        await Task.WhenAll(TriggerAsync(_first!, token, "mentoring-sweep"), TriggerAsync(_second!, token, "mentoring-sweep"));
        // Each sweep run then queues a delivery run: two sweeps and two deliveries, whichever instance ran them.
        await WaitForJobsAsync(token, succeededPerStorage: IsPostgres ? 4 : 2);

        var after = await CountAsync();
        Assert.True(after.CheckIns > before.CheckIns || after.Overdue > before.Overdue, $"{before} → {after}");
        await AssertNoDuplicatesAsync();
        AssertEachSentOnce((await WaitForOutboxToEmptyAsync()).Except(sentBefore).ToList());
        // The two runs did all there was to do: a third finds nothing.
        var again = await SweepAsync(_second!, token);
        Assert.Equal((0, 0, 0, 0), (again.GetProperty("created").GetInt32(), again.GetProperty("reminded").GetInt32(),
            again.GetProperty("markedOverdue").GetInt32(), again.GetProperty("escalated").GetInt32()));
    }

    [Fact]
    public async Task AfterBothInstancesRestart_TheSweepFindsItsWorkDone_AndTheScheduleIsKept()
    {
        await StartBothAsync(Every2Seconds);
        var sentBefore = await SentAsync();
        var token = await SignInAsync(_first!, Accounts.Admin);
        var first = await SweepAsync(_first!, token);
        Assert.True(first.GetProperty("created").GetInt32() + first.GetProperty("markedOverdue").GetInt32() > 0, first.GetRawText());
        var sent = await WaitForOutboxToEmptyAsync();
        var jobsBefore = IsPostgres ? await HangfireJobIdsAsync() : [];

        // The whole trust restarts (killed, as a crash would).
        await _first!.DisposeAsync();
        await _second!.DisposeAsync();
        await StartBothAsync(Every2Seconds, ", restarted");

        // What is due and what was done lives in the database, so the rerun has nothing left to do.
        var again = await SweepAsync(_second!, await SignInAsync(_second!, Accounts.Admin));
        Assert.Equal((0, 0, 0, 0), (again.GetProperty("created").GetInt32(), again.GetProperty("reminded").GetInt32(),
            again.GetProperty("markedOverdue").GetInt32(), again.GetProperty("escalated").GetInt32()));
        // Nothing sent before the restart is sent again after it.
        Assert.Equal(sent.Order(), (await WaitForOutboxToEmptyAsync()).Order());
        Assert.Equal(sent.Count - sentBefore.Count, Directory.GetFiles(Mail, "*.eml").Length);

        if (IsPostgres)
        {
            // Hangfire's storage is the database too: the jobs from before the restart are still there, and the restarted
            // instances registered the recurring jobs again without doubling them.
            Assert.NotEmpty(jobsBefore);
            Assert.Empty(jobsBefore.Except(await HangfireJobIdsAsync()));
            await using var db = Database.OpenContext();
            Assert.Equal(["mentoring-sweep", "notification-delivery"], await RecurringJobsAsync(db));
        }
    }

    private bool IsPostgres => Database.Provider == nameof(DatabaseProvider.Postgres);

    private async Task AssertNoDuplicatesAsync()
    {
        await using var db = Database.OpenContext();
        Assert.Empty(await db.CheckIns.GroupBy(c => new { c.StudentId, c.HalfTermStart, c.Sequence }).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync());
        Assert.Empty(await db.MentoringEscalations.GroupBy(e => new { e.StudentId, e.HalfTermStart }).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync());
        Assert.Empty(await db.Notifications.GroupBy(n => n.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync());
    }

    /// <summary>Each notification the test saw sent has exactly one e-mail in the shared pickup folder, and there are no others.</summary>
    private void AssertEachSentOnce(List<Guid> sent)
    {
        Assert.NotEmpty(sent);
        var files = Directory.GetFiles(Mail, "*.eml").Select(f => Path.GetFileName(f)).ToList();
        var perNotification = files.GroupBy(f => f[..f.IndexOf('_', StringComparison.Ordinal)]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(sent.Count, files.Count);
        Assert.All(sent, id => Assert.Equal(1, perNotification.GetValueOrDefault($"notification-{id:N}")));
    }

    /// <summary>
    /// Waits until every instance's Hangfire (one shared storage on PostgreSQL) has nothing queued or running and has
    /// finished at least <paramref name="succeededPerStorage"/> jobs, none failed; read from the dashboard's statistics.
    /// </summary>
    private async Task WaitForJobsAsync(string token, int succeededPerStorage)
    {
        JobStats[] stats = [];
        await Poll.UntilAsync(
            async () =>
            {
                stats = await Task.WhenAll(HangfireStatsAsync(_first!, token), HangfireStatsAsync(_second!, token));
                Assert.All(stats, s => Assert.Equal(0, s.Failed));
                return stats.All(s => s is { Enqueued: 0, Processing: 0 } && s.Succeeded >= succeededPerStorage);
            },
            DeliveryLimit,
            () => $"the jobs did not finish: {string.Join("; ", stats)}");
    }

    private sealed record JobStats(int Enqueued, int Processing, int Succeeded, int Failed);

    private static async Task<JobStats> HangfireStatsAsync(ApiProcess api, string token)
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        string[] metrics = ["enqueued:count-or-null", "processing:count", "succeeded:count", "failed:count-or-null"];
        var response = await client.PostAsync(
            new Uri("/hangfire/stats", UriKind.Relative), new FormUrlEncodedContent(metrics.Select(m => new KeyValuePair<string, string>("metrics[]", m))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stats = await response.Content.ReadFromJsonAsync<JsonElement>();
        int Count(string metric) => stats.GetProperty(metric) is { ValueKind: JsonValueKind.Object } value ? value.GetProperty("intValue").GetInt32() : 0;
        return new JobStats(Count("enqueued:count-or-null"), Count("processing:count"), Count("succeeded:count"), Count("failed:count-or-null"));
    }

    private async Task<List<long>> HangfireJobIdsAsync()
    {
        await using var db = Database.OpenContext();
        return await db.Database.SqlQueryRaw<long>("SELECT id AS \"Value\" FROM hangfire.job").ToListAsync();
    }

    /// <summary>For each scheduled occurrence of the delivery job (its "Time" parameter), how many jobs it enqueued.</summary>
    private static Task<List<long>> DeliveryOccurrencesAsync(SchoolDbContext db) =>
        db.Database.SqlQueryRaw<long>(
            """
            SELECT count(*) AS "Value" FROM hangfire.jobparameter time
            WHERE time.name = 'Time' AND time.jobid IN
                (SELECT jobid FROM hangfire.jobparameter WHERE name = 'RecurringJobId' AND value = '"notification-delivery"')
            GROUP BY time.value
            """).ToListAsync();

    private static Task<List<string>> RecurringJobsAsync(SchoolDbContext db) =>
        db.Database.SqlQueryRaw<string>("SELECT value AS \"Value\" FROM hangfire.set WHERE key = 'recurring-jobs' ORDER BY value").ToListAsync();

    [Fact]
    public async Task BothInstancesStartedTogether_OnAnEmptyDatabase_OneMigratesAndSeeds_BothServeTheSameData()
    {
        int demoStudents;
        await using (var demo = Database.OpenContext())
        {
            demoStudents = await demo.Students.CountAsync();
        }

        // A new trust's first start: an empty database (no tables, no Hangfire schema), both instances at the same moment.
        // One takes the start-up lock, migrates and seeds; the other waits, then finds the work done.
        Database.Dispose();
        var empty = Directory.CreateDirectory(Path.Combine(_data, "empty")).FullName;
        _database = TestDatabase.Create(empty, template: null);
        _settings["ConnectionStrings:School"] = Database.ConnectionString;
        await StartBothAsync(Every2Seconds);

        var token = await SignInAsync(_second!, Accounts.Admin);
        var first = await GetAsync(_first!, token, "/api/students?pageSize=5");
        var second = await GetAsync(_second!, token, "/api/students?pageSize=5");

        Assert.Equal(first.GetRawText(), second.GetRawText());
        await using var db = Database.OpenContext();
        Assert.Equal(2, await db.Schools.CountAsync());
        Assert.Equal(demoStudents, await db.Students.CountAsync());
        if (IsPostgres)
        {
            // On PostgreSQL the instances share Hangfire's storage: two servers, one set of recurring jobs.
            var servers = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM hangfire.server").SingleAsync();
            Assert.Equal(2, servers);
            Assert.Equal(["mentoring-sweep", "notification-delivery"], await RecurringJobsAsync(db));

            // Both instances' schedulers watch the one schedule: each delivery occurrence (every 2 s here) is enqueued once.
            List<long> occurrences = [];
            await Poll.UntilAsync(
                async () => (occurrences = await DeliveryOccurrencesAsync(db)).Count >= 3,
                DeliveryLimit,
                () => "the schedule did not run three delivery occurrences.");

            Assert.All(occurrences, jobs => Assert.Equal(1, jobs));
        }
    }

    private sealed record Counts(int CheckIns, int Overdue, int Escalations, int Notifications);

    private async Task<Counts> CountAsync()
    {
        await using var db = Database.OpenContext();
        return new Counts(
            await db.CheckIns.CountAsync(),
            await db.CheckIns.CountAsync(c => c.Status == School.Domain.Mentoring.CheckInStatus.Overdue),
            await db.MentoringEscalations.CountAsync(),
            await db.Notifications.CountAsync());
    }

    /// <summary>Waits until no e-mail is waiting to be sent; returns the notifications that were sent.</summary>
    private async Task<List<Guid>> WaitForOutboxToEmptyAsync()
    {
        await Poll.UntilAsync(
            async () =>
            {
                await using var db = Database.OpenContext();
                return !await db.Notifications.AnyAsync(n => n.EmailStatus == EmailStatus.Pending);
            },
            DeliveryLimit,
            () => $"the outbox was not delivered.{Environment.NewLine}{_first!.Output}{Environment.NewLine}{_second!.Output}");

        await using (var db = Database.OpenContext())
        {
            Assert.Empty(await db.Notifications.Where(n => n.EmailStatus == EmailStatus.Failed).Select(n => n.LastError).ToListAsync());
        }

        return await SentAsync();
    }

    private async Task<List<Guid>> SentAsync()
    {
        await using var db = Database.OpenContext();
        return await db.Notifications.Where(n => n.EmailStatus == EmailStatus.Sent).Select(n => n.Id).ToListAsync();
    }

    private static async Task<string> SignInAsync(ApiProcess api, string email)
    {
        using var client = api.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password = School.Infrastructure.Seeding.DemoData.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task<JsonElement> SweepAsync(ApiProcess api, string token)
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.PostAsync(new Uri("/api/mentoring/sweep", UriKind.Relative), content: null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{api.Name}: {(int)response.StatusCode} {body}{Environment.NewLine}{api.Output}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>"Trigger now" on a recurring job, as the dashboard's button does.</summary>
    private static async Task TriggerAsync(ApiProcess api, string token, string recurringJobId)
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.PostAsync(
            new Uri("/hangfire/recurring/trigger", UriKind.Relative), new FormUrlEncodedContent([new("jobs[]", recurringJobId)]));
        Assert.True(response.IsSuccessStatusCode, $"{api.Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<JsonElement> GetAsync(ApiProcess api, string token, string path)
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Describe(IEnumerable<JsonElement> reports) => string.Join(Environment.NewLine, reports.Select(r => r.GetRawText()));
}

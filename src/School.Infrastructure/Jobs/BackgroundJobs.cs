using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using School.Application.Mentoring.Sweep;
using School.Application.Notifications.Delivery;
using School.Domain.Staff;
using School.Infrastructure.Persistence;

namespace School.Infrastructure.Jobs;

/// <summary>Hangfire settings (section <c>Hangfire</c>).</summary>
public sealed class HangfireOptions
{
    public const string SectionName = "Hangfire";

    /// <summary>Whether this instance runs a Hangfire server (processes jobs). Every instance can show the dashboard.</summary>
    public bool Server { get; set; } = true;

    public int WorkerCount { get; set; } = 2;

    /// <summary>How often pending e-mails are delivered (cron). Default every minute.</summary>
    public string DeliveryCron { get; set; } = "* * * * *";

    /// <summary>The PostgreSQL schema of Hangfire's tables when the database is PostgreSQL (created at start-up).</summary>
    public string Schema { get; set; } = "hangfire";

    /// <summary>How often an idle PostgreSQL-backed worker looks for queued jobs (PostgreSQL also wakes it when a job is queued).</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The sign-ins (e-mail addresses) of the deployment's operators: only they may change jobs on the dashboard (trigger,
    /// remove, requeue, delete), since the jobs serve every school. School admins get a read-only view. See docs/adr/0012.
    /// </summary>
    public IList<string> Operators { get; } = [];

    public bool IsOperator(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && user.FindFirst(Identity.SchoolClaims.Email)?.Value is { } email
        && Operators.Any(o => string.Equals(o.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Background jobs with Hangfire. Hangfire only triggers work: what is due and what was sent lives in the database, so a
/// restart (InMemory storage forgets its jobs) loses nothing. Each job handles many rows: one sweep per school, one
/// delivery run for the whole outbox, never one job per pupil.
/// </summary>
public static class BackgroundJobs
{
    public const string SweepJobId = "mentoring-sweep";
    public const string DeliveryJobId = "notification-delivery";
    public const string DashboardPath = "/hangfire";
    public const string DashboardPolicy = "HangfireDashboard";

    /// <summary>
    /// Hangfire with the storage that fits the database: in memory, per instance, beside SQLite (one machine); in the
    /// PostgreSQL database itself when that is the provider, so that every instance shares one set of queues and recurring
    /// jobs (each recurring job runs once across all of them) and the jobs survive a restart.
    /// </summary>
    public static IServiceCollection AddBackgroundJobs(
        this IServiceCollection services, IConfiguration configuration, DatabaseProvider provider, string? connectionString)
    {
        services.AddOptions<HangfireOptions>().Bind(configuration.GetSection(HangfireOptions.SectionName));
        // The storage and the job activator belong to this host's container. Hangfire's defaults are process-wide statics
        // (JobStorage.Current, JobActivator.Current): two hosts in one process (the API tests) would otherwise share them,
        // and one host's server could run a job with the other's services.
        services.AddSingleton<JobStorage>(sp => provider == DatabaseProvider.Postgres
            ? PostgresStorage(connectionString!, sp.GetRequiredService<IOptions<HangfireOptions>>().Value)
            : new InMemoryStorage());
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>()));

        if (configuration.GetValue($"{HangfireOptions.SectionName}:{nameof(HangfireOptions.Server)}", true))
        {
            services.AddHangfireServer((sp, server) =>
            {
                server.WorkerCount = Math.Max(1, sp.GetRequiredService<IOptions<HangfireOptions>>().Value.WorkerCount);
                server.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            });
        }

        services.AddScoped<MentoringSweepJob>();
        services.AddScoped<NotificationDeliveryJob>();
        services.AddHostedService<RecurringJobRegistration>();
        services.AddAuthorizationBuilder().AddPolicy(DashboardPolicy, policy => policy
            .RequireAuthenticatedUser()
            .AddRequirements(new JobsDashboardRequirement()));
        services.AddSingleton<IAuthorizationHandler, JobsDashboardAuthorization>();
        return services;
    }

    private static PostgreSqlStorage PostgresStorage(string connectionString, HangfireOptions hangfire)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = hangfire.Schema,
            // Creates or upgrades Hangfire's tables at start-up, under Hangfire's own lock, so instances may start together.
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = hangfire.QueuePollInterval,
            EnableLongPolling = true,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    /// <summary>
    /// The dashboard at <c>/hangfire</c> (401 when not signed in, 403 for anyone who is neither a school admin nor an
    /// operator). The jobs serve every school, so a school admin only looks: changing a job is for the deployment's
    /// operators (<see cref="HangfireOptions.Operators"/>), and anyone else's change is refused with 403.
    /// </summary>
    public static IEndpointConventionBuilder MapJobsDashboard(this IEndpointRouteBuilder endpoints)
    {
        var hangfire = endpoints.ServiceProvider.GetRequiredService<IOptions<HangfireOptions>>();
        return endpoints.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            AppPath = null,
            DashboardTitle = "School background jobs",
            DisplayStorageConnectionString = false,
            // The endpoint's policy has already decided; Hangfire's own checks agree (and hide the buttons of a read-only view).
            Authorization = [],
            AsyncAuthorization = [new DashboardViewerFilter(hangfire)],
            IsReadOnlyFunc = context => !hangfire.Value.IsOperator(context.GetHttpContext().User),
        }).RequireAuthorization(DashboardPolicy);
    }

    private sealed class DashboardViewerFilter(IOptions<HangfireOptions> hangfire) : IDashboardAsyncAuthorizationFilter
    {
        public Task<bool> AuthorizeAsync(DashboardContext context)
        {
            var user = context.GetHttpContext().User;
            return Task.FromResult(user.IsInRole(nameof(StaffRoles.SchoolAdmin)) || hangfire.Value.IsOperator(user));
        }
    }
}

/// <summary>Who may use the jobs dashboard: operators fully, school admins to look only.</summary>
internal sealed class JobsDashboardRequirement : IAuthorizationRequirement;

internal sealed class JobsDashboardAuthorization(IOptions<HangfireOptions> hangfire) : AuthorizationHandler<JobsDashboardRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, JobsDashboardRequirement requirement)
    {
        if (hangfire.Value.IsOperator(context.User)
            || (context.User.IsInRole(nameof(StaffRoles.SchoolAdmin)) && context.Resource is HttpContext http && IsLooking(http.Request)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Reading pages, and the one POST the dashboard makes to read (its live statistics); every other POST is a command
    /// (trigger, remove, requeue, delete).
    /// </summary>
    private static bool IsLooking(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
        || (HttpMethods.IsPost(request.Method)
            && string.Equals(request.Path.Value, $"{BackgroundJobs.DashboardPath}/stats", StringComparison.OrdinalIgnoreCase));
}

/// <summary>Registers (or updates) the recurring jobs when the service starts, from configuration.</summary>
internal sealed class RecurringJobRegistration(
    IRecurringJobManager jobs, IOptions<MentoringOptions> mentoring, IOptions<HangfireOptions> hangfire) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var sweep = mentoring.Value;
        jobs.AddOrUpdate<MentoringSweepJob>(
            BackgroundJobs.SweepJobId, job => job.RunAsync(CancellationToken.None), sweep.SweepCron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(sweep.SweepTimeZone) });
        jobs.AddOrUpdate<NotificationDeliveryJob>(
            BackgroundJobs.DeliveryJobId, job => job.RunAsync(CancellationToken.None), hangfire.Value.DeliveryCron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The daily mentoring sweep of every school, one school at a time, then a delivery run for what it queued.</summary>
[AutomaticRetry(Attempts = 3)]
[DisableConcurrentExecution(timeoutInSeconds: 60 * 60)]
public sealed partial class MentoringSweepJob(
    IServiceScopeFactory scopes, SchoolDbContext db, IBackgroundJobClient jobs, ILogger<MentoringSweepJob> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var schools = await db.Schools.AsNoTracking().OrderBy(s => s.Name).Select(s => s.Id).ToListAsync(ct);
        foreach (var schoolId in schools)
        {
            // A scope per school: each school's sweep starts with an empty unit of work.
            await using var scope = scopes.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<MentoringSweep>().RunAsync(schoolId, ct);
            LogSwept(logger, schoolId, report.PairsSeen);
        }

        jobs.Enqueue<NotificationDeliveryJob>(job => job.RunAsync(CancellationToken.None));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Swept school {SchoolId}: {Pairs} pairs.")]
    private static partial void LogSwept(ILogger logger, Guid schoolId, int pairs);
}

/// <summary>Delivers pending e-mails from the outbox; safe to run twice at once.</summary>
[AutomaticRetry(Attempts = 5)]
public sealed class NotificationDeliveryJob(NotificationDelivery delivery)
{
    public Task<DeliveryReport> RunAsync(CancellationToken ct) => delivery.RunAsync(ct);
}

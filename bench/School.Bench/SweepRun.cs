using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using School.Application;
using School.Application.Mentoring.Sweep;
using School.Domain.Accounts;
using School.Domain.Mentoring;
using School.Domain.Staff;
using School.Domain.Students;
using School.Domain.Timetabling;
using School.Infrastructure;
using School.Infrastructure.Persistence;
using School.Infrastructure.Seeding;
using SchoolEntity = School.Domain.Schools.School;

namespace School.Bench;

/// <summary>
/// <c>--sweep [pairs]</c> (default 100,000): the daily mentoring sweep (<see cref="MentoringSweep.RunAsync"/>) on a fresh,
/// migrated SQLite file database (or, with <c>--postgres "Host=…;Username=…"</c>, a new PostgreSQL database on that
/// server, dropped afterwards), wired exactly as the service wires it (<c>AddApplication</c> + <c>AddInfrastructure</c>),
/// with a fixed clock. For each size (pairs / 10 first, then pairs) it generates one school, the 2026/27 demo year, one
/// staff mentor per 25 pupils, two pastoral leads and the pupils, everyone with a sign-in account, then times four sweeps:
/// <list type="number">
/// <item>first run on Mon 21 Sep 2026 (creates two check-ins per pair; none is due within three days yet);</item>
/// <item>a rerun the same day (idempotent: must create nothing);</item>
/// <item>a run on Tue 20 Oct 2026 (+29 days): check-in 1 (due Tue 29 Sep) becomes overdue and is escalated, check-in 2
/// (due Fri 23 Oct) is reminded;</item>
/// <item>a rerun on 20 Oct (idempotent again).</item>
/// </list>
/// Generation is timed separately. During each sweep a timer samples the managed heap (<c>GC.GetTotalMemory(false)</c>)
/// and the working set every 50 ms. Exits with code 2 if a sweep's counts are not the expected ones (a rerun that does
/// anything fails). Options: <c>--keep</c> keeps the databases (their paths are printed); <c>--profile-sql</c> prints,
/// after each sweep, where its database time went (<see cref="SqlProfiler"/>); <c>--batch-size n</c> overrides
/// <c>Mentoring:SweepBatchSize</c>; <c>--extra-indexes</c> adds two indexes the migrations lack (an experiment).
/// </summary>
internal static class SweepRun
{
    private const int DefaultPairs = 100_000;
    private const int MenteesPerMentor = 25;
    private const int PastoralLeads = 2;
    private const int InsertChunk = 5_000;
    private const int Seed = 20260901;
    private const double MiB = 1024 * 1024;

    /// <summary>Monday 21 September 2026, a school day in the demo Autumn 1 half term (3 Sep – 23 Oct).</summary>
    private static readonly DateTimeOffset FirstDay = new(2026, 9, 21, 6, 0, 0, TimeSpan.Zero);

    /// <summary>Tuesday 20 October 2026: past check-in 1's due date, within three days of check-in 2's.</summary>
    private static readonly DateTimeOffset LaterDay = FirstDay.AddDays(29);

    private static readonly string[] GivenNames =
        ["Amelia", "Oliver", "Isla", "George", "Ava", "Noah", "Mia", "Leo", "Freya", "Arthur", "Ivy", "Muhammad", "Florence", "Harry", "Willow", "Oscar"];

    private static readonly string[] FamilyNames =
        ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "Khan", "Roberts"];

    public static int Run(string[] args)
    {
        Out.UseInvariantCulture();
        var pairs = DefaultPairs;
        var at = Array.IndexOf(args, "--sweep");
        if (at >= 0 && at + 1 < args.Length && !args[at + 1].StartsWith("--", StringComparison.Ordinal)
            && (!int.TryParse(args[at + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out pairs) || pairs < 10))
        {
            Out.Line($"--sweep takes a number of pairs of at least 10, not '{args[at + 1]}'.");
            return 1;
        }

        int? batchSize = null;
        var batchAt = Array.IndexOf(args, "--batch-size");
        if (batchAt >= 0)
        {
            if (batchAt + 1 >= args.Length || !int.TryParse(args[batchAt + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) || size < 1)
            {
                Out.Line("--batch-size takes a positive number of students per batch.");
                return 1;
            }

            batchSize = size;
        }

        string? postgres = null;
        var postgresAt = Array.IndexOf(args, "--postgres");
        if (postgresAt >= 0)
        {
            if (postgresAt + 1 >= args.Length || args[postgresAt + 1].StartsWith("--", StringComparison.Ordinal))
            {
                Out.Line("--postgres takes a PostgreSQL server's connection string without a database, e.g. \"Host=127.0.0.1;Port=5432;Username=postgres\".");
                return 1;
            }

            postgres = args[postgresAt + 1];
        }

        var settings = new Settings(
            pairs, batchSize, ExtraIndexes: args.Contains("--extra-indexes"), Keep: args.Contains("--keep"),
            Profiler: args.Contains("--profile-sql") ? new SqlProfiler() : null, Postgres: postgres);
        return RunAsync(settings, CancellationToken.None).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(Settings settings, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        PrintMachine(settings);

        // The smaller size first: it warms up the JIT and EF's model, and its process peak does not hide the larger one's.
        var sizes = new[] { settings.Pairs / 10, settings.Pairs };
        var results = new List<SizeResult>();
        foreach (var size in sizes)
        {
            Out.Line(string.Empty);
            Out.Line($"--- {size:N0} pairs ---");
            results.Add(await RunSizeAsync(size, settings, ct));
        }

        Out.Line(string.Empty);
        PrintTable(results);
        PrintMemory(results);
        Out.Line(string.Empty);
        Out.Line($"Whole command: {total.Elapsed.TotalSeconds:F1} s.");

        var problems = results.SelectMany(r => r.Problems).ToList();
        foreach (var problem in problems)
        {
            Out.Line($"PROBLEM: {problem}");
        }

        return problems.Count == 0 ? 0 : 2;
    }

    private static async Task<SizeResult> RunSizeAsync(int pairs, Settings settings, CancellationToken ct)
    {
        var profiler = settings.Profiler;
        var directory = Directory.CreateTempSubdirectory("school-sweep-bench-");
        var database = settings.Postgres is { } server
            ? new NpgsqlConnectionStringBuilder(server) { Database = $"school_sweep_bench_{Guid.NewGuid():N}" }.ConnectionString
            : $"Data Source={Path.Combine(directory.FullName, "school.db")}";
        var clock = new FixedClock(FirstDay);
        var values = new Dictionary<string, string?>
        {
            [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}"] = settings.Postgres is null ? nameof(DatabaseProvider.Sqlite) : nameof(DatabaseProvider.Postgres),
            [$"ConnectionStrings:{School.Infrastructure.DependencyInjection.ConnectionStringName}"] = database,
            ["Storage:Root"] = directory.FullName,
            ["Hangfire:Server"] = "false",
        };
        if (settings.BatchSize is { } batch)
        {
            values[$"{MentoringOptions.SectionName}:{nameof(MentoringOptions.SweepBatchSize)}"] = batch.ToString(CultureInfo.InvariantCulture);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApplication();
        services.AddInfrastructure(configuration);
        services.AddSingleton<TimeProvider>(clock);
        if (profiler is not null)
        {
            services.ConfigureDbContext<SqliteSchoolDbContext>(options => options.AddInterceptors(profiler));
            services.ConfigureDbContext<PostgresSchoolDbContext>(options => options.AddInterceptors(profiler));
        }

        var result = new SizeResult(pairs);
        try
        {
            await using (var provider = services.BuildServiceProvider())
            {
                var batchSize = provider.GetRequiredService<IOptions<MentoringOptions>>().Value.SweepBatchSize;
                var expectedBatches = (pairs + batchSize - 1) / batchSize;
                result.BatchSize = batchSize;

                var generation = Stopwatch.StartNew();
                await using (var scope = provider.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(seedDemoData: false, ct);
                    if (settings.ExtraIndexes)
                    {
                        await AddExtraIndexesAsync(scope.ServiceProvider.GetRequiredService<SchoolDbContext>(), ct);
                    }
                }

                result.Migration = generation.Elapsed;
                generation.Restart();
                var (schoolId, mentors) = await GenerateAsync(provider, pairs, ct);
                result.Generation = generation.Elapsed;
                result.Mentors = mentors;
                result.DatabaseMiB = await DatabaseMiBAsync(provider, ct);
                Out.Line($"generated 1 school, the 2026/27 year, {mentors:N0} staff mentors, {PastoralLeads} pastoral leads and {pairs:N0} pupils with a mentor, each with an account, " +
                    $"in {result.Generation.TotalSeconds:F1} s (migration {result.Migration.TotalSeconds:F1} s); database {result.DatabaseMiB:F1} MiB");

                clock.Now = FirstDay;
                var first = await MeasureAsync(provider, schoolId, "1 first run, 21 Sep", profiler, ct);
                result.Runs.Add(first);
                Expect(result, first, first.Report.Created == 2 * pairs, $"created {first.Report.Created:N0}, expected {2 * pairs:N0}");
                Expect(result, first, first.Report.PairsSeen == pairs, $"saw {first.Report.PairsSeen:N0} pairs, expected {pairs:N0}");
                Expect(result, first, first.Report.Batches == expectedBatches, $"{first.Report.Batches} batches, expected {expectedBatches}");

                var again = await MeasureAsync(provider, schoolId, "2 rerun, 21 Sep", profiler, ct);
                result.Runs.Add(again);
                ExpectNothing(result, again);

                clock.Now = LaterDay;
                var later = await MeasureAsync(provider, schoolId, "3 overdue run, 20 Oct", profiler, ct);
                result.Runs.Add(later);
                Expect(result, later, later.Report.MarkedOverdue == pairs, $"marked {later.Report.MarkedOverdue:N0} overdue, expected {pairs:N0}");
                Expect(result, later, later.Report.Escalated == pairs, $"escalated {later.Report.Escalated:N0}, expected {pairs:N0}");
                Expect(result, later, later.Report.Reminded == pairs, $"reminded {later.Report.Reminded:N0}, expected {pairs:N0}");
                Expect(result, later, later.Report.Created == 0, $"created {later.Report.Created:N0}, expected 0");

                var laterAgain = await MeasureAsync(provider, schoolId, "4 rerun, 20 Oct", profiler, ct);
                result.Runs.Add(laterAgain);
                ExpectNothing(result, laterAgain);
                result.DatabaseAfterMiB = await DatabaseMiBAsync(provider, ct);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (settings.Keep)
            {
                Out.Line($"kept {database}");
            }
            else
            {
                directory.Delete(recursive: true);
                if (settings.Postgres is { } postgresServer)
                {
                    await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgresServer) { Database = "postgres" }.ConnectionString);
                    await admin.OpenAsync(ct);
                    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(database).Database}\" WITH (FORCE)", admin);
                    await drop.ExecuteNonQueryAsync(ct);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// <c>--extra-indexes</c>, an experiment only (the service's migrations do not have them): an index that lets the sweep
    /// page through a school's students in id order without sorting them all for every batch, and one that finds accounts
    /// by person id alone (the model's index leads with the person kind, which the sweep's look-up does not give).
    /// </summary>
    private static async Task AddExtraIndexesAsync(SchoolDbContext db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("""CREATE INDEX IF NOT EXISTS "IX_Bench_Students_SchoolId_Id" ON "Students" ("SchoolId", "Id")""", ct);
        await db.Database.ExecuteSqlRawAsync("""CREATE INDEX IF NOT EXISTS "IX_Bench_UserAccounts_PersonId" ON "UserAccounts" ("PersonId")""", ct);
    }

    private static void ExpectNothing(SizeResult result, RunResult run)
    {
        var report = run.Report;
        Expect(result, run, report.Created == 0 && report.Reminded == 0 && report.MarkedOverdue == 0 && report.Escalated == 0,
            $"a rerun did something: created {report.Created}, reminded {report.Reminded}, overdue {report.MarkedOverdue}, escalated {report.Escalated}");
        Expect(result, run, run.RowsInserted == 0, $"a rerun inserted {run.RowsInserted:N0} rows");
    }

    private static void Expect(SizeResult result, RunResult run, bool ok, string problem)
    {
        if (!ok)
        {
            result.Problems.Add($"{result.Pairs:N0} pairs, run {run.Name}: {problem}");
        }
    }

    /// <summary>
    /// One school with the demo year, <c>pairs / 25</c> staff mentors (default allowance 390 min/week, so capacity 26 at
    /// 15 min per mentee), two pastoral leads and <paramref name="pairs"/> pupils (Years 7–11), each with a mentor, round
    /// robin. Every one of them has a sign-in account (so notifications carry an e-mail address, and the sweep's look-up of
    /// mentors' addresses runs against a realistically sized accounts table). Inserted through EF in chunks of 5,000, each
    /// chunk in a new context with change detection off.
    /// </summary>
    private static async Task<(Guid SchoolId, int Mentors)> GenerateAsync(ServiceProvider provider, int pairs, CancellationToken ct)
    {
        var random = new Random(Seed);
        var schoolId = Guid.CreateVersion7();
        var mentorCount = Math.Max(1, (pairs + MenteesPerMentor - 1) / MenteesPerMentor);
        var mentors = new List<Mentor>(mentorCount);

        await InsertAsync(provider, db =>
        {
            db.Schools.Add(SchoolEntity.Create(schoolId, "Sweep Bench Academy"));
            db.AcademicYears.Add(AcademicYear.Create(
                Guid.CreateVersion7(), schoolId, "2026/27", 2, DemoDataSeeder.HalfTerms2026, DemoDataSeeder.Closures2026));
            for (var i = 0; i < PastoralLeads; i++)
            {
                var lead = StaffMember.Create(Guid.CreateVersion7(), schoolId, "Pastoral", $"Lead {i + 1}", StaffRoles.Teacher | StaffRoles.PastoralLead);
                db.StaffMembers.Add(lead);
                db.UserAccounts.Add(UserAccount.ForSchoolPerson(Guid.CreateVersion7(), $"lead{i + 1}@sweep.example", PersonKind.Staff, lead.Id, schoolId));
            }
        }, ct);

        for (var start = 0; start < mentorCount; start += InsertChunk)
        {
            var end = Math.Min(mentorCount, start + InsertChunk);
            await InsertAsync(provider, db =>
            {
                for (var i = start; i < end; i++)
                {
                    var staff = StaffMember.Create(Guid.CreateVersion7(), schoolId, Pick(random, GivenNames), $"Mentor {i + 1}", StaffRoles.Teacher | StaffRoles.Mentor);
                    var mentor = Mentor.Register(staff.Id, schoolId, MentorKind.Staff, Mentor.DefaultStaffAllowanceMinutes, null, null).Value;
                    db.StaffMembers.Add(staff);
                    db.Mentors.Add(mentor);
                    db.UserAccounts.Add(UserAccount.ForSchoolPerson(Guid.CreateVersion7(), $"mentor{i + 1}@sweep.example", PersonKind.Staff, staff.Id, schoolId));
                    mentors.Add(mentor);
                }
            }, ct);
        }

        for (var start = 0; start < pairs; start += InsertChunk)
        {
            var end = Math.Min(pairs, start + InsertChunk);
            await InsertAsync(provider, db =>
            {
                for (var i = start; i < end; i++)
                {
                    var yearGroup = 7 + (i % 5);
                    var student = Student.Create(
                        Guid.CreateVersion7(), schoolId, $"P{i + 1:D7}", Pick(random, GivenNames), Pick(random, FamilyNames),
                        new DateOnly(2026 - yearGroup - 5, 1 + random.Next(12), 1 + random.Next(28)), yearGroup);
                    var assigned = student.AssignMentor(mentors[i % mentorCount]);
                    if (!assigned.IsSuccess)
                    {
                        throw new InvalidOperationException($"Could not assign a mentor: {assigned.Error}");
                    }

                    db.Students.Add(student);
                    db.UserAccounts.Add(UserAccount.ForSchoolPerson(Guid.CreateVersion7(), $"p{i + 1}@pupils.sweep.example", PersonKind.Student, student.Id, schoolId));
                }
            }, ct);
        }

        return (schoolId, mentorCount);
    }

    private static async Task InsertAsync(ServiceProvider provider, Action<SchoolDbContext> add, CancellationToken ct)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchoolDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        add(db);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The database file and its write-ahead log (EF Core creates SQLite databases in WAL mode).</summary>
    /// <summary>The database's size on disk: the SQLite file and its write-ahead log, or PostgreSQL's own count.</summary>
    private static async Task<double> DatabaseMiBAsync(IServiceProvider provider, CancellationToken ct)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchoolDbContext>();
        if (db is PostgresSchoolDbContext)
        {
            return await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync(ct) / MiB;
        }

        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        return new[] { file, file + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length) / MiB;
    }

    private static string Pick(Random random, string[] names) => names[random.Next(names.Length)];

    private static async Task<RunResult> MeasureAsync(ServiceProvider provider, Guid schoolId, string name, SqlProfiler? profiler, CancellationToken ct)
    {
        var before = await CountAsync(provider, ct);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peakWorkingSetBefore = process.PeakWorkingSet64;
        var cpuBefore = process.TotalProcessorTime;
        var loadBefore = LoadAverage();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var collectionsBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

        SweepReport report;
        TimeSpan elapsed;
        using (var sampler = new MemorySampler(TimeSpan.FromMilliseconds(50)))
        {
            profiler?.Reset();
            profiler?.Enabled = true;
            var watch = Stopwatch.StartNew();
            await using (var scope = provider.CreateAsyncScope())
            {
                report = await scope.ServiceProvider.GetRequiredService<MentoringSweep>().RunAsync(schoolId, ct);
            }

            elapsed = watch.Elapsed;
            profiler?.Enabled = false;
            sampler.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            process.Refresh();
            var after = await CountAsync(provider, ct);
            var run = new RunResult(name, report, elapsed)
            {
                Cpu = process.TotalProcessorTime - cpuBefore,
                CheckInsAdded = after.CheckIns - before.CheckIns,
                NotificationsAdded = after.Notifications - before.Notifications,
                EscalationsAdded = after.Escalations - before.Escalations,
                HeapBaseline = sampler.Baseline,
                HeapPeak = sampler.ManagedPeak,
                WorkingSetBaseline = sampler.WorkingSetBaseline,
                WorkingSetPeak = sampler.WorkingSetPeak,
                ProcessPeakGrowth = process.PeakWorkingSet64 - peakWorkingSetBefore,
                Allocated = allocated,
                Collections = (GC.CollectionCount(0) - collectionsBefore.Item1, GC.CollectionCount(1) - collectionsBefore.Item2, GC.CollectionCount(2) - collectionsBefore.Item3),
                Samples = sampler.Samples,
            };
            Out.Line($"{name}: {elapsed.TotalSeconds:F2} s (process CPU {run.Cpu.TotalSeconds:F2} s; load average {loadBefore} before, {LoadAverage()} after); pairs {report.PairsSeen:N0}, created {report.Created:N0}, reminded {report.Reminded:N0}, " +
                $"overdue {report.MarkedOverdue:N0}, escalated {report.Escalated:N0}, batches {report.Batches:N0}; inserted {run.CheckInsAdded:N0} check-ins, " +
                $"{run.NotificationsAdded:N0} notifications, {run.EscalationsAdded:N0} escalations; managed heap peak {run.HeapPeak / MiB:F1} MiB " +
                $"(baseline {run.HeapBaseline / MiB:F1}); allocated {allocated / MiB:F0} MiB");
            if (profiler is not null)
            {
                PrintProfile(profiler, elapsed);
            }

            return run;
        }
    }

    private static void PrintProfile(SqlProfiler profiler, TimeSpan elapsed)
    {
        var inSql = profiler.Total;
        Out.Line($"    database commands {inSql.TotalSeconds:F2} s of {elapsed.TotalSeconds:F2} s; outside them (EF tracking, materialising, SQL generation, the sweep) " +
            $"{(elapsed - inSql).TotalSeconds:F2} s. By command shape:");
        foreach (var (shape, count, total) in profiler.Top(8))
        {
            Out.Line($"    {total.TotalSeconds,7:F2} s {count,6:N0}× {total.TotalMilliseconds / count,8:F2} ms  {shape}");
        }
    }

    /// <summary>The one-minute load average on Linux (other work on the machine slows the sweep down), or "?" elsewhere.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static async Task<(long CheckIns, long Notifications, long Escalations)> CountAsync(ServiceProvider provider, CancellationToken ct)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchoolDbContext>();
        return (await db.CheckIns.LongCountAsync(ct), await db.Notifications.LongCountAsync(ct), await db.MentoringEscalations.LongCountAsync(ct));
    }

    private static void PrintMachine(Settings settings)
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * MiB);
        Out.Line($"Mentoring sweep (MentoringSweep.RunAsync) on a fresh {(settings.Postgres is null ? "SQLite file" : "PostgreSQL")} database, fixed clock");
        Out.Line($"  {Environment.ProcessorCount} logical processors, {memory:F1} GiB available to the GC, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
            $".NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC" +
            $"{(Debugger.IsAttached ? ", DEBUGGER ATTACHED" : string.Empty)}");
        if (settings.ExtraIndexes)
        {
            Out.Line("  EXPERIMENT: --extra-indexes adds Students(SchoolId, Id) and UserAccounts(PersonId), which the migrations do not have.");
        }

        if (settings.Profiler is not null)
        {
            Out.Line("  --profile-sql: every command is timed, which slows the sweep down; read the breakdowns, not the wall times.");
        }

#if DEBUG
        Out.Line("  WARNING: Debug build; run with -c Release for figures.");
#endif
    }

    private static void PrintTable(List<SizeResult> results)
    {
        Out.Line($"Batch size {results[0].BatchSize} (MentoringOptions.SweepBatchSize). Rows inserted = check-ins + notifications + escalations; " +
            "rows updated = check-ins marked reminded or overdue; CPU s = the process's CPU time (all threads) during the sweep.");
        Out.Line(string.Empty);
        Out.Line($"| {"pairs",9} | {"run",-22} | {"wall s",8} | {"CPU s",7} | {"pairs/s",9} | {"inserted",9} | {"ins rows/s",10} | {"updated",8} | {"heap peak MiB",13} | {"heap base MiB",13} | {"alloc MiB",9} | {"gen0/1/2",12} |");
        Out.Line($"|{new string('-', 11)}|{new string('-', 24)}|{new string('-', 10)}|{new string('-', 9)}|{new string('-', 11)}|{new string('-', 11)}|{new string('-', 12)}|{new string('-', 10)}|{new string('-', 15)}|{new string('-', 15)}|{new string('-', 11)}|{new string('-', 14)}|");
        foreach (var size in results)
        {
            foreach (var run in size.Runs)
            {
                var seconds = run.Elapsed.TotalSeconds;
                var gcs = $"{run.Collections.Gen0}/{run.Collections.Gen1}/{run.Collections.Gen2}";
                Out.Line($"| {size.Pairs,9:N0} | {run.Name,-22} | {seconds,8:F2} | {run.Cpu.TotalSeconds,7:F2} | {run.Report.PairsSeen / seconds,9:N0} | {run.RowsInserted,9:N0} | " +
                    $"{run.RowsInserted / seconds,10:N0} | {run.RowsUpdated,8:N0} | {run.HeapPeak / MiB,13:F1} | {run.HeapBaseline / MiB,13:F1} | {run.Allocated / MiB,9:F0} | {gcs,12} |");
            }
        }

        Out.Line(string.Empty);
        foreach (var size in results)
        {
            Out.Line($"{size.Pairs:N0} pairs: generation {size.Generation.TotalSeconds:F1} s ({size.Mentors:N0} mentors, not in the sweep figures), " +
                $"database {size.DatabaseMiB:F1} MiB before the sweeps, {size.DatabaseAfterMiB:F1} MiB after");
        }
    }

    private static void PrintMemory(List<SizeResult> results)
    {
        Out.Line(string.Empty);
        Out.Line("Memory during the sweep, smaller and larger size side by side (MiB; heap = GC.GetTotalMemory(false) sampled every 50 ms,");
        Out.Line("baseline = after a full GC just before the run; working set sampled likewise; process peak growth = Process.PeakWorkingSet64 delta):");
        var small = results[0];
        var large = results[^1];
        Out.Line($"| {"run",-22} | {"heap peak " + small.Pairs.ToString("N0", CultureInfo.InvariantCulture),18} | {"heap peak " + large.Pairs.ToString("N0", CultureInfo.InvariantCulture),18} | " +
            $"{"peak-base " + small.Pairs.ToString("N0", CultureInfo.InvariantCulture),18} | {"peak-base " + large.Pairs.ToString("N0", CultureInfo.InvariantCulture),18} | " +
            $"{"WS peak " + small.Pairs.ToString("N0", CultureInfo.InvariantCulture),16} | {"WS peak " + large.Pairs.ToString("N0", CultureInfo.InvariantCulture),16} | " +
            $"{"proc peak +" + small.Pairs.ToString("N0", CultureInfo.InvariantCulture),18} | {"proc peak +" + large.Pairs.ToString("N0", CultureInfo.InvariantCulture),18} |");
        Out.Line($"|{new string('-', 24)}|{new string('-', 20)}|{new string('-', 20)}|{new string('-', 20)}|{new string('-', 20)}|{new string('-', 18)}|{new string('-', 18)}|{new string('-', 20)}|{new string('-', 20)}|");
        for (var i = 0; i < Math.Min(small.Runs.Count, large.Runs.Count); i++)
        {
            var s = small.Runs[i];
            var l = large.Runs[i];
            Out.Line($"| {s.Name,-22} | {s.HeapPeak / MiB,18:F1} | {l.HeapPeak / MiB,18:F1} | {(s.HeapPeak - s.HeapBaseline) / MiB,18:F1} | {(l.HeapPeak - l.HeapBaseline) / MiB,18:F1} | " +
                $"{s.WorkingSetPeak / MiB,16:F1} | {l.WorkingSetPeak / MiB,16:F1} | {s.ProcessPeakGrowth / MiB,18:F1} | {l.ProcessPeakGrowth / MiB,18:F1} |");
        }
    }

    private sealed record Settings(int Pairs, int? BatchSize, bool ExtraIndexes, bool Keep, SqlProfiler? Profiler, string? Postgres);

    private sealed class SizeResult(int pairs)
    {
        public int Pairs { get; } = pairs;

        public int Mentors { get; set; }

        public int BatchSize { get; set; }

        public TimeSpan Migration { get; set; }

        public TimeSpan Generation { get; set; }

        public double DatabaseMiB { get; set; }

        public double DatabaseAfterMiB { get; set; }

        public List<RunResult> Runs { get; } = [];

        public List<string> Problems { get; } = [];
    }

    private sealed record RunResult(string Name, SweepReport Report, TimeSpan Elapsed)
    {
        public TimeSpan Cpu { get; init; }

        public long CheckInsAdded { get; init; }

        public long NotificationsAdded { get; init; }

        public long EscalationsAdded { get; init; }

        public long RowsInserted => CheckInsAdded + NotificationsAdded + EscalationsAdded;

        public long RowsUpdated => Report.Reminded + Report.MarkedOverdue;

        public long HeapBaseline { get; init; }

        public long HeapPeak { get; init; }

        public long WorkingSetBaseline { get; init; }

        public long WorkingSetPeak { get; init; }

        public long ProcessPeakGrowth { get; init; }

        public long Allocated { get; init; }

        public (int Gen0, int Gen1, int Gen2) Collections { get; init; }

        public int Samples { get; init; }
    }

    /// <summary>Samples the managed heap and the working set on a timer and keeps the highest of each.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly Lock _lock = new();
        private readonly Timer _timer;
        private bool _stopped;

        public MemorySampler(TimeSpan every)
        {
            Baseline = GC.GetTotalMemory(forceFullCollection: false);
            WorkingSetBaseline = Environment.WorkingSet;
            ManagedPeak = Baseline;
            WorkingSetPeak = WorkingSetBaseline;
            _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, every);
        }

        public long Baseline { get; }

        public long WorkingSetBaseline { get; }

        public long ManagedPeak { get; private set; }

        public long WorkingSetPeak { get; private set; }

        public int Samples { get; private set; }

        public void Stop()
        {
            Sample();
            lock (_lock)
            {
                _stopped = true;
            }

            _timer.Change(Timeout.Infinite, Timeout.Infinite);
        }

        public void Dispose() => _timer.Dispose();

        private void Sample()
        {
            var managed = GC.GetTotalMemory(forceFullCollection: false);
            var workingSet = Environment.WorkingSet;
            lock (_lock)
            {
                if (_stopped)
                {
                    return;
                }

                Samples++;
                ManagedPeak = Math.Max(ManagedPeak, managed);
                WorkingSetPeak = Math.Max(WorkingSetPeak, workingSet);
            }
        }
    }

    /// <summary>A clock that says what it is told.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}

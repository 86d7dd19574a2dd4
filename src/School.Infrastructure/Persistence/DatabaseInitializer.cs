using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;
using School.Infrastructure.Seeding;

namespace School.Infrastructure.Persistence;

/// <summary>
/// Brings the database to the latest migration and, when asked, seeds the demo data into an empty database. Several
/// instances may start at once against one database: each takes the database's start-up lock first, so one migrates and
/// seeds while the others wait and then find the work done.
/// </summary>
public sealed partial class DatabaseInitializer(SchoolDbContext db, DemoDataSeeder seeder, ILogger<DatabaseInitializer> logger)
{
    public async Task InitialiseAsync(bool seedDemoData, CancellationToken ct = default)
    {
        await using (await StartupLockAsync(ct))
        {
            await db.Database.MigrateAsync(ct);
            if (seedDemoData && !await db.Schools.AnyAsync(ct))
            {
                logger.LogInformation("The database is empty: seeding the demo schools.");
                await seeder.SeedAsync(ct);
            }
        }
    }

    private Task<IAsyncDisposable> StartupLockAsync(CancellationToken ct) => db switch
    {
        PostgresSchoolDbContext => PostgresLockAsync(ct),
        _ => SqliteLockAsync(ct),
    };

    /// <summary>A session-level advisory lock, held on a connection of its own until start-up work is done.</summary>
    private async Task<IAsyncDisposable> PostgresLockAsync(CancellationToken ct)
    {
        // The lock needs the database to exist: create it (empty; the migrations fill it) when it does not.
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
        {
            try
            {
                await creator.CreateAsync(ct);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another instance created it at the same moment.
            }
        }

        // A connection of its own, outside the pool: a pooled connection returned to the pool would keep its session, and
        // with it the lock, until it was next used.
        var unpooled = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString;
        var connection = new NpgsqlConnection(unpooled);
        await connection.OpenAsync(ct);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            command.Parameters.AddWithValue("key", StartupLockKey);
            await command.ExecuteNonQueryAsync(ct);
        }

        // Closing the session releases the lock (and so does the server if this process dies).
        return connection;
    }

    /// <summary>
    /// An exclusive lock on a file beside the database file, which the operating system frees if the process dies. The
    /// file stays: deleting it on release would let a waiter lock a file another instance has already replaced.
    /// </summary>
    private async Task<IAsyncDisposable> SqliteLockAsync(CancellationToken ct)
    {
        var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return NoLock.Instance;
        }

        var path = Path.GetFullPath(source) + ".startup-lock";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                LogWaiting(logger, path);
                await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
            }
        }
    }

    /// <summary>"school" in ASCII: the advisory lock key this service uses for start-up work.</summary>
    private const long StartupLockKey = 0x7363686F6F6C;

    [LoggerMessage(Level = LogLevel.Information, Message = "Another instance is starting on this database ({LockFile}); waiting for it.")]
    private static partial void LogWaiting(ILogger logger, string lockFile);

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

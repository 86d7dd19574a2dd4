namespace School.Infrastructure.Persistence;

/// <summary>The database engines the service can run on.</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded SQLite file under the data directory: zero set-up, one machine.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: several API instances, shared background jobs (a trust).</summary>
    Postgres,
}

/// <summary>Which database the service uses (section <c>Database</c>); the connection string is <c>ConnectionStrings:School</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace School.Api.Tests.Infrastructure;

/// <summary>
/// The database one test host runs on: a real SQLite file by default, or a real PostgreSQL database when
/// <c>SCHOOL_TESTS_POSTGRES</c> holds a server's connection string (<c>.ci/run</c> runs the suite both ways).
/// Each is a copy of a template that was migrated and seeded once per test run.
/// </summary>
public abstract class TestDatabase : IDisposable
{
    public const string PostgresVariable = "SCHOOL_TESTS_POSTGRES";

    /// <summary>The PostgreSQL server the suite runs against, or null for SQLite.</summary>
    public static string? PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server ? server : null;

    public static bool IsPostgres => PostgresServer is not null;

    /// <summary>The value of <c>Database:Provider</c>.</summary>
    public abstract string Provider { get; }

    /// <summary>The value of <c>ConnectionStrings:School</c>.</summary>
    public abstract string ConnectionString { get; }

    /// <summary>A new, empty database (the host migrates it), or a copy of <paramref name="template"/>.</summary>
    public static TestDatabase Create(string dataDirectory, string? template) =>
        PostgresServer is { } server ? new PostgresTestDatabase(server, template) : new SqliteTestDatabase(dataDirectory, template);

    /// <summary>A context on this database, for a test that checks what was stored (the API's own model and provider).</summary>
    public abstract School.Infrastructure.Persistence.SchoolDbContext OpenContext();

    /// <summary>Copies this database as a template for others; returns what <see cref="Create"/> takes.</summary>
    public abstract string SaveAsTemplate();

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}

internal sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _path;

    public SqliteTestDatabase(string dataDirectory, string? template)
    {
        _path = Path.Combine(dataDirectory, "school.db");
        if (template is not null)
        {
            File.Copy(template, _path);
        }
    }

    public override string Provider => "Sqlite";

    public override string ConnectionString => $"Data Source={_path}";

    public override School.Infrastructure.Persistence.SchoolDbContext OpenContext() =>
        new School.Infrastructure.Persistence.SqliteSchoolDbContext(
            new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<School.Infrastructure.Persistence.SqliteSchoolDbContext>().UseSqlite(ConnectionString).Options);

    public override string SaveAsTemplate()
    {
        SqliteConnection.ClearAllPools();
        var copy = Path.Combine(Directory.CreateTempSubdirectory("school-api-template-").FullName, "school.db");
        File.Copy(_path, copy);
        return copy;
    }

    protected override void Dispose(bool disposing) => SqliteConnection.ClearAllPools();
}

internal sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _server;
    private readonly string _name = NewName();

    public PostgresTestDatabase(string server, string? template)
    {
        _server = server;
        if (template is not null)
        {
            Admin($"CREATE DATABASE \"{_name}\" TEMPLATE \"{template}\"");
        }
    }

    public override string Provider => "Postgres";

    public override string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString;

    public override School.Infrastructure.Persistence.SchoolDbContext OpenContext() =>
        new School.Infrastructure.Persistence.PostgresSchoolDbContext(
            new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<School.Infrastructure.Persistence.PostgresSchoolDbContext>().UseNpgsql(ConnectionString).Options);

    public override string SaveAsTemplate()
    {
        // A template may have no one connected to it while it is copied: this host's idle connections are closed first.
        ClearPool();
        var template = NewName();
        Admin($"CREATE DATABASE \"{template}\" TEMPLATE \"{_name}\"");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Admin($"DROP DATABASE IF EXISTS \"{template}\" WITH (FORCE)");
        return template;
    }

    protected override void Dispose(bool disposing)
    {
        ClearPool();
        Admin($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private void ClearPool()
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        NpgsqlConnection.ClearPool(connection);
    }

    private void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string NewName() => $"school_test_{Guid.NewGuid():N}";
}

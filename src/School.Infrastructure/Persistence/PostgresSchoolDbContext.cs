using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace School.Infrastructure.Persistence;

/// <summary>
/// PostgreSQL, for a trust running several API instances on one database. Migrations in Migrations/Postgres. The model
/// behaves as it does on SQLite: times are stored in UTC, and text compares and sorts by code point (collation "C",
/// SQLite's BINARY) whatever locale the server was created with.
/// </summary>
public sealed class PostgresSchoolDbContext(DbContextOptions<PostgresSchoolDbContext> options) : SchoolDbContext(options)
{
    /// <summary>The byte-order collation every PostgreSQL server has: ordering does not depend on the server's locale.</summary>
    public const string Collation = "C";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // timestamptz holds an instant; Npgsql refuses a non-zero offset, so every value is normalised to UTC first.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<string>().UseCollation(Collation);
    }

    /// <summary>PostgreSQL names the broken constraint, which is the index's name.</summary>
    protected override string? UniqueIndexName(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres
            ? postgres.ConstraintName
            : null;

    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
}

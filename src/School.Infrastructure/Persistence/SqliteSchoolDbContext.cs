using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace School.Infrastructure.Persistence;

/// <summary>The embedded SQLite database: zero set-up for one school on one machine. Migrations in Migrations/Sqlite.</summary>
public sealed class SqliteSchoolDbContext(DbContextOptions<SqliteSchoolDbContext> options) : SchoolDbContext(options)
{
    private const int SqliteConstraint = 19;
    private const string UniqueFailed = "UNIQUE constraint failed: ";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset; stored as a sortable binary, normalised to UTC first as PostgreSQL
        // does, so a time comes back the same instant in UTC whichever database holds it.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcBinaryConverter>();
    }

    private sealed class UtcBinaryConverter : ValueConverter<DateTimeOffset, long>
    {
        private static readonly ValueConverter<DateTimeOffset, long> Binary = new DateTimeOffsetToBinaryConverter();

        public UtcBinaryConverter()
            : base(v => ToBinary(v.ToUniversalTime()), v => FromBinary(v))
        {
        }

        private static long ToBinary(DateTimeOffset value) => (long)Binary.ConvertToProvider(value)!;

        private static DateTimeOffset FromBinary(long value) => (DateTimeOffset)Binary.ConvertFromProvider(value)!;
    }

    /// <summary>SQLite names the columns ("UNIQUE constraint failed: Students.SchoolId, Students.PupilNumber"); EF names the index after them.</summary>
    protected override string? UniqueIndexName(DbUpdateException exception)
    {
        if (exception.InnerException is not SqliteException { SqliteErrorCode: SqliteConstraint } sqlite)
        {
            return null;
        }

        var at = sqlite.Message.IndexOf(UniqueFailed, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var columns = sqlite.Message[(at + UniqueFailed.Length)..].TrimEnd('.', '\'', ' ').Split(", ");
        var table = columns[0].Split('.')[0];
        return $"IX_{table}_" + string.Join('_', columns.Select(c => c.Split('.')[^1]));
    }
}

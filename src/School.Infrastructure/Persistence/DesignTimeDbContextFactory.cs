using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace School.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add X --project src/School.Infrastructure</c> build the SQLite model without the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSchoolDbContext>
{
    public SqliteSchoolDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSchoolDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Builds the PostgreSQL model for <c>dotnet ef migrations add X --context PostgresSchoolDbContext</c>; no server is contacted.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSchoolDbContext>
{
    public PostgresSchoolDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSchoolDbContext>().UseNpgsql("Host=localhost;Database=school_design_time").Options);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using School.Infrastructure.Seeding;

namespace School.Infrastructure.Persistence;

/// <summary>Brings the database to the latest migration and, when asked, seeds the demo data into an empty database.</summary>
public sealed class DatabaseInitializer(SchoolDbContext db, DemoDataSeeder seeder, ILogger<DatabaseInitializer> logger)
{
    public async Task InitialiseAsync(bool seedDemoData, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (seedDemoData && !await db.Schools.AnyAsync(ct))
        {
            logger.LogInformation("The database is empty: seeding the demo schools.");
            await seeder.SeedAsync(ct);
        }
    }
}

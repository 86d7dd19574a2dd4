using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace School.Api.Tests.LearningPlans;

/// <summary>
/// The PlanComments migration carries comments kept as JSON in a plan's row over to rows of their own, on whichever
/// database the suite runs (SQLite, or PostgreSQL in CI).
/// </summary>
public sealed class PlanCommentMigrationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("school-plan-comments-migration-").FullName;

    [Fact]
    public async Task CommentsKeptInThePlansRow_BecomeCommentRows_WithTheSameWhoWhatAndWhen()
    {
        using var database = SchoolApiFactory.CopyOfDemoDatabase(_directory);
        await using var db = database.OpenContext();
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(m => m.EndsWith("_PlanComments", StringComparison.Ordinal)) - 1];
        var planId = DemoData.IdFor("plan:bridgemary:alex:2026");
        var mother = Guid.CreateVersion7();
        var at = new DateTimeOffset(2026, 10, 19, 18, 30, 15, 123, TimeSpan.Zero);
        await db.GetService<IMigrator>().MigrateAsync(before);
        var json = $$"""
            [{"personId":"{{mother}}","name":"Jo Morgan","text":"Thank you!","at":"{{at:yyyy-MM-ddTHH:mm:ss.fffffffzzz}}"},
             {"personId":"{{DemoData.BridgemaryTutorId}}","name":"David Okafor","text":"Noted.","at":"{{at.AddHours(1).ToOffset(TimeSpan.FromHours(1)):yyyy-MM-ddTHH:mm:ss.fffffffzzz}}"}]
            """;
        await db.Database.ExecuteSqlAsync($"""UPDATE "LearningPlans" SET "Comments" = {json}""");

        await db.Database.MigrateAsync();

        var comments = await db.PlanComments.AsNoTracking().Where(c => c.PlanId == planId).OrderBy(c => c.At).ToListAsync();
        Assert.Equal(
            [(mother, "Jo Morgan", "Thank you!", at), (DemoData.BridgemaryTutorId, "David Okafor", "Noted.", at.AddHours(1))],
            comments.Select(c => (c.PersonId, c.Name, c.Text, c.At)));
        Assert.Equal(2, comments.Select(c => c.Id).Distinct().Count());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean; it is in the temp directory.
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using School.Domain.Mentoring;
using School.Domain.Notifications;
using School.Infrastructure.Persistence;

namespace School.Api.Tests.Mentoring;

/// <summary>Helpers for the mentoring tests: running the sweep, reading state straight from the database.</summary>
internal static class MentoringApi
{
    /// <summary>The demo year's first half term (Autumn 1: 3 September – 23 October 2026).</summary>
    public static readonly DateOnly Autumn1 = new(2026, 9, 3);

    public static readonly DateOnly Autumn2 = new(2026, 11, 2);

    public static async Task<JsonElement> SweepAsync(this SchoolApiFactory factory, string admin = Accounts.Admin)
    {
        using var client = await factory.ClientFor(admin);
        var response = await client.PostAsync("/api/mentoring/sweep", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<T> WithDbAsync<T>(this SchoolApiFactory factory, Func<SchoolDbContext, Task<T>> read)
    {
        using var scope = factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<SchoolDbContext>());
    }

    public static Task<List<CheckIn>> CheckInsOfAsync(this SchoolApiFactory factory, Guid studentId) =>
        factory.WithDbAsync(db => db.CheckIns.AsNoTracking().Where(c => c.StudentId == studentId).OrderBy(c => c.HalfTermStart).ThenBy(c => c.Sequence).ToListAsync());

    public static Task<List<Notification>> NotificationsAboutAsync(this SchoolApiFactory factory, Guid studentId, NotificationKind kind) =>
        factory.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.StudentId == studentId && n.Kind == kind).ToListAsync());

    /// <summary>A Bridgemary Year 8 pupil mentored by a generated member of staff (not the demo mentor), with no seeded check-ins.</summary>
    public static Task<(Guid StudentId, Guid MentorId)> OrdinaryPairAsync(this SchoolApiFactory factory) =>
        factory.WithDbAsync(async db =>
        {
            var pair = await db.Students.AsNoTracking()
                .Where(s => s.SchoolId == DemoData.BridgemaryId && s.YearGroup == 8 && s.MentorId != null && s.MentorId != DemoData.BridgemaryMentorId)
                .OrderBy(s => s.PupilNumber)
                .Select(s => new { s.Id, MentorId = s.MentorId!.Value })
                .FirstAsync();
            return (pair.Id, pair.MentorId);
        });

    /// <summary>Moves the fake clock to 08:00 UTC on <paramref name="date"/>.</summary>
    public static void MoveTo(this SchoolApiFactory factory, DateOnly date) =>
        factory.Time.SetUtcNow(new DateTimeOffset(date.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero));
}

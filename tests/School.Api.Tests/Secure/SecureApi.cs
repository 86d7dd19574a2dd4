using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using School.Domain.Secure;
using School.Infrastructure.Persistence;
using School.Api.Tests.Timetabling;

namespace School.Api.Tests.Secure;

/// <summary>An offer as the API takes it.</summary>
public sealed record OfferSpec(string Subject, Guid TeacherId, int Capacity, Guid? RoomId = null);

/// <summary>
/// Steps the SECURE tests share: cycles of their own (unique names) made through the API, the calls of each endpoint,
/// and reading placements straight from the database for checks no endpoint gives in one go.
/// </summary>
internal static class SecureApi
{
    public const string Cycles = "/api/secure-cycles";

    /// <summary>The Monday the demo SECURE fortnight starts (14 September 2026, week A).</summary>
    public static readonly DateOnly DemoFortnight = DemoDataSeeder.SecureFortnightStart;

    public static string Cycle(Guid cycleId) => $"{Cycles}/{cycleId}";

    public static string Choices(Guid cycleId, Guid periodId) => $"{Cycle(cycleId)}/periods/{periodId}/choices";

    public static string Requests(Guid cycleId, Guid periodId) => $"{Cycle(cycleId)}/periods/{periodId}/requests";

    public static string Allocation(Guid cycleId, Guid periodId) => $"{Cycle(cycleId)}/periods/{periodId}/allocation";

    public static string Attendance(Guid cycleId, Guid periodId) => $"{Cycle(cycleId)}/periods/{periodId}/attendance";

    public static string StudentSecure(Guid studentId) => $"/api/students/{studentId}/secure";

    /// <summary>
    /// A cycle body: four periods on Monday and Wednesday of each week of the fortnight from <paramref name="monday"/>,
    /// each at <paramref name="start"/> for <paramref name="minutes"/> minutes with the same offers.
    /// </summary>
    public static object CycleBody(string name, DateOnly monday, int[] yearGroups, IReadOnlyList<OfferSpec> offers, string start = "14:00", int minutes = 40) => new
    {
        name,
        fortnightStart = monday,
        yearGroups,
        periods = new[] { 0, 2, 7, 9 }.Select((day, i) => new
        {
            label = $"SECURE {i + 1}",
            date = monday.AddDays(day),
            start,
            durationMinutes = minutes,
            offers = offers.Select(o => new { subject = o.Subject, teacherId = o.TeacherId, roomId = o.RoomId, capacity = o.Capacity }),
        }),
    };

    public static async Task<JsonElement> NewCycleAsync(
        this HttpClient admin, DateOnly monday, int[] yearGroups, IReadOnlyList<OfferSpec> offers, string start = "14:00", int minutes = 40)
    {
        var response = await admin.PostAsJsonAsync(Cycles, CycleBody(TimetableApi.Unique("SECURE"), monday, yearGroups, offers, start, minutes));
        await TimetableApi.AssertStatus(response, HttpStatusCode.Created);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static JsonElement Period(this JsonElement cycle, int index) => cycle.GetProperty("periods")[index];

    public static JsonElement Offer(this JsonElement period, string subject) =>
        period.GetProperty("offers").EnumerateArray().Single(o => o.GetProperty("subject").GetString() == subject);

    public static Guid OfferId(this JsonElement period, string subject) => period.Offer(subject).Id();

    public static object ChoicesBody(Guid studentId, params (Guid OfferId, string Mode)[] choices) =>
        new { studentId, choices = choices.Select(c => new { offerId = c.OfferId, mode = c.Mode }) };

    public static async Task ChooseAsync(this HttpClient client, JsonElement cycle, int period, Guid studentId, params (Guid OfferId, string Mode)[] choices)
    {
        var response = await client.PostAsJsonAsync(Choices(cycle.Id(), cycle.Period(period).Id()), ChoicesBody(studentId, choices));
        await TimetableApi.AssertStatus(response, HttpStatusCode.OK);
    }

    public static async Task<JsonElement> AllocateAsync(this HttpClient admin, Guid cycleId, Guid periodId)
    {
        var response = await admin.PostAsync(Allocation(cycleId, periodId), null);
        await TimetableApi.AssertStatus(response, HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The staff of the admin's school holding the Teacher role (first page of 100).</summary>
    public static async Task<List<Guid>> TeachersAsync(this HttpClient admin) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/staff?role=Teacher&pageSize=100"))
            .GetProperty("items").EnumerateArray().Select(s => s.Id()).ToList();

    /// <summary>The student's period in their SECURE view.</summary>
    public static async Task<JsonElement> StudentPeriodAsync(this HttpClient client, Guid studentId, Guid periodId) =>
        (await client.GetFromJsonAsync<JsonElement>(StudentSecure(studentId)))
            .GetProperty("periods").EnumerateArray().Single(p => p.GetProperty("periodId").GetGuid() == periodId);

    /// <summary>Every placement of a period, straight from the database.</summary>
    public static async Task<List<SecurePlacement>> PlacementsAsync(this SchoolApiFactory factory, Guid periodId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SchoolDbContext>();
        return await db.SecurePlacements.AsNoTracking().Where(p => p.PeriodId == periodId).ToListAsync();
    }

    /// <summary>(student → offer, mode, source, rank) for a period: what an allocation decided, without ids or times.</summary>
    public static async Task<Dictionary<Guid, (Guid Offer, SecureMode? Mode, PlacementSource Source, int? Rank)>> OutcomeAsync(this SchoolApiFactory factory, Guid periodId) =>
        (await factory.PlacementsAsync(periodId)).ToDictionary(p => p.StudentId, p => (p.OfferId, p.Mode, p.Source, p.Rank));

    /// <summary>Moves the fake clock to <paramref name="utc"/> (it only moves forward).</summary>
    public static void MoveTo(this SchoolApiFactory factory, DateTimeOffset utc)
    {
        if (factory.Time.GetUtcNow() < utc)
        {
            factory.Time.SetUtcNow(utc);
        }
    }
}

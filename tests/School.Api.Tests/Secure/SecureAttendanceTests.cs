using School.Api.Tests.Timetabling;
using static School.Api.Tests.Secure.SecureApi;

namespace School.Api.Tests.Secure;

/// <summary>
/// Attendance at a SECURE period, on a fake clock. The clock only moves forward, so each test has its own fortnight and
/// year group (no demo pupil is in it): the one that needs "before the period" has the latest fortnight (January 2027),
/// the others November 2026. Pupils with no choice are placed where there is room, so no choosing is needed.
/// </summary>
public sealed class SecureAttendanceTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    [Fact]
    public async Task BeforeThePeriodStarts_Is409_ThenTheOffersTeacherRecordsIt_AndThePupilsViewShowsIt()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var (cycle, pupil) = await PlacedAsync(admin, new DateOnly(2027, 1, 11), yearGroup: 0);
        var period = cycle.Period(0);
        var url = Attendance(cycle.Id(), period.Id());

        // Monday 11 January 2027 is in GMT: the period starts at 14:00 UTC. (Tokens follow the clock: sign in after moving it.)
        factory.MoveTo(new DateTimeOffset(2027, 1, 11, 13, 59, 0, TimeSpan.Zero));
        using var before = await factory.ClientFor(Accounts.Teacher);
        var early = await before.PostAsJsonAsync(url, new { studentId = pupil, present = true });
        factory.MoveTo(new DateTimeOffset(2027, 1, 11, 14, 5, 0, TimeSpan.Zero));
        using var teacher = await factory.ClientFor(Accounts.Teacher);
        var recorded = await teacher.PostAsJsonAsync(url, new { studentId = pupil, present = false });
        var corrected = await teacher.PostAsJsonAsync(url, new { studentId = pupil, present = true });
        using var reader = await factory.ClientFor(Accounts.Admin);

        Assert.Equal("secure.not_started", (await early.AssertProblem(HttpStatusCode.Conflict)).GetProperty("code").GetString());
        await TimetableApi.AssertStatus(recorded, HttpStatusCode.OK);
        Assert.False((await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("present").GetBoolean());
        await TimetableApi.AssertStatus(corrected, HttpStatusCode.OK);
        var placement = (await reader.StudentPeriodAsync(pupil, period.Id())).GetProperty("placement");
        Assert.True(placement.GetProperty("present").GetBoolean());
        Assert.Equal(new DateTimeOffset(2027, 1, 11, 14, 5, 0, TimeSpan.Zero), placement.GetProperty("attendanceRecordedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task AnotherTeacher_Is403_AnAdmin_MayRecordIt()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var (cycle, pupil) = await PlacedAsync(admin, new DateOnly(2026, 11, 2), yearGroup: 1);
        var period = cycle.Period(0);
        var email = $"secure-{Guid.NewGuid():N}@bridgemary.demo";
        var created = await admin.PostAsJsonAsync("/api/staff", new
        {
            givenName = "Sam", familyName = "Other", roles = new[] { "Teacher" }, account = new { email, password = "a-Good-passw0rd" },
        });
        await TimetableApi.AssertStatus(created, HttpStatusCode.Created);
        factory.MoveTo(new DateTimeOffset(2026, 11, 2, 14, 30, 0, TimeSpan.Zero));
        using var other = await factory.ClientFor(email, "a-Good-passw0rd");
        using var later = await factory.ClientFor(Accounts.Admin);

        var refused = await other.PostAsJsonAsync(Attendance(cycle.Id(), period.Id()), new { studentId = pupil, present = true });
        var byAdmin = await later.PostAsJsonAsync(Attendance(cycle.Id(), period.Id()), new { studentId = pupil, present = true });

        await refused.AssertProblem(HttpStatusCode.Forbidden);
        await TimetableApi.AssertStatus(byAdmin, HttpStatusCode.OK);
    }

    [Fact]
    public async Task OnceAttendanceIsRecorded_AllocatingAgainOrReopening_Is409_AndThePlacementStands()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var (cycle, pupil) = await PlacedAsync(admin, new DateOnly(2026, 11, 16), yearGroup: 2);
        var period = cycle.Period(0);
        factory.MoveTo(new DateTimeOffset(2026, 11, 16, 15, 0, 0, TimeSpan.Zero));
        using var later = await factory.ClientFor(Accounts.Admin);
        await TimetableApi.AssertStatus(
            await later.PostAsJsonAsync(Attendance(cycle.Id(), period.Id()), new { studentId = pupil, present = true }), HttpStatusCode.OK);
        var before = await factory.PlacementsAsync(period.Id());

        var again = await later.PostAsync(Allocation(cycle.Id(), period.Id()), null);
        var reopen = await later.DeleteAsync(Allocation(cycle.Id(), period.Id()));

        Assert.Equal("secure.period_held", (await again.AssertProblem(HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.Equal("secure.period_held", (await reopen.AssertProblem(HttpStatusCode.Conflict)).GetProperty("code").GetString());
        var after = Assert.Single(await factory.PlacementsAsync(period.Id()));
        Assert.Equal(Assert.Single(before).Id, after.Id);
        Assert.True(after.Present);
    }

    /// <summary>A cycle for a new pupil of <paramref name="yearGroup"/>, its first period allocated: the pupil, with no choice, is in the demo teacher's Maths.</summary>
    private static async Task<(JsonElement Cycle, Guid Pupil)> PlacedAsync(HttpClient admin, DateOnly monday, int yearGroup)
    {
        var pupil = await admin.NewStudentAsync(yearGroup);
        var cycle = await admin.NewCycleAsync(monday, [yearGroup], [new OfferSpec("Maths", DemoData.BridgemaryTeacherId, 5)]);
        await admin.AllocateAsync(cycle.Id(), cycle.Period(0).Id());
        return (cycle, pupil);
    }
}

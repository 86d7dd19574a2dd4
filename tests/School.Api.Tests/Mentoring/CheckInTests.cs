using School.Domain.Mentoring;
using static School.Api.Tests.Mentoring.MentoringApi;

namespace School.Api.Tests.Mentoring;

/// <summary>Recording check-ins: the short one that does not count, a guardian only when the child wants them, private notes per role.</summary>
public sealed class CheckInTests
{
    private static readonly Guid Alex = DemoData.BridgemaryStudentId;

    [Fact]
    public async Task ShortCheckIn_IsRecordedButDoesNotCount_AndTheNextSweepPlansAnother()
    {
        using var factory = new SchoolApiFactory();
        using var mentor = await factory.ClientFor(Accounts.Mentor);
        var open = await OpenCheckInAsync(factory, Alex);

        var response = await mentor.PostAsJsonAsync($"/api/check-ins/{open.Id}/complete", Body(factory, minutes: 10));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var recorded = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Completed", 10, false), (recorded.GetProperty("status").GetString(), recorded.GetProperty("minutes").GetInt32(), recorded.GetProperty("counts").GetBoolean()));

        await factory.SweepAsync();
        var autumn1 = (await factory.CheckInsOfAsync(Alex)).Where(c => c.HalfTermStart == Autumn1).ToList();
        Assert.Equal(2, autumn1.Count(c => c.IsOpen)); // the short one is replaced
        Assert.Contains(autumn1, c => c.Id == open.Id && c.Status == CheckInStatus.Completed && !c.Counts);
    }

    [Fact]
    public async Task LongEnoughCheckIn_Counts_AndNothingMoreIsPlanned()
    {
        using var factory = new SchoolApiFactory();
        using var mentor = await factory.ClientFor(Accounts.Mentor);
        var open = await OpenCheckInAsync(factory, Alex);
        var before = (await factory.CheckInsOfAsync(Alex)).Count;

        var response = await mentor.PostAsJsonAsync($"/api/check-ins/{open.Id}/complete", Body(factory, minutes: 15));

        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("counts").GetBoolean());
        await factory.SweepAsync();
        Assert.Equal(before, (await factory.CheckInsOfAsync(Alex)).Count);
        var again = await mentor.PostAsJsonAsync($"/api/check-ins/{open.Id}/complete", Body(factory, minutes: 15));
        Assert.Equal("mentoring.check_in_completed", (await again.AssertProblem(HttpStatusCode.Conflict)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task GuardianAttendance_IsRefusedUnlessTheStudentWantsThem_ThenAccepted()
    {
        using var factory = new SchoolApiFactory();
        using var mentor = await factory.ClientFor(Accounts.Mentor);
        using var student = await factory.ClientFor(Accounts.Student);
        using var parent = await factory.ClientFor(Accounts.Parent);
        var open = await OpenCheckInAsync(factory, Alex);
        var consent = $"/api/students/{Alex}/mentor-preferences/guardian-attendance";
        Assert.Equal(HttpStatusCode.OK, (await student.PutAsJsonAsync(consent, new { guardianMayAttend = false })).StatusCode);

        var refused = await mentor.PostAsJsonAsync($"/api/check-ins/{open.Id}/complete", Body(factory, guardianAttended: true));
        Assert.Equal("mentoring.guardian_not_wanted", (await refused.AssertProblem(HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.True((await factory.CheckInsOfAsync(Alex)).Single(c => c.Id == open.Id).IsOpen); // nothing half-saved

        // The wish is the child's: a parent cannot give it for themself.
        await (await parent.PutAsJsonAsync(consent, new { guardianMayAttend = true })).AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await student.PutAsJsonAsync(consent, new { guardianMayAttend = true })).StatusCode);

        var accepted = await mentor.PostAsJsonAsync($"/api/check-ins/{open.Id}/complete", Body(factory, guardianAttended: true));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.True((await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("guardianAttended").GetBoolean());
    }

    [Theory]
    [InlineData(Accounts.Mentor, true)]
    [InlineData(Accounts.Pastoral, true)]
    [InlineData(Accounts.Admin, false)]
    [InlineData(Accounts.Tutor, false)]
    [InlineData(Accounts.Student, false)]
    [InlineData(Accounts.Parent, false)]
    public async Task PrivateNotes_AreSeenByTheMentorAndThePastoralLeadOnly(string caller, bool seesNotes)
    {
        using var factory = new SchoolApiFactory();
        using var mentor = await factory.ClientFor(Accounts.Mentor);
        var open = await OpenCheckInAsync(factory, Alex);
        await mentor.PostAsJsonAsync($"/api/check-ins/{open.Id}/complete", Body(factory, notes: "Worried about friendships at lunch."));
        using var client = await factory.ClientFor(caller);

        var checkIns = await client.GetFromJsonAsync<JsonElement>($"/api/students/{Alex}/check-ins");

        var recorded = checkIns.EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == open.Id);
        Assert.Equal("We talked through the maths target.", recorded.GetProperty("studentSummary").GetString());
        Assert.Equal(seesNotes ? "Worried about friendships at lunch." : null, recorded.GetProperty("privateNotes").GetString());
        Assert.DoesNotContain(
            checkIns.EnumerateArray(),
            c => !seesNotes && c.GetProperty("privateNotes").ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task ATeacher_SeesTheStudentButNotTheirCheckIns()
    {
        using var factory = new SchoolApiFactory();
        using var teacher = await factory.ClientFor(Accounts.Teacher);

        await (await teacher.GetAsync($"/api/students/{Alex}/check-ins")).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task BadInput_IsA400NamingTheField_AndAFutureCheckInIsRefused()
    {
        using var factory = new SchoolApiFactory();
        using var mentor = await factory.ClientFor(Accounts.Mentor);
        var open = await OpenCheckInAsync(factory, Alex);
        var url = $"/api/check-ins/{open.Id}/complete";

        await (await mentor.PostAsJsonAsync(url, new { heldAt = factory.Time.GetUtcNow().AddHours(-1), minutes = 0, guardianAttended = false })).AssertValidationProblem("minutes");
        await (await mentor.PostAsJsonAsync(url, new { minutes = 20, guardianAttended = false })).AssertValidationProblem("heldAt");
        await (await mentor.PostAsJsonAsync(url, new { heldAt = factory.Time.GetUtcNow().AddHours(2), minutes = 20, guardianAttended = false })).AssertValidationProblem("heldAt");
        await (await mentor.PostAsJsonAsync(url, new { heldAt = "yesterday", minutes = 20, guardianAttended = false })).AssertProblem(HttpStatusCode.BadRequest);
        await (await mentor.PostAsJsonAsync($"/api/check-ins/{Guid.NewGuid()}/complete", Body(factory))).AssertProblem(HttpStatusCode.NotFound);
        Assert.True((await factory.CheckInsOfAsync(Alex)).Single(c => c.Id == open.Id).IsOpen);
    }

    [Fact]
    public async Task MyMentees_ListsEachMenteeWithTheirNextAndLastCheckIn()
    {
        using var factory = new SchoolApiFactory();
        using var mentor = await factory.ClientFor(Accounts.Mentor);
        var open = await OpenCheckInAsync(factory, Alex);
        await mentor.PostAsJsonAsync($"/api/check-ins/{open.Id}/complete", Body(factory, minutes: 25));

        var mentees = await mentor.GetFromJsonAsync<JsonElement>("/api/mentors/me/mentees");

        var alex = mentees.EnumerateArray().Single(m => m.GetProperty("studentId").GetGuid() == Alex);
        Assert.Equal(open.Id, alex.GetProperty("lastCheckIn").GetProperty("id").GetGuid());
        Assert.Equal("Scheduled", alex.GetProperty("nextCheckIn").GetProperty("status").GetString());
        Assert.Equal(2, alex.GetProperty("requiredPerHalfTerm").GetInt32());
        Assert.True(alex.GetProperty("countedThisHalfTerm").GetInt32() >= 1);
    }

    private static async Task<CheckIn> OpenCheckInAsync(SchoolApiFactory factory, Guid student)
    {
        if (!(await factory.CheckInsOfAsync(student)).Any(c => c.IsOpen))
        {
            await factory.SweepAsync();
        }

        return (await factory.CheckInsOfAsync(student)).Where(c => c.IsOpen).OrderBy(c => c.DueOn).First();
    }

    private static object Body(SchoolApiFactory factory, int minutes = 20, bool guardianAttended = false, string notes = "Private.") => new
    {
        heldAt = factory.Time.GetUtcNow().AddHours(-1),
        minutes,
        privateNotes = notes,
        studentSummary = "We talked through the maths target.",
        guardianAttended,
    };
}

using School.Api.Tests.Timetabling;
using M = School.Api.Tests.Mentoring.MatrixTargets;

namespace School.Api.Tests.Secure;

/// <summary>
/// Every SECURE endpoint × every demo account × (for what is about one pupil) the three students of
/// <see cref="M"/>: the Bridgemary demo student (the caller's own record for the Bridgemary tutor, mentor, student and
/// parent), another Bridgemary student linked to no demo account, and the Cramlington demo student — each in their own
/// school's cycle (<see cref="SecureMatrixFactory"/>). Who may not see a student, or another school's cycle, gets 404; who
/// may see but not do, 403. Every row checks, as the school's admin, that the change was made or left alone.
/// </summary>
public sealed class SecureAuthorizationMatrixTests(SecureMatrixFactory factory) : IClassFixture<SecureMatrixFactory>
{
    /// <summary>Whoever may see the student: the same as their roster and timetable.</summary>
    public static TheoryData<string, string, int> ReadStudent => M.Matrix(
        (Accounts.Admin, 200, 200, 404),
        (Accounts.Tutor, 200, 404, 404),
        (Accounts.Mentor, 200, 404, 404),
        (Accounts.Teacher, 200, 200, 404),
        (Accounts.Pastoral, 200, 200, 404),
        (Accounts.Student, 200, 404, 404),
        (Accounts.Parent, 200, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 200),
        (Accounts.CramlingtonStudent, 404, 404, 200),
        (Accounts.CramlingtonParent, 404, 404, 200));

    /// <summary>MakeChoices: the student, a guardian with access, the school's admins.</summary>
    public static TheoryData<string, string, int> Choose => M.Matrix(
        (Accounts.Admin, 200, 200, 404),
        (Accounts.Tutor, 403, 404, 404),
        (Accounts.Mentor, 403, 404, 404),
        (Accounts.Teacher, 403, 403, 404),
        (Accounts.Pastoral, 403, 403, 404),
        (Accounts.Student, 200, 404, 404),
        (Accounts.Parent, 200, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 200),
        (Accounts.CramlingtonStudent, 404, 404, 200),
        (Accounts.CramlingtonParent, 404, 404, 200));

    /// <summary>Teachers and admins of the pupil's school (the Cramlington admin is also a teacher).</summary>
    public static TheoryData<string, string, int> Request => M.Matrix(
        (Accounts.Admin, 201, 201, 404),
        (Accounts.Tutor, 403, 404, 404),
        (Accounts.Mentor, 403, 404, 404),
        (Accounts.Teacher, 201, 201, 404),
        (Accounts.Pastoral, 403, 403, 404),
        (Accounts.Student, 403, 404, 404),
        (Accounts.Parent, 403, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 201),
        (Accounts.CramlingtonStudent, 404, 404, 403),
        (Accounts.CramlingtonParent, 404, 404, 403));

    /// <summary>The offer's teacher (at Bridgemary the demo teacher teaches the targets' Maths) or an admin.</summary>
    public static TheoryData<string, string, int> RecordAttendance => M.Matrix(
        (Accounts.Admin, 200, 200, 404),
        (Accounts.Tutor, 403, 404, 404),
        (Accounts.Mentor, 403, 404, 404),
        (Accounts.Teacher, 200, 200, 404),
        (Accounts.Pastoral, 403, 403, 404),
        (Accounts.Student, 403, 404, 404),
        (Accounts.Parent, 403, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 200),
        (Accounts.CramlingtonStudent, 404, 404, 403),
        (Accounts.CramlingtonParent, 404, 404, 403));

    /// <summary>A Bridgemary cycle: anyone at Bridgemary reads it; it does not exist for Cramlington.</summary>
    public static TheoryData<string, int> ReadCycle => M.Callers(
        (Accounts.Admin, 200), (Accounts.Tutor, 200), (Accounts.Mentor, 200), (Accounts.Teacher, 200), (Accounts.Pastoral, 200),
        (Accounts.Student, 200), (Accounts.Parent, 200),
        (Accounts.CramlingtonAdmin, 404), (Accounts.CramlingtonStudent, 404), (Accounts.CramlingtonParent, 404));

    /// <summary>Allocating or reopening a Bridgemary period: its admin; no one of another school finds it; anyone else at Bridgemary 403.</summary>
    public static TheoryData<string, int> Allocate => M.Callers(
        (Accounts.Admin, 200), (Accounts.Tutor, 403), (Accounts.Mentor, 403), (Accounts.Teacher, 403), (Accounts.Pastoral, 403),
        (Accounts.Student, 403), (Accounts.Parent, 403),
        (Accounts.CramlingtonAdmin, 404), (Accounts.CramlingtonStudent, 404), (Accounts.CramlingtonParent, 404));

    public static TheoryData<string, int> Reopen => M.Callers(
        (Accounts.Admin, 204), (Accounts.Tutor, 403), (Accounts.Mentor, 403), (Accounts.Teacher, 403), (Accounts.Pastoral, 403),
        (Accounts.Student, 403), (Accounts.Parent, 403),
        (Accounts.CramlingtonAdmin, 404), (Accounts.CramlingtonStudent, 404), (Accounts.CramlingtonParent, 404));

    /// <summary>Setting up a cycle (of the caller's own school): its admins.</summary>
    public static TheoryData<string, int> CreateCycle => M.Callers(
        (Accounts.Admin, 201), (Accounts.Tutor, 403), (Accounts.Mentor, 403), (Accounts.Teacher, 403), (Accounts.Pastoral, 403),
        (Accounts.Student, 403), (Accounts.Parent, 403),
        (Accounts.CramlingtonAdmin, 201), (Accounts.CramlingtonStudent, 403), (Accounts.CramlingtonParent, 403));

    [Theory]
    [MemberData(nameof(ReadStudent))]
    public async Task GetStudentSecure(string caller, string target, int expected)
    {
        var world = await factory.WorldAsync();
        using var client = await factory.ClientFor(caller);

        var response = await client.GetAsync(SecureApi.StudentSecure(M.IdOf(target)));

        await M.AssertStatus(response, expected);
        if (expected == 200)
        {
            var periods = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("periods").EnumerateArray().ToList();
            var first = Assert.Single(periods, p => p.GetProperty("periodId").GetGuid() == world.CycleOf(target).Period(0).Id());
            Assert.Equal("CatchUp", first.GetProperty("placement").GetProperty("mode").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(Choose))]
    public async Task MakeChoices(string caller, string target, int expected)
    {
        var cycle = (await factory.WorldAsync()).CycleOf(target);
        var period = cycle.Period(3);
        var before = await ChoicesAsync(target, period);
        var offer = period.GetProperty("offers").EnumerateArray().Select(o => o.Id()).First(id => before.FirstOrDefault().Offer != id);
        using var client = await factory.ClientFor(caller);

        var response = await client.PostAsJsonAsync(SecureApi.Choices(cycle.Id(), period.Id()), SecureApi.ChoicesBody(M.IdOf(target), (offer, "Stretch")));

        await M.AssertStatus(response, expected);
        Assert.Equal(expected == 200 ? [(offer, "Stretch")] : before, await ChoicesAsync(target, period));
    }

    [Theory]
    [MemberData(nameof(Request))]
    public async Task RequestAPlace(string caller, string target, int expected)
    {
        var world = await factory.WorldAsync();
        var atCramlington = target == M.Cram;
        using var admin = await factory.ClientFor(M.AdminOf(target));
        var cycle = await admin.NewCycleAsync(new DateOnly(2026, 10, 12), [7, 8, 9, 10, 11], world.OffersAt(atCramlington));
        var period = cycle.Period(0);
        using var client = await factory.ClientFor(caller);

        var response = await client.PostAsJsonAsync(
            SecureApi.Requests(cycle.Id(), period.Id()), new { studentId = M.IdOf(target), offerId = period.OfferId("Maths"), mode = "CatchUp", reason = "Matrix" });

        await M.AssertStatus(response, expected);
        var request = (await admin.StudentPeriodAsync(M.IdOf(target), period.Id())).GetProperty("request");
        Assert.Equal(expected == 201, request.ValueKind != JsonValueKind.Null);
    }

    [Theory]
    [MemberData(nameof(RecordAttendance))]
    public async Task RecordAttendanceAtTheFirstPeriod(string caller, string target, int expected)
    {
        var period = (await factory.WorldAsync()).CycleOf(target).Period(0);
        var cycleId = (await factory.WorldAsync()).CycleOf(target).Id();
        var before = await PresentAsync(target, period);
        using var client = await factory.ClientFor(caller);

        var response = await client.PostAsJsonAsync(SecureApi.Attendance(cycleId, period.Id()), new { studentId = M.IdOf(target), present = before != true });

        await M.AssertStatus(response, expected);
        Assert.Equal(expected == 200 ? before != true : before, await PresentAsync(target, period));
    }

    [Theory]
    [MemberData(nameof(ReadCycle))]
    public async Task GetCycle_AndListCycles(string caller, int expected)
    {
        var cycle = (await factory.WorldAsync()).Bridgemary;
        using var client = await factory.ClientFor(caller);

        var one = await client.GetAsync(SecureApi.Cycle(cycle.Id()));
        var list = await client.GetAsync(SecureApi.Cycles);

        await M.AssertStatus(one, expected);
        await M.AssertStatus(list, 200);
        var listed = (await list.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(c => c.Id()).ToList();
        Assert.Equal(expected == 200, listed.Contains(cycle.Id()));
    }

    [Theory]
    [MemberData(nameof(Allocate))]
    public async Task AllocateAPeriod(string caller, int expected)
    {
        var cycle = (await factory.WorldAsync()).Bridgemary;
        var period = cycle.Period(1);
        var before = (await factory.PlacementsAsync(period.Id())).Select(p => p.Id).ToHashSet();
        using var client = await factory.ClientFor(caller);

        var response = await client.PostAsync(SecureApi.Allocation(cycle.Id(), period.Id()), null);

        await M.AssertStatus(response, expected);
        var after = (await factory.PlacementsAsync(period.Id())).Select(p => p.Id).ToHashSet();
        Assert.Equal(expected == 200, !after.SetEquals(before));
    }

    [Theory]
    [MemberData(nameof(Reopen))]
    public async Task ReopenAPeriod(string caller, int expected)
    {
        var cycle = (await factory.WorldAsync()).Bridgemary;
        var period = cycle.Period(2);
        using var admin = await factory.ClientFor(Accounts.Admin);
        await admin.AllocateAsync(cycle.Id(), period.Id());
        using var client = await factory.ClientFor(caller);

        var response = await client.DeleteAsync(SecureApi.Allocation(cycle.Id(), period.Id()));

        await M.AssertStatus(response, expected);
        var status = (await admin.GetFromJsonAsync<JsonElement>(SecureApi.Cycle(cycle.Id()))).Period(2).GetProperty("status").GetString();
        Assert.Equal(expected == 204 ? "Open" : "Allocated", status);
    }

    [Theory]
    [MemberData(nameof(CreateCycle))]
    public async Task CreateACycle(string caller, int expected)
    {
        var world = await factory.WorldAsync();
        var name = TimetableApi.Unique("Matrix cycle");
        using var client = await factory.ClientFor(caller);

        var response = await client.PostAsJsonAsync(
            SecureApi.Cycles, SecureApi.CycleBody(name, new DateOnly(2026, 10, 12), [9], world.OffersAt(M.AtCramlington(caller))));

        await M.AssertStatus(response, expected);
        using var admin = await factory.ClientFor(M.AdminFor(caller));
        var names = (await admin.GetFromJsonAsync<JsonElement>(SecureApi.Cycles)).EnumerateArray().Select(c => c.GetProperty("name").GetString());
        Assert.Equal(expected == 201, names.Contains(name));
    }

    [Fact]
    public async Task ACramlingtonAdmin_CannotPutBridgemaryTeachersInACycle()
    {
        var world = await factory.WorldAsync();
        using var client = await factory.ClientFor(Accounts.CramlingtonAdmin);

        var response = await client.PostAsJsonAsync(
            SecureApi.Cycles, SecureApi.CycleBody(TimetableApi.Unique("Borrowed"), new DateOnly(2026, 10, 12), [9], world.OffersAt(cramlington: false)));

        await response.AssertValidationProblem("periods[0].offers[0].teacherId");
    }

    [Fact]
    public async Task EveryEndpoint_WithoutSigningIn_Is401()
    {
        var world = await factory.WorldAsync();
        var cycle = world.Bridgemary.Id();
        var period = world.Bridgemary.Period(3).Id();
        var student = DemoData.BridgemaryStudentId;
        using var anonymous = factory.CreateClient();

        HttpResponseMessage[] responses =
        [
            await anonymous.GetAsync(SecureApi.Cycles),
            await anonymous.PostAsJsonAsync(SecureApi.Cycles, new { }),
            await anonymous.GetAsync(SecureApi.Cycle(cycle)),
            await anonymous.PostAsJsonAsync(SecureApi.Choices(cycle, period), SecureApi.ChoicesBody(student, (Guid.NewGuid(), "Stretch"))),
            await anonymous.PostAsJsonAsync(SecureApi.Requests(cycle, period), new { studentId = student, offerId = Guid.NewGuid(), mode = "Stretch" }),
            await anonymous.PostAsync(SecureApi.Allocation(cycle, period), null),
            await anonymous.DeleteAsync(SecureApi.Allocation(cycle, period)),
            await anonymous.PostAsJsonAsync(SecureApi.Attendance(cycle, period), new { studentId = student, present = true }),
            await anonymous.GetAsync(SecureApi.StudentSecure(student)),
        ];

        foreach (var response in responses)
        {
            await response.AssertProblem(HttpStatusCode.Unauthorized);
        }
    }

    /// <summary>The target's ranked choices for a period, as their school's admin reads them.</summary>
    private async Task<List<(Guid Offer, string? Mode)>> ChoicesAsync(string target, JsonElement period)
    {
        using var admin = await factory.ClientFor(M.AdminOf(target));
        return (await admin.StudentPeriodAsync(M.IdOf(target), period.Id())).GetProperty("choices").EnumerateArray()
            .Select(c => (c.GetProperty("offerId").GetGuid(), c.GetProperty("mode").GetString())).ToList();
    }

    /// <summary>The target's attendance at a period (null while unrecorded), as their school's admin reads it.</summary>
    private async Task<bool?> PresentAsync(string target, JsonElement period)
    {
        using var admin = await factory.ClientFor(M.AdminOf(target));
        var present = (await admin.StudentPeriodAsync(M.IdOf(target), period.Id())).GetProperty("placement").GetProperty("present");
        return present.ValueKind == JsonValueKind.Null ? null : present.GetBoolean();
    }
}

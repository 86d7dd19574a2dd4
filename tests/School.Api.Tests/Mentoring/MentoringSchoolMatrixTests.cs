using static School.Api.Tests.Mentoring.MatrixTargets;

namespace School.Api.Tests.Mentoring;

/// <summary>
/// The school-wide mentoring endpoints × every demo account, each acting in their own school: the mentor list (anyone at
/// the school), registering and changing mentors (admins), a mentor's own mentees (registered mentors), matching and the
/// sweep (admins), the check-in policy (staff read it, admins change it). Signed out, every mentoring endpoint is 401.
/// </summary>
public sealed class MentoringSchoolMatrixTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private const string BridgemaryMentor = "bridgemary-mentor";
    private const string CramlingtonMentor = "cramlington-mentor";

    public static TheoryData<string, int> AnyMember => Callers(
        (Accounts.Admin, 200),
        (Accounts.Tutor, 200),
        (Accounts.Mentor, 200),
        (Accounts.Teacher, 200),
        (Accounts.Pastoral, 200),
        (Accounts.Student, 200),
        (Accounts.Parent, 200),
        (Accounts.CramlingtonAdmin, 200),
        (Accounts.CramlingtonStudent, 200),
        (Accounts.CramlingtonParent, 200));

    public static TheoryData<string, int> AdminsOnly => Callers(
        (Accounts.Admin, 200),
        (Accounts.Tutor, 403),
        (Accounts.Mentor, 403),
        (Accounts.Teacher, 403),
        (Accounts.Pastoral, 403),
        (Accounts.Student, 403),
        (Accounts.Parent, 403),
        (Accounts.CramlingtonAdmin, 200),
        (Accounts.CramlingtonStudent, 403),
        (Accounts.CramlingtonParent, 403));

    public static TheoryData<string, int> Register => Callers(
        (Accounts.Admin, 201),
        (Accounts.Tutor, 403),
        (Accounts.Mentor, 403),
        (Accounts.Teacher, 403),
        (Accounts.Pastoral, 403),
        (Accounts.Student, 403),
        (Accounts.Parent, 403),
        (Accounts.CramlingtonAdmin, 201),
        (Accounts.CramlingtonStudent, 403),
        (Accounts.CramlingtonParent, 403));

    /// <summary>Registered mentors only: the demo mentor. Admins, tutors, teachers, students who mentor no one and guardians are not.</summary>
    public static TheoryData<string, int> MyMentees => Callers(
        (Accounts.Admin, 403),
        (Accounts.Tutor, 403),
        (Accounts.Mentor, 200),
        (Accounts.Teacher, 403),
        (Accounts.Pastoral, 403),
        (Accounts.Student, 403),
        (Accounts.Parent, 403),
        (Accounts.CramlingtonAdmin, 403),
        (Accounts.CramlingtonStudent, 403),
        (Accounts.CramlingtonParent, 403));

    public static TheoryData<string, int> StaffOnly => Callers(
        (Accounts.Admin, 200),
        (Accounts.Tutor, 200),
        (Accounts.Mentor, 200),
        (Accounts.Teacher, 200),
        (Accounts.Pastoral, 200),
        (Accounts.Student, 403),
        (Accounts.Parent, 403),
        (Accounts.CramlingtonAdmin, 200),
        (Accounts.CramlingtonStudent, 403),
        (Accounts.CramlingtonParent, 403));

    /// <summary>
    /// A school's admin changes its own mentors; another school's mentor does not exist for anyone of another school (404,
    /// whatever their role); everyone else at the mentor's school is refused.
    /// </summary>
    public static TheoryData<string, string, int> ChangeMentor
    {
        get
        {
            var data = new TheoryData<string, string, int>();
            foreach (var caller in MatrixTargets.Everyone)
            {
                data.Add(caller, BridgemaryMentor, caller == Accounts.Admin ? 200 : AtCramlington(caller) ? 404 : 403);
                data.Add(caller, CramlingtonMentor, caller == Accounts.CramlingtonAdmin ? 200 : !AtCramlington(caller) ? 404 : 403);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(AnyMember))]
    public async Task ListMentors(string caller, int expected)
    {
        using var client = await factory.ClientFor(caller);

        var response = await client.GetAsync("/api/mentors");

        await AssertStatus(response, expected);
        var mentors = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(m => m.Id()).ToList();
        Assert.NotEmpty(mentors);
        Assert.Equal(!AtCramlington(caller), mentors.Contains(DemoData.BridgemaryMentorId)); // their own school's mentors only
    }

    [Theory]
    [MemberData(nameof(Register))]
    public async Task RegisterMentor(string caller, int expected)
    {
        var admin = AdminFor(caller);
        var pupil = await UnregisteredOlderPupilAsync(caller);
        using var client = await factory.ClientFor(caller);

        var response = await client.PostAsJsonAsync("/api/mentors", new
        {
            personId = pupil,
            kind = "Student",
            weeklyAllowanceMinutes = 60,
            supervisorId = AtCramlington(caller) ? DemoData.CramlingtonAdminId : DemoData.BridgemaryPastoralId,
            trainedOn = "2026-07-01",
        });

        await AssertStatus(response, expected);
        var registered = (await factory.GetJsonAsync(admin, "/api/mentors")).EnumerateArray().Select(m => m.Id()).ToList();
        Assert.Equal(expected == 201, registered.Contains(pupil));
        if (expected == 201)
        {
            var mentor = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal((pupil, "Student"), (mentor.Id(), mentor.GetProperty("kind").GetString()));
            Assert.EndsWith($"/api/mentors/{pupil}", response.Headers.Location?.ToString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [MemberData(nameof(ChangeMentor))]
    public async Task UpdateMentor(string caller, string mentorTarget, int expected)
    {
        var before = await MentorAsync(mentorTarget);
        var allowance = before.GetProperty("weeklyAllowanceMinutes").GetInt32() + 15;
        using var client = await factory.ClientFor(caller);

        var response = await client.PutAsJsonAsync($"/api/mentors/{before.Id()}", new { weeklyAllowanceMinutes = allowance, supervisorId = (Guid?)null, trainedOn = (string?)null, isActive = true });

        await AssertStatus(response, expected);
        var after = await MentorAsync(mentorTarget);
        Assert.Equal(expected == 200 ? allowance : allowance - 15, after.GetProperty("weeklyAllowanceMinutes").GetInt32());
        if (expected == 200)
        {
            var changed = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal((before.Id(), allowance), (changed.Id(), changed.GetProperty("weeklyAllowanceMinutes").GetInt32()));
        }
        else
        {
            Assert.Equal(before.GetProperty("version").GetUInt32(), after.GetProperty("version").GetUInt32());
        }
    }

    [Theory]
    [MemberData(nameof(MyMentees))]
    public async Task ListMyMentees(string caller, int expected)
    {
        using var client = await factory.ClientFor(caller);

        var response = await client.GetAsync("/api/mentors/me/mentees");

        await AssertStatus(response, expected);
        if (expected == 200)
        {
            var mentees = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(m => m.GetProperty("studentId").GetGuid()).ToList();
            Assert.Contains(DemoData.BridgemaryStudentId, mentees);
            Assert.DoesNotContain(OtherStudentId, mentees);
        }
    }

    [Theory]
    [MemberData(nameof(AdminsOnly))]
    public async Task RunMatching(string caller, int expected)
    {
        using var client = await factory.ClientFor(caller);

        var response = await client.PostAsync("/api/mentoring/matching", null);

        await AssertStatus(response, expected);
        if (expected == 200)
        {
            var result = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(result.GetProperty("considered").GetInt32(), result.GetProperty("assigned").GetInt32() + result.GetProperty("unassigned").GetInt32());
        }
    }

    [Theory]
    [MemberData(nameof(AdminsOnly))]
    public async Task RunSweep(string caller, int expected)
    {
        using var client = await factory.ClientFor(caller);

        var response = await client.PostAsync("/api/mentoring/sweep", null);

        await AssertStatus(response, expected);
        if (expected == 200)
        {
            Assert.Equal("Autumn 1", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("halfTerm").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(StaffOnly))]
    public async Task GetPolicy(string caller, int expected)
    {
        using var client = await factory.ClientFor(caller);

        var response = await client.GetAsync("/api/mentoring/policy");

        await AssertStatus(response, expected);
        if (expected == 200)
        {
            Assert.InRange((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("minCheckInsPerHalfTerm").GetInt32(), 1, 10);
            Assert.NotNull(response.Headers.ETag);
        }
    }

    [Theory]
    [MemberData(nameof(AdminsOnly))]
    public async Task UpdatePolicy(string caller, int expected)
    {
        var admin = AdminFor(caller);
        var before = await factory.GetJsonAsync(admin, "/api/mentoring/policy");
        var remind = before.GetProperty("remindDaysAhead").GetInt32() == 4 ? 3 : 4;
        using var client = await factory.ClientFor(caller);

        var response = await client.PutAsJsonAsync("/api/mentoring/policy", new
        {
            minCheckInsPerHalfTerm = before.GetProperty("minCheckInsPerHalfTerm").GetInt32(),
            minMinutes = before.GetProperty("minMinutes").GetInt32(),
            remindDaysAhead = remind,
            minutesPerMenteePerWeek = before.GetProperty("minutesPerMenteePerWeek").GetInt32(),
        });

        await AssertStatus(response, expected);
        var after = await factory.GetJsonAsync(admin, "/api/mentoring/policy");
        Assert.Equal(expected == 200 ? remind : before.GetProperty("remindDaysAhead").GetInt32(), after.GetProperty("remindDaysAhead").GetInt32());
        if (expected == 200)
        {
            Assert.Equal(remind, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("remindDaysAhead").GetInt32());
        }
    }

    [Fact]
    public async Task EveryMentoringEndpoint_WithoutSigningIn_Is401()
    {
        using var anonymous = factory.CreateClient();
        var student = DemoData.BridgemaryStudentId;

        HttpResponseMessage[] responses =
        [
            await anonymous.GetAsync("/api/mentors"),
            await anonymous.PostAsJsonAsync("/api/mentors", new { personId = Guid.NewGuid(), kind = "Staff" }),
            await anonymous.PutAsJsonAsync($"/api/mentors/{DemoData.BridgemaryMentorId}", new { weeklyAllowanceMinutes = 60, isActive = true }),
            await anonymous.GetAsync("/api/mentors/me/mentees"),
            await anonymous.GetAsync(CheckIns(student)),
            await anonymous.GetAsync(Preferences(student)),
            await anonymous.PostAsJsonAsync(Preferences(student), new { mentorIds = Array.Empty<Guid>(), noPreference = true }),
            await anonymous.PutAsJsonAsync($"{Preferences(student)}/guardian-attendance", new { guardianMayAttend = true }),
            await anonymous.GetAsync(Assignments(student)),
            await anonymous.PutAsJsonAsync($"/api/students/{student}/mentor", new { mentorId = DemoData.BridgemaryMentorId, reason = "Signed out." }),
            await anonymous.PostAsJsonAsync(Complete(Guid.NewGuid()), CompleteBody(factory)),
            await anonymous.PostAsync("/api/mentoring/matching", null),
            await anonymous.PostAsync("/api/mentoring/sweep", null),
            await anonymous.GetAsync("/api/mentoring/policy"),
            await anonymous.PutAsJsonAsync("/api/mentoring/policy", new { minCheckInsPerHalfTerm = 2, minMinutes = 15, remindDaysAhead = 3, minutesPerMenteePerWeek = 15 }),
        ];

        foreach (var response in responses)
        {
            await response.AssertProblem(HttpStatusCode.Unauthorized);
        }
    }

    /// <summary>The mentor the row changes, as its school's admin lists it: the demo mentor, or Cramlington's first staff mentor.</summary>
    private async Task<JsonElement> MentorAsync(string mentorTarget)
    {
        if (mentorTarget == BridgemaryMentor)
        {
            return (await factory.GetJsonAsync(Accounts.Admin, "/api/mentors")).EnumerateArray().Single(m => m.Id() == DemoData.BridgemaryMentorId);
        }

        return (await factory.GetJsonAsync(Accounts.CramlingtonAdmin, "/api/mentors")).EnumerateArray()
            .Where(m => m.GetProperty("kind").GetString() == "Staff")
            .OrderBy(m => m.Id())
            .First();
    }

    /// <summary>A Year 11 pupil of the caller's school who is not yet registered as a mentor (pupil mentors are Year 9 and above).</summary>
    private async Task<Guid> UnregisteredOlderPupilAsync(string caller)
    {
        var registered = (await factory.GetJsonAsync(AdminFor(caller), "/api/mentors")).EnumerateArray().Select(m => m.Id()).ToHashSet();
        var (key, prefix, perYear) = AtCramlington(caller) ? ("cramlington", "CLV", 60) : ("bridgemary", "BMC", 200);
        return Enumerable.Range(1, perYear).Reverse()
            .Select(i => DemoData.IdFor($"{key}:student:{prefix}11{i:000}"))
            .First(id => !registered.Contains(id));
    }
}

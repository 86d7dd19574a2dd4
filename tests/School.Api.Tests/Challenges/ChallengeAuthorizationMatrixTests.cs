using static School.Api.Tests.Challenges.ChallengeTestApi;

namespace School.Api.Tests.Challenges;

/// <summary>
/// Every challenge-menu endpoint × every demo account × three menus: a Bridgemary menu for Year 10 (the demo student
/// Alex's year), a Bridgemary menu for Year 7 only (not Alex's year, so invisible to him and his parent) and a Cramlington
/// menu for Years 9 and 10 (the Cramlington demo student is in Year 9). The rules (ChallengeAccess): a menu is visible to
/// its school's staff, and to students and guardians only when it is open to their (child's) year; otherwise it is 404.
/// Admin-only actions are 403 for the school's other staff and 404 for everyone else. A team's milestones and outcome are
/// for the challenge's coaches (the demo teacher coaches the one challenge on each Bridgemary menu) and admins: 403 for
/// anyone else who sees the menu. Each row uses fresh menus, and each change is re-read to show a refusal changed nothing.
/// </summary>
public sealed class ChallengeAuthorizationMatrixTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private const string Year10 = "bridgemary-year-10";
    private const string Year7 = "bridgemary-year-7";
    private const string Cram = "cramlington-years-9-10";

    /// <summary>Seeing the menu (GET one, the list, teams, open day).</summary>
    public static TheoryData<string, string, int> See => Matrix(
        (Accounts.Admin, 200, 200, 404),
        (Accounts.Tutor, 200, 200, 404),
        (Accounts.Mentor, 200, 200, 404),
        (Accounts.Teacher, 200, 200, 404),
        (Accounts.Pastoral, 200, 200, 404),
        (Accounts.Student, 200, 404, 404),
        (Accounts.Parent, 200, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 200),
        (Accounts.CramlingtonStudent, 404, 404, 200),
        (Accounts.CramlingtonParent, 404, 404, 200));

    /// <summary>Admin-only actions: allocating, the published allocation, reopening.</summary>
    public static TheoryData<string, string, int> AdminOnly => Matrix(
        (Accounts.Admin, 200, 200, 404),
        (Accounts.Tutor, 403, 403, 404),
        (Accounts.Mentor, 403, 403, 404),
        (Accounts.Teacher, 403, 403, 404),
        (Accounts.Pastoral, 403, 403, 404),
        (Accounts.Student, 404, 404, 404),
        (Accounts.Parent, 404, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 200),
        (Accounts.CramlingtonStudent, 404, 404, 404),
        (Accounts.CramlingtonParent, 404, 404, 404));

    public static TheoryData<string, string, int> AdminOnlyCreate => Replace(AdminOnly, 200, 201);

    /// <summary>
    /// Ranking challenges: the student for themself, a guardian for their child, an admin naming a pupil of the menu's year;
    /// the school's other staff (naming that pupil, whom they may see) are refused; another school is not found.
    /// </summary>
    public static TheoryData<string, string, int> Choose => Matrix(
        (Accounts.Admin, 200, 200, 404),
        (Accounts.Tutor, 403, 403, 404),
        (Accounts.Mentor, 403, 403, 404),
        (Accounts.Teacher, 403, 403, 404),
        (Accounts.Pastoral, 403, 403, 404),
        (Accounts.Student, 200, 404, 404),
        (Accounts.Parent, 200, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 200),
        (Accounts.CramlingtonStudent, 404, 404, 200),
        (Accounts.CramlingtonParent, 404, 404, 200));

    /// <summary>Running a team (milestones, completion): the challenge's coach and admins; 403 for others who see the menu.</summary>
    public static TheoryData<string, string, int> Coach => Matrix(
        (Accounts.Admin, 200, 200, 404),
        (Accounts.Tutor, 403, 403, 404),
        (Accounts.Mentor, 403, 403, 404),
        (Accounts.Teacher, 200, 200, 404),
        (Accounts.Pastoral, 403, 403, 404),
        (Accounts.Student, 403, 404, 404),
        (Accounts.Parent, 403, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 200),
        (Accounts.CramlingtonStudent, 404, 404, 403),
        (Accounts.CramlingtonParent, 404, 404, 403));

    [Theory]
    [MemberData(nameof(See))]
    public async Task ListMenus(string caller, string target, int expected)
    {
        var menu = await ScenarioAsync(target, publish: false);
        using var client = await factory.ClientFor(caller);

        var response = await client.GetAsync(MenusUrl);

        await AssertStatus(response, HttpStatusCode.OK);
        var listed = (await response.Content.ReadFromJsonAsync<JsonElement>()).Ids();
        Assert.Equal(expected == 200, listed.Contains(menu.MenuId));
    }

    [Theory]
    [MemberData(nameof(See))]
    public async Task GetMenu(string caller, string target, int expected)
    {
        var menu = await ScenarioAsync(target, publish: false);
        using var client = await factory.ClientFor(caller);

        var response = await client.GetAsync(Menu(menu.MenuId));

        await AssertStatus(response, (HttpStatusCode)expected);
        if (expected == 200)
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal([menu.ChallengeId], body.GetProperty("challenges").Ids());
        }
    }

    [Theory]
    [MemberData(nameof(AdminOnlyCreate))]
    public async Task AddChallenge(string caller, string target, int expected)
    {
        var menu = await ScenarioAsync(target, publish: false);
        using var client = await factory.ClientFor(caller);
        var title = Unique("Matrix challenge");

        var response = await client.PostAsJsonAsync($"{Menu(menu.MenuId)}/challenges", new { title, teamMin = 1, teamMax = 6, capacity = 12 });

        await AssertStatus(response, (HttpStatusCode)expected);
        using var admin = await TargetAdmin(target);
        var titles = (await admin.MenuAsync(menu.MenuId)).GetProperty("challenges").EnumerateArray().Select(c => c.GetProperty("title").GetString()).ToList();
        Assert.Equal(expected == 201 ? 2 : 1, titles.Count);
        Assert.Equal(expected == 201, titles.Contains(title));
    }

    [Theory]
    [MemberData(nameof(Choose))]
    public async Task SubmitPreferences(string caller, string target, int expected)
    {
        var menu = await ScenarioAsync(target, publish: false);
        using var client = await factory.ClientFor(caller);
        var (named, subject) = SubjectOf(caller, target);

        var response = await client.PostAsJsonAsync($"{Menu(menu.MenuId)}/preferences", new { studentId = named, challengeIds = new[] { menu.ChallengeId } });

        await AssertStatus(response, (HttpStatusCode)expected);
        // Re-read by the admin of the pupil's own school: the ranking is there only when the request succeeded.
        using var admin = await factory.ClientFor(subject == DemoData.CramlingtonStudentId ? Accounts.CramlingtonAdmin : Accounts.Admin);
        List<Guid> saved = expected == 200 ? [menu.ChallengeId] : [];
        Assert.Equal(saved, await admin.RankingAsync(subject, menu.MenuId));
    }

    /// <summary>A student or guardian naming a pupil who is not themself or their child: that pupil is not found, and nothing is saved.</summary>
    [Theory]
    [InlineData(Accounts.Student)]
    [InlineData(Accounts.Parent)]
    public async Task SubmitPreferences_ForAnotherPupil_Is404(string caller)
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        var menuId = await admin.CreateMenuAsync(factory.Time.GetUtcNow(), [8, 10]);
        var challenge = await admin.AddChallengeAsync(menuId);
        using var client = await factory.ClientFor(caller);

        var response = await client.PostAsJsonAsync($"{Menu(menuId)}/preferences", new { studentId = OtherBridgemaryStudentId, challengeIds = new[] { challenge } });

        await response.AssertProblem(HttpStatusCode.NotFound);
        Assert.Empty(await admin.RankingAsync(OtherBridgemaryStudentId, menuId));
    }

    [Theory]
    [MemberData(nameof(AdminOnly))]
    public async Task Allocate(string caller, string target, int expected)
    {
        var menu = await ScenarioAsync(target, publish: false);
        using var client = await factory.ClientFor(caller);

        var response = await client.PostAsJsonAsync($"{Menu(menu.MenuId)}/allocation", new { publish = true });

        await AssertStatus(response, (HttpStatusCode)expected);
        using var admin = await TargetAdmin(target);
        Assert.Equal(expected == 200 ? "Published" : "Open", await admin.StatusOfAsync(menu.MenuId));
        Assert.Equal(expected == 200, (await admin.TeamsAsync(menu.MenuId)).Count > 0);
    }

    [Theory]
    [MemberData(nameof(AdminOnly))]
    public async Task PreviewAllocation(string caller, string target, int expected)
    {
        var menu = await ScenarioAsync(target, publish: false);
        using var client = await factory.ClientFor(caller);

        var response = await client.PostAsJsonAsync($"{Menu(menu.MenuId)}/allocation", new { publish = false });

        await AssertStatus(response, (HttpStatusCode)expected);
        using var admin = await TargetAdmin(target);
        Assert.Equal("Open", await admin.StatusOfAsync(menu.MenuId));
        Assert.Empty(await admin.TeamsAsync(menu.MenuId));
    }

    [Theory]
    [MemberData(nameof(AdminOnly))]
    public async Task GetPublishedAllocation(string caller, string target, int expected)
    {
        var menu = await ScenarioAsync(target, publish: true);
        using var client = await factory.ClientFor(caller);

        var response = await client.GetAsync($"{Menu(menu.MenuId)}/allocation");

        await AssertStatus(response, (HttpStatusCode)expected);
        if (expected == 200)
        {
            var allocation = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(allocation.GetProperty("published").GetBoolean());
            Assert.NotEqual(0, allocation.GetProperty("pupils").GetInt32());
            Assert.All(allocation.GetProperty("placements").EnumerateArray(), p => Assert.Equal(menu.ChallengeId, p.GetProperty("challengeId").GetGuid()));
        }
    }

    [Theory]
    [MemberData(nameof(AdminOnly))]
    public async Task Reopen(string caller, string target, int expected)
    {
        var menu = await ScenarioAsync(target, publish: true);
        using var client = await factory.ClientFor(caller);

        var response = await client.PostAsync($"{Menu(menu.MenuId)}/reopen", null);

        await AssertStatus(response, (HttpStatusCode)expected);
        using var admin = await TargetAdmin(target);
        Assert.Equal(expected == 200 ? "Open" : "Published", await admin.StatusOfAsync(menu.MenuId));
        Assert.Equal(expected == 200, (await admin.TeamsAsync(menu.MenuId)).Count == 0);
    }

    [Theory]
    [MemberData(nameof(See))]
    public async Task ListTeams(string caller, string target, int expected)
    {
        var menu = await ScenarioAsync(target, publish: true);
        using var admin = await TargetAdmin(target);
        var all = await admin.TeamsAsync(menu.MenuId);
        Assert.NotEmpty(all);
        using var client = await factory.ClientFor(caller);

        var response = await client.GetAsync($"{Menu(menu.MenuId)}/teams");

        await AssertStatus(response, (HttpStatusCode)expected);
        if (expected != 200)
        {
            return;
        }

        // Admins and the coach see every team of the challenge; a pupil (or their guardian) sees the pupil's own team;
        // the school's other staff see none.
        var teams = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        switch (caller)
        {
            case Accounts.Admin or Accounts.Teacher or Accounts.CramlingtonAdmin:
                Assert.Equal(all.Select(t => t.Id()), teams.Select(t => t.Id()));
                break;
            case Accounts.Tutor or Accounts.Mentor or Accounts.Pastoral:
                Assert.Empty(teams);
                break;
            default:
                var child = SubjectOfTarget(target);
                var team = Assert.Single(teams);
                Assert.Contains(child, team.GetProperty("memberIds").EnumerateArray().Select(m => m.GetGuid()));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Coach))]
    public async Task CompleteMilestone(string caller, string target, int expected)
    {
        var menu = await ScenarioAsync(target, publish: true);
        using var admin = await TargetAdmin(target);
        var team = (await admin.TeamsAsync(menu.MenuId))[0].Id();
        using var client = await factory.ClientFor(caller);

        var response = await client.PostAsJsonAsync($"{Menu(menu.MenuId)}/teams/{team}/milestones", new { milestone = "Plan" });

        await AssertStatus(response, (HttpStatusCode)expected);
        var after = (await admin.TeamsAsync(menu.MenuId)).Single(t => t.Id() == team);
        var plan = after.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "Plan");
        Assert.Equal(expected == 200, plan.GetProperty("doneOn").ValueKind == JsonValueKind.String);
        Assert.Equal(expected == 200 ? 1u : 0u, after.GetProperty("version").GetUInt32());
    }

    [Theory]
    [MemberData(nameof(Coach))]
    public async Task CompleteTeam(string caller, string target, int expected)
    {
        var menu = await ScenarioAsync(target, publish: true);
        using var admin = await TargetAdmin(target);
        var team = (await admin.TeamsAsync(menu.MenuId))[0];
        var member = team.GetProperty("memberIds")[0].GetGuid();
        var outcome = Unique("Showed the town what we made");
        using var client = await factory.ClientFor(caller);

        var response = await client.PostAsJsonAsync($"{Menu(menu.MenuId)}/teams/{team.Id()}/complete", new { outcome });

        await AssertStatus(response, (HttpStatusCode)expected);
        var after = (await admin.TeamsAsync(menu.MenuId)).Single(t => t.Id() == team.Id());
        Assert.Equal(expected == 200, after.GetProperty("completedAt").ValueKind == JsonValueKind.String);
        Assert.Equal(expected == 200 ? outcome : null, after.GetProperty("outcome").GetString());
        var record = await admin.GetFromJsonAsync<JsonElement>($"/api/students/{member}/challenges");
        var line = record.EnumerateArray().Single(m => m.GetProperty("menuId").GetGuid() == menu.MenuId);
        Assert.Equal(expected == 200 ? outcome : null, line.GetProperty("outcome").GetString());
    }

    [Theory]
    [MemberData(nameof(See))]
    public async Task OpenDay(string caller, string target, int expected)
    {
        var menu = await ScenarioAsync(target, publish: true);
        using var admin = await TargetAdmin(target);
        var teams = (await admin.TeamsAsync(menu.MenuId)).Select(t => t.Id()).ToList();
        using var client = await factory.ClientFor(caller);

        var response = await client.GetAsync($"{Menu(menu.MenuId)}/open-day");

        await AssertStatus(response, (HttpStatusCode)expected);
        if (expected == 200)
        {
            var slots = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(s => s.GetProperty("teamId").GetGuid());
            Assert.Equal(teams.Order(), slots.Order());
        }
    }

    [Theory]
    [InlineData(Year10)]
    [InlineData(Cram)]
    public async Task EveryEndpoint_WithoutSigningIn_Is401(string target)
    {
        var menu = await ScenarioAsync(target, publish: true);
        using var admin = await TargetAdmin(target);
        var team = (await admin.TeamsAsync(menu.MenuId))[0].Id();
        using var anonymous = factory.CreateClient();
        var url = Menu(menu.MenuId);

        HttpResponseMessage[] responses =
        [
            await anonymous.GetAsync(MenusUrl),
            await anonymous.PostAsJsonAsync(MenusUrl, new { name = "x", opensAt = "2026-09-01T00:00:00Z", closesAt = "2026-09-30T00:00:00Z", openDay = "2027-07-15" }),
            await anonymous.GetAsync(url),
            await anonymous.PostAsJsonAsync($"{url}/challenges", new { title = "x", teamMin = 1, teamMax = 2, capacity = 2 }),
            await anonymous.PostAsJsonAsync($"{url}/preferences", new { studentId = SubjectOfTarget(target), challengeIds = new[] { menu.ChallengeId } }),
            await anonymous.PostAsJsonAsync($"{url}/allocation", new { publish = false }),
            await anonymous.GetAsync($"{url}/allocation"),
            await anonymous.PostAsync($"{url}/reopen", null),
            await anonymous.GetAsync($"{url}/teams"),
            await anonymous.PostAsJsonAsync($"{url}/teams/{team}/milestones", new { milestone = "Plan" }),
            await anonymous.PostAsJsonAsync($"{url}/teams/{team}/complete", new { outcome = "x" }),
            await anonymous.GetAsync($"{url}/open-day"),
            await anonymous.GetAsync($"/api/students/{SubjectOfTarget(target)}/challenges"),
        ];

        foreach (var response in responses)
        {
            await response.AssertProblem(HttpStatusCode.Unauthorized);
        }

        Assert.Equal("Published", await admin.StatusOfAsync(menu.MenuId));
        Assert.All(await admin.TeamsAsync(menu.MenuId), t => Assert.Equal(0u, t.GetProperty("version").GetUInt32()));
    }

    /// <summary>
    /// A fresh menu at the target's school with one challenge (places for everyone; on Bridgemary's menus the demo teacher
    /// coaches it), optionally published so that it has teams.
    /// </summary>
    private async Task<Scenario> ScenarioAsync(string target, bool publish)
    {
        using var admin = await TargetAdmin(target);
        int[] years = target switch
        {
            Year10 => [10],
            Year7 => [7],
            _ => [9, 10],
        };
        var menuId = await admin.CreateMenuAsync(factory.Time.GetUtcNow(), years, name: Unique($"Matrix {target}"));
        var challengeId = await admin.AddChallengeAsync(menuId, coachIds: target == Cram ? [] : [DemoData.BridgemaryTeacherId]);
        if (publish)
        {
            await admin.PublishAsync(menuId);
        }

        return new Scenario(menuId, challengeId);
    }

    private Task<HttpClient> TargetAdmin(string target) => factory.ClientFor(target == Cram ? Accounts.CramlingtonAdmin : Accounts.Admin);

    /// <summary>The pupil each menu is about: Alex for Year 10, a Year 7 tutee and mentee of the demo tutor and mentor, the Cramlington student.</summary>
    private static Guid SubjectOfTarget(string target) => target switch
    {
        Year10 => DemoData.BridgemaryStudentId,
        Year7 => BridgemaryYear7StudentId,
        Cram => DemoData.CramlingtonStudentId,
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    /// <summary>
    /// Whom a caller names when ranking (null: themself) and whom the ranking is for: a student ranks for themself, a
    /// guardian names their own child, staff name the pupil the menu is about.
    /// </summary>
    private static (Guid? Named, Guid Subject) SubjectOf(string caller, string target) => caller switch
    {
        Accounts.Student => (null, DemoData.BridgemaryStudentId),
        Accounts.CramlingtonStudent => (null, DemoData.CramlingtonStudentId),
        Accounts.Parent => (DemoData.BridgemaryStudentId, DemoData.BridgemaryStudentId),
        Accounts.CramlingtonParent => (DemoData.CramlingtonStudentId, DemoData.CramlingtonStudentId),
        _ => (SubjectOfTarget(target), SubjectOfTarget(target)),
    };

    private static TheoryData<string, string, int> Matrix(params (string Caller, int Year10, int Year7, int Cram)[] rows)
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (caller, year10, year7, cram) in rows)
        {
            data.Add(caller, Year10, year10);
            data.Add(caller, Year7, year7);
            data.Add(caller, Cram, cram);
        }

        return data;
    }

    private static TheoryData<string, string, int> Replace(TheoryData<string, string, int> source, int from, int to)
    {
        var data = new TheoryData<string, string, int>();
        foreach (var row in source)
        {
            var status = (int)row[2];
            data.Add((string)row[0], (string)row[1], status == from ? to : status);
        }

        return data;
    }

    private sealed record Scenario(Guid MenuId, Guid ChallengeId);
}

/// <summary>
/// GET /api/students/{id}/challenges × every demo account × three students: Alex (Bridgemary, Year 10), another Bridgemary
/// pupil (Year 8) whom no demo tutor, mentor, student or parent sees, and the Cramlington demo student. The student, their
/// guardians, tutor, mentor, the pastoral lead and admins see it; a teacher is refused unless they coach the student's
/// challenge; another student, guardian or school gets 404. Its own database: no menu here names a coach, so the demo
/// teacher coaches nobody's challenge.
/// </summary>
public sealed class StudentChallengesAuthorizationMatrixTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private const string Demo = "bridgemary-demo";
    private const string Other = "bridgemary-other";
    private const string Cram = "cramlington-demo";

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<SchoolApiFactory, (Guid Bridgemary, Guid Cramlington)> Menus = [];

    public static TheoryData<string, string, int> Read
    {
        get
        {
            var data = new TheoryData<string, string, int>();
            foreach (var (caller, demo, other, cram) in new (string, int, int, int)[]
            {
                (Accounts.Admin, 200, 200, 404),
                (Accounts.Tutor, 200, 404, 404),
                (Accounts.Mentor, 200, 404, 404),
                (Accounts.Teacher, 403, 403, 404),
                (Accounts.Pastoral, 200, 200, 404),
                (Accounts.Student, 200, 404, 404),
                (Accounts.Parent, 200, 404, 404),
                (Accounts.CramlingtonAdmin, 404, 404, 200),
                (Accounts.CramlingtonStudent, 404, 404, 200),
                (Accounts.CramlingtonParent, 404, 404, 200),
            })
            {
                data.Add(caller, Demo, demo);
                data.Add(caller, Other, other);
                data.Add(caller, Cram, cram);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Read))]
    public async Task GetStudentChallenges(string caller, string target, int expected)
    {
        var (bridgemary, cramlington) = await PublishedMenusAsync();
        using var client = await factory.ClientFor(caller);
        var student = target switch
        {
            Demo => DemoData.BridgemaryStudentId,
            Other => OtherBridgemaryStudentId,
            _ => DemoData.CramlingtonStudentId,
        };

        var response = await client.GetAsync($"/api/students/{student}/challenges");

        await AssertStatus(response, (HttpStatusCode)expected);
        if (expected == 200)
        {
            var menus = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
            var menu = Assert.Single(menus, m => m.GetProperty("menuId").GetGuid() == (target == Cram ? cramlington : bridgemary));
            Assert.Equal(JsonValueKind.String, menu.GetProperty("challengeId").ValueKind);
            Assert.Equal(JsonValueKind.String, menu.GetProperty("teamId").ValueKind);
        }
    }

    /// <summary>
    /// The teacher may read a student's challenges once the student is placed in a challenge they coach (not before, when
    /// the student has only chosen it), and still not another student's; a coach may run only the teams of their own
    /// challenge. Its own database: the coaching here must not leak into the matrix.
    /// </summary>
    [Fact]
    public async Task Teacher_ReadsTheChallengesOfAStudentPlacedInTheirChallenge_AndRunsOnlyThoseTeams()
    {
        using var own = new SchoolApiFactory();
        using var admin = await own.ClientFor(Accounts.Admin);
        using var student = await own.ClientFor(Accounts.Student);
        using var teacher = await own.ClientFor(Accounts.Teacher);
        var menuId = await admin.CreateMenuAsync(own.Time.GetUtcNow(), [8, 10]);
        var magic = await admin.AddChallengeAsync(menuId, "Magic tricks", capacity: 5, coachIds: [DemoData.BridgemaryTeacherId]);
        var rest = await admin.AddChallengeAsync(menuId, "Everything else", capacity: 1000);
        await AssertStatus(await student.PostAsJsonAsync($"{Menu(menuId)}/preferences", new { challengeIds = new[] { magic } }), HttpStatusCode.OK);
        var alex = $"/api/students/{DemoData.BridgemaryStudentId}/challenges";

        await (await teacher.GetAsync(alex)).AssertProblem(HttpStatusCode.Forbidden); // chosen, not yet placed
        await admin.PublishAsync(menuId);

        var response = await teacher.GetAsync(alex);
        await AssertStatus(response, HttpStatusCode.OK);
        var line = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single(m => m.GetProperty("menuId").GetGuid() == menuId);
        Assert.Equal(magic, line.GetProperty("challengeId").GetGuid());
        Assert.Equal(1, line.GetProperty("rank").GetInt32());
        await (await teacher.GetAsync($"/api/students/{OtherBridgemaryStudentId}/challenges")).AssertProblem(HttpStatusCode.Forbidden);

        var teams = await admin.TeamsAsync(menuId);
        var others = teams.First(t => t.GetProperty("challengeId").GetGuid() == rest).Id();
        await (await teacher.PostAsJsonAsync($"{Menu(menuId)}/teams/{others}/milestones", new { milestone = "Plan" })).AssertProblem(HttpStatusCode.Forbidden);
        await (await teacher.PostAsJsonAsync($"{Menu(menuId)}/teams/{others}/complete", new { outcome = "Not mine" })).AssertProblem(HttpStatusCode.Forbidden);
        var after = (await admin.TeamsAsync(menuId)).Single(t => t.Id() == others);
        Assert.Equal((0u, JsonValueKind.Null), (after.GetProperty("version").GetUInt32(), after.GetProperty("completedAt").ValueKind));
    }

    /// <summary>
    /// "Their challenge coach" sees a student's challenges (the query's own rule) even when the coach's role would not
    /// otherwise let them see that student: here the demo mentor coaches a challenge a Year 8 pupil (not their mentee) is
    /// placed in.
    /// </summary>
    [Fact]
    public async Task ACoachWhoIsNotATeacher_ReadsTheChallengesOfAStudentPlacedInTheirChallenge()
    {
        using var own = new SchoolApiFactory();
        using var admin = await own.ClientFor(Accounts.Admin);
        var menuId = await admin.CreateMenuAsync(own.Time.GetUtcNow(), [8]);
        var chess = await admin.AddChallengeAsync(menuId, "Run a chess tournament", capacity: 5, coachIds: [DemoData.BridgemaryMentorId]);
        await admin.AddChallengeAsync(menuId, "Everything else", capacity: 1000);
        var chose = await admin.PostAsJsonAsync($"{Menu(menuId)}/preferences", new { studentId = OtherBridgemaryStudentId, challengeIds = new[] { chess } });
        await AssertStatus(chose, HttpStatusCode.OK);
        await admin.PublishAsync(menuId);
        using var mentor = await own.ClientFor(Accounts.Mentor);
        Assert.Contains(await mentor.TeamsAsync(menuId), t => t.GetProperty("memberIds").EnumerateArray().Any(m => m.GetGuid() == OtherBridgemaryStudentId));

        var response = await mentor.GetAsync($"/api/students/{OtherBridgemaryStudentId}/challenges");

        await AssertStatus(response, HttpStatusCode.OK);
    }

    /// <summary>A published Bridgemary menu for Years 8 and 10 and a published Cramlington menu for Year 9, made once for this class's database.</summary>
    private async Task<(Guid Bridgemary, Guid Cramlington)> PublishedMenusAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (!Menus.TryGetValue(factory, out var menus))
            {
                menus = (await PublishAsync(Accounts.Admin, [8, 10]), await PublishAsync(Accounts.CramlingtonAdmin, [9]));
                Menus[factory] = menus;
            }

            return menus;
        }
        finally
        {
            Once.Release();
        }
    }

    private async Task<Guid> PublishAsync(string adminAccount, int[] years)
    {
        using var admin = await factory.ClientFor(adminAccount);
        var menuId = await admin.CreateMenuAsync(factory.Time.GetUtcNow(), years);
        await admin.AddChallengeAsync(menuId);
        await admin.PublishAsync(menuId);
        return menuId;
    }
}

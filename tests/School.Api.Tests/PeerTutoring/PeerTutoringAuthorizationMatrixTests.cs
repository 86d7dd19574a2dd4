namespace School.Api.Tests.PeerTutoring;

/// <summary>
/// The matrix's factory: the demo data plus three pupils with sign-ins made once through the API — a Bridgemary Year 10
/// tutor linked to no demo account ("another student"'s tutor), a Bridgemary Year 11 who tutors the demo student, and a
/// Cramlington Year 11 who tutors the Cramlington demo student.
/// </summary>
public sealed class PeerMatrixFactory : SchoolApiFactory
{
    private readonly Lazy<Task<PeerPupil>> _otherTutor;
    private readonly Lazy<Task<PeerPupil>> _seniorTutor;
    private readonly Lazy<Task<PeerPupil>> _cramlingtonSeniorTutor;

    public PeerMatrixFactory()
    {
        var peer = new PeerDriver(this);
        _otherTutor = new(() => peer.NewPupilAsync(10, givenName: "Other"));
        _seniorTutor = new(() => peer.NewPupilAsync(11, givenName: "Senior"));
        _cramlingtonSeniorTutor = new(() => peer.NewPupilAsync(11, admin: Accounts.CramlingtonAdmin, givenName: "Senior"));
    }

    internal Task<PeerPupil> OtherTutorAsync() => _otherTutor.Value;

    internal Task<PeerPupil> SeniorTutorAsync() => _seniorTutor.Value;

    internal Task<PeerPupil> CramlingtonSeniorTutorAsync() => _cramlingtonSeniorTutor.Value;
}

/// <summary>
/// Every peer-tutoring endpoint × every demo account × three targets, as in the other matrices: the Bridgemary demo
/// student's own (their tutoring, or a pair where they tutor), another Bridgemary student's (linked to no demo account),
/// and the Cramlington demo student's (another school). Programme endpoints use a new programme of the target's school
/// (Bridgemary's supervised by the pastoral lead, Cramlington's by its admin). Who may not see a thing gets 404; who may
/// see it but not do this gets 403. Each case makes its own state and checks that a refusal changed nothing.
/// </summary>
public sealed class PeerTutoringAuthorizationMatrixTests(PeerMatrixFactory factory) : IClassFixture<PeerMatrixFactory>
{
    private const string Demo = "bridgemary-demo";
    private const string Other = "bridgemary-other";
    private const string Cram = "cramlington-demo";
    private const string BridgemarySchool = "bridgemary";
    private const string CramlingtonSchool = "cramlington";

    private readonly PeerDriver _peer = new(factory);

    public static TheoryData<string, int> Me => Callers(
        (Accounts.Admin, 403), (Accounts.Tutor, 403), (Accounts.Mentor, 403), (Accounts.Teacher, 403), (Accounts.Pastoral, 403),
        (Accounts.Student, 200), (Accounts.Parent, 200),
        (Accounts.CramlingtonAdmin, 403), (Accounts.CramlingtonStudent, 200), (Accounts.CramlingtonParent, 200));

    public static TheoryData<string, int> ListProgrammes => Callers(
        (Accounts.Admin, 200), (Accounts.Tutor, 200), (Accounts.Mentor, 200), (Accounts.Teacher, 200), (Accounts.Pastoral, 200),
        (Accounts.Student, 200), (Accounts.Parent, 200),
        (Accounts.CramlingtonAdmin, 200), (Accounts.CramlingtonStudent, 200), (Accounts.CramlingtonParent, 200));

    /// <summary>Setting up a programme: a school admin, for their own school.</summary>
    public static TheoryData<string, int> CreateProgramme => Callers(
        (Accounts.Admin, 201), (Accounts.Tutor, 403), (Accounts.Mentor, 403), (Accounts.Teacher, 403), (Accounts.Pastoral, 403),
        (Accounts.Student, 403), (Accounts.Parent, 403),
        (Accounts.CramlingtonAdmin, 201), (Accounts.CramlingtonStudent, 403), (Accounts.CramlingtonParent, 403));

    /// <summary>A programme's tutors and applicants: its school's staff.</summary>
    public static TheoryData<string, string, int> ListTutors => Schools(
        (Accounts.Admin, 200, 404), (Accounts.Tutor, 200, 404), (Accounts.Mentor, 200, 404), (Accounts.Teacher, 200, 404), (Accounts.Pastoral, 200, 404),
        (Accounts.Student, 403, 404), (Accounts.Parent, 403, 404),
        (Accounts.CramlingtonAdmin, 404, 200), (Accounts.CramlingtonStudent, 404, 403), (Accounts.CramlingtonParent, 404, 403));

    /// <summary>Putting the target forward as a tutor: the pupil themself, or a teacher, the supervisor or an admin who sees them.</summary>
    public static TheoryData<string, string, int> Apply => Matrix(
        (Accounts.Admin, 201, 201, 404),
        (Accounts.Tutor, 403, 403, 404),
        (Accounts.Mentor, 403, 403, 404),
        (Accounts.Teacher, 201, 201, 404),
        (Accounts.Pastoral, 201, 201, 404),
        (Accounts.Student, 201, 403, 404),
        (Accounts.Parent, 403, 403, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 201),
        (Accounts.CramlingtonStudent, 404, 404, 201),
        (Accounts.CramlingtonParent, 404, 404, 403));

    /// <summary>Running a programme (decisions, training, pairs, endorsing): its supervisor and the school's admins; pupils and families are told nothing is there.</summary>
    public static TheoryData<string, string, int> Run => Matrix(
        (Accounts.Admin, 200, 200, 404),
        (Accounts.Tutor, 403, 403, 404),
        (Accounts.Mentor, 403, 403, 404),
        (Accounts.Teacher, 403, 403, 404),
        (Accounts.Pastoral, 200, 200, 404),
        (Accounts.Student, 404, 404, 404),
        (Accounts.Parent, 404, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 200),
        (Accounts.CramlingtonStudent, 404, 404, 404),
        (Accounts.CramlingtonParent, 404, 404, 404));

    public static TheoryData<string, string, int> MakePair => Replace(Run, 200, 201);

    /// <summary>Suggestions for the target as tutee: staff who see the target.</summary>
    public static TheoryData<string, string, int> Suggest => Matrix(
        (Accounts.Admin, 200, 200, 404),
        (Accounts.Tutor, 200, 404, 404),
        (Accounts.Mentor, 200, 404, 404),
        (Accounts.Teacher, 200, 200, 404),
        (Accounts.Pastoral, 200, 200, 404),
        (Accounts.Student, 403, 403, 404),
        (Accounts.Parent, 403, 403, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 200),
        (Accounts.CramlingtonStudent, 404, 404, 403),
        (Accounts.CramlingtonParent, 404, 404, 403));

    /// <summary>A tutor's credits: the programme's runners, and the tutor themself.</summary>
    public static TheoryData<string, string, int> Credits => Matrix(
        (Accounts.Admin, 200, 200, 404),
        (Accounts.Tutor, 403, 403, 404),
        (Accounts.Mentor, 403, 403, 404),
        (Accounts.Teacher, 403, 403, 404),
        (Accounts.Pastoral, 200, 200, 404),
        (Accounts.Student, 200, 404, 404),
        (Accounts.Parent, 404, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 200),
        (Accounts.CramlingtonStudent, 404, 404, 200),
        (Accounts.CramlingtonParent, 404, 404, 404));

    /// <summary>Logging a session of the target's pair (the target is its tutor): the tutor only; the runners see the pair (403).</summary>
    public static TheoryData<string, string, int> LogSession => Matrix(
        (Accounts.Admin, 403, 403, 404),
        (Accounts.Tutor, 404, 404, 404),
        (Accounts.Mentor, 404, 404, 404),
        (Accounts.Teacher, 404, 404, 404),
        (Accounts.Pastoral, 403, 403, 404),
        (Accounts.Student, 201, 404, 404),
        (Accounts.Parent, 404, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 403),
        (Accounts.CramlingtonStudent, 404, 404, 201),
        (Accounts.CramlingtonParent, 404, 404, 404));

    /// <summary>Rating a session of a pair where the target is the tutee: the tutee only; the runners see it (403).</summary>
    public static TheoryData<string, string, int> Feedback => Matrix(
        (Accounts.Admin, 403, 403, 404),
        (Accounts.Tutor, 404, 404, 404),
        (Accounts.Mentor, 404, 404, 404),
        (Accounts.Teacher, 404, 404, 404),
        (Accounts.Pastoral, 403, 403, 404),
        (Accounts.Student, 200, 404, 404),
        (Accounts.Parent, 404, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 403),
        (Accounts.CramlingtonStudent, 404, 404, 200),
        (Accounts.CramlingtonParent, 404, 404, 404));

    /// <summary>Correcting or voiding a session of the target's pair (the target tutors): the runners; the tutor sees it (403).</summary>
    public static TheoryData<string, string, int> Supervise => Matrix(
        (Accounts.Admin, 200, 200, 404),
        (Accounts.Tutor, 404, 404, 404),
        (Accounts.Mentor, 404, 404, 404),
        (Accounts.Teacher, 404, 404, 404),
        (Accounts.Pastoral, 200, 200, 404),
        (Accounts.Student, 403, 404, 404),
        (Accounts.Parent, 404, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 200),
        (Accounts.CramlingtonStudent, 404, 404, 403),
        (Accounts.CramlingtonParent, 404, 404, 404));

    /// <summary>A student's peer tutoring: readers of the child's learning record (not every teacher).</summary>
    public static TheoryData<string, string, int> StudentTutoring => Matrix(
        (Accounts.Admin, 200, 200, 404),
        (Accounts.Tutor, 200, 404, 404),
        (Accounts.Mentor, 200, 404, 404),
        (Accounts.Teacher, 403, 403, 404),
        (Accounts.Pastoral, 200, 200, 404),
        (Accounts.Student, 200, 404, 404),
        (Accounts.Parent, 200, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 200),
        (Accounts.CramlingtonStudent, 404, 404, 200),
        (Accounts.CramlingtonParent, 404, 404, 200));

    [Theory]
    [MemberData(nameof(Me))]
    public async Task GetMe(string caller, int expected)
    {
        var demo = await PairWhereTargetTutorsAsync(Demo);
        var cram = await PairWhereTargetTutorsAsync(Cram);
        using var client = await _peer.As(caller);

        var response = await client.GetAsync(PeerDriver.Me);

        await PeerDriver.AssertStatus(response, expected);
        if (expected == 200)
        {
            var body = await response.Content.ReadAsStringAsync();
            var me = JsonDocument.Parse(body).RootElement;
            var pairs = caller is Accounts.Parent or Accounts.CramlingtonParent
                ? me.GetProperty("children").EnumerateArray().SelectMany(c => c.GetProperty("pairs").EnumerateArray())
                : me.GetProperty("pairs").EnumerateArray();
            var own = AtCramlington(caller) ? cram.PairId : demo.PairId;
            var foreign = AtCramlington(caller) ? demo.PairId : cram.PairId;
            Assert.Contains(own, pairs.Select(PeerDriver.Id));
            Assert.DoesNotContain(foreign.ToString(), body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(ListProgrammes))]
    public async Task GetProgrammes(string caller, int expected)
    {
        var bridgemary = await ProgrammeAsync(BridgemarySchool);
        var cramlington = await ProgrammeAsync(CramlingtonSchool);
        using var client = await _peer.As(caller);

        var response = await client.GetAsync(PeerDriver.Programmes);

        await PeerDriver.AssertStatus(response, expected);
        var ids = PeerDriver.Ids(await response.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Contains(AtCramlington(caller) ? cramlington : bridgemary, ids);
        Assert.DoesNotContain(AtCramlington(caller) ? bridgemary : cramlington, ids);
    }

    [Theory]
    [MemberData(nameof(CreateProgramme))]
    public async Task PostProgramme(string caller, int expected)
    {
        using var client = await _peer.As(caller);
        var name = $"Matrix programme {PeerDriver.Tag()}";
        var body = PeerDriver.ProgrammeBody(AtCramlington(caller) ? DemoData.CramlingtonAdminId : DemoData.BridgemaryAdminId, name: name);

        var response = await client.PostAsJsonAsync(PeerDriver.Programmes, body);

        await PeerDriver.AssertStatus(response, expected);
        var names = (await _peer.GetAsync(AtCramlington(caller) ? Accounts.CramlingtonAdmin : Accounts.Admin, PeerDriver.Programmes))
            .EnumerateArray().Select(p => p.GetProperty("name").GetString());
        Assert.Equal(expected == 201, names.Contains(name));
    }

    [Fact]
    public async Task PostProgramme_WithAnotherSchoolsSupervisor_Is400()
    {
        using var cramlington = await _peer.As(Accounts.CramlingtonAdmin);

        var response = await cramlington.PostAsJsonAsync(PeerDriver.Programmes, PeerDriver.ProgrammeBody(DemoData.BridgemaryPastoralId));

        await response.AssertValidationProblem("supervisorId");
    }

    [Theory]
    [MemberData(nameof(ListTutors))]
    public async Task GetTutors(string caller, string school, int expected)
    {
        var programmeId = await ProgrammeAsync(school);
        var tutorId = PeerDriver.Id(await _peer.NominateAsync(programmeId, await TutorOfAsync(school == CramlingtonSchool ? Cram : Demo), 50, AdminOf(school)));
        using var client = await _peer.As(caller);

        var response = await client.GetAsync(PeerDriver.Tutors(programmeId));

        await PeerDriver.AssertStatus(response, expected);
        if (expected == 200)
        {
            Assert.Equal([tutorId], PeerDriver.Ids(await response.Content.ReadFromJsonAsync<JsonElement>()));
        }
    }

    [Theory]
    [MemberData(nameof(Apply))]
    public async Task PostTutor(string caller, string target, int expected)
    {
        var programmeId = await ProgrammeAsync(SchoolOf(target));
        var studentId = await TutorOfAsync(target);
        using var client = await _peer.As(caller);

        var response = await client.PostAsJsonAsync(PeerDriver.Tutors(programmeId), new { studentId, level = 50 });

        await PeerDriver.AssertStatus(response, expected);
        var tutors = await _peer.TutorsAsync(programmeId, AdminOf(target));
        Assert.Equal(expected == 201 ? 1 : 0, tutors.Count);
    }

    [Theory]
    [MemberData(nameof(Run))]
    public async Task PostDecision(string caller, string target, int expected)
    {
        var programmeId = await ProgrammeAsync(SchoolOf(target));
        var tutorId = PeerDriver.Id(await _peer.NominateAsync(programmeId, await TutorOfAsync(target), 50, AdminOf(target)));
        using var client = await _peer.As(caller);

        var response = await client.PostAsJsonAsync(PeerDriver.Decision(programmeId, tutorId), new { approve = true });

        await PeerDriver.AssertStatus(response, expected);
        var tutor = Assert.Single(await _peer.TutorsAsync(programmeId, AdminOf(target)));
        Assert.Equal(expected == 200 ? "Approved" : "Applied", tutor.GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(Run))]
    public async Task PostTraining(string caller, string target, int expected)
    {
        var programmeId = await ProgrammeAsync(SchoolOf(target));
        var tutorId = PeerDriver.Id(await _peer.NominateAsync(programmeId, await TutorOfAsync(target), 50, AdminOf(target)));
        await _peer.DecideAsync(programmeId, tutorId, by: AdminOf(target));
        using var client = await _peer.As(caller);

        var response = await client.PostAsJsonAsync(PeerDriver.Training(programmeId, tutorId), new { });

        await PeerDriver.AssertStatus(response, expected);
        var tutor = Assert.Single(await _peer.TutorsAsync(programmeId, AdminOf(target)));
        Assert.Equal(expected == 200, tutor.GetProperty("canTutor").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Suggest))]
    public async Task GetSuggestions(string caller, string target, int expected)
    {
        var programmeId = await ProgrammeAsync(SchoolOf(target));
        var candidate = await SeniorTutorOfAsync(target);
        await _peer.TrainedTutorAsync(programmeId, candidate, 60, AdminOf(target));
        using var client = await _peer.As(caller);

        var response = await client.GetAsync(PeerDriver.Suggestions(programmeId, StudentOf(target), 20));

        await PeerDriver.AssertStatus(response, expected);
        if (expected == 200)
        {
            var suggestions = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal([candidate], suggestions.EnumerateArray().Select(s => s.GetProperty("tutorId").GetGuid()));
        }
    }

    [Theory]
    [MemberData(nameof(MakePair))]
    public async Task PostPair(string caller, string target, int expected)
    {
        var programmeId = await ProgrammeAsync(SchoolOf(target));
        var tutor = await TutorOfAsync(target);
        await _peer.TrainedTutorAsync(programmeId, tutor, 60, AdminOf(target));
        using var client = await _peer.As(caller);

        var response = await client.PostAsJsonAsync(PeerDriver.Pairs(programmeId), new { tutorId = tutor, tuteeId = TuteeOf(target), tuteeLevel = 20 });

        await PeerDriver.AssertStatus(response, expected);
        var pairs = (await _peer.TutoringAsync(tutor, AdminOf(target))).GetProperty("pairs").EnumerateArray()
            .Count(p => p.GetProperty("programmeId").GetGuid() == programmeId);
        Assert.Equal(expected == 201 ? 1 : 0, pairs);
    }

    [Theory]
    [MemberData(nameof(Credits))]
    public async Task GetCredits(string caller, string target, int expected)
    {
        var (programmeId, _) = await PairWhereTargetTutorsAsync(target);
        using var client = await _peer.As(caller);

        var response = await client.GetAsync(PeerDriver.Credits(programmeId, await TutorOfAsync(target)));

        await PeerDriver.AssertStatus(response, expected);
    }

    [Theory]
    [MemberData(nameof(Run))]
    public async Task PostEndorse(string caller, string target, int expected)
    {
        var (programmeId, pairId) = await PairWhereTargetTutorsAsync(target);
        using (var tutor = await TutorClientAsync(target))
        {
            await PeerDriver.LogAsync(tutor, pairId, _peer.Today, 30);
        }

        var tutorId = await TutorOfAsync(target);
        using var client = await _peer.As(caller);

        var response = await client.PostAsync(PeerDriver.Endorse(programmeId, tutorId), null);

        await PeerDriver.AssertStatus(response, expected);
        var credits = await _peer.GetAsync(AdminOf(target), PeerDriver.Credits(programmeId, tutorId));
        Assert.Equal(expected == 200 ? 1 : 0, credits.GetProperty("creditsEndorsed").GetInt32());
    }

    [Theory]
    [MemberData(nameof(LogSession))]
    public async Task PostSession(string caller, string target, int expected)
    {
        var (_, pairId) = await PairWhereTargetTutorsAsync(target);
        using var client = await _peer.As(caller);

        var response = await client.PostAsJsonAsync(PeerDriver.Sessions(pairId), PeerDriver.SessionBody(_peer.Today, 30));

        await PeerDriver.AssertStatus(response, expected);
        Assert.Equal(expected == 201 ? 1 : 0, await SessionCountAsync(target, pairId));
    }

    [Theory]
    [MemberData(nameof(Feedback))]
    public async Task PostFeedback(string caller, string target, int expected)
    {
        var sessionId = await SessionWhereTargetIsTuteeAsync(target);
        using var client = await _peer.As(caller);

        var response = await client.PostAsJsonAsync(PeerDriver.Feedback(sessionId), new { rating = 4, comment = "Matrix." });

        await PeerDriver.AssertStatus(response, expected);
        var session = await _peer.SessionAsync(StudentOf(target), sessionId, AdminOf(target));
        var rating = session.GetProperty("tuteeRating");
        Assert.Equal(expected == 200 ? "4" : "null", rating.ValueKind == JsonValueKind.Null ? "null" : rating.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Supervise))]
    public async Task PutSession(string caller, string target, int expected)
    {
        var (sessionId, tutorId) = await SessionWhereTargetTutorsAsync(target);
        using var client = await _peer.As(caller);

        var response = await client.PutAsJsonAsync(PeerDriver.Session(sessionId), new
        {
            date = _peer.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), minutes = 20, tuteeAttended = true,
            notes = "Corrected.", reason = "Matrix correction.",
        });

        await PeerDriver.AssertStatus(response, expected);
        Assert.Equal(expected == 200 ? 20 : 30, (await _peer.SessionAsync(tutorId, sessionId, AdminOf(target))).GetProperty("minutes").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Supervise))]
    public async Task PostVoid(string caller, string target, int expected)
    {
        var (sessionId, tutorId) = await SessionWhereTargetTutorsAsync(target);
        using var client = await _peer.As(caller);

        var response = await client.PostAsJsonAsync(PeerDriver.Void(sessionId), new { reason = "Matrix void." });

        await PeerDriver.AssertStatus(response, expected);
        Assert.Equal(expected == 200, (await _peer.SessionAsync(tutorId, sessionId, AdminOf(target))).GetProperty("voided").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(StudentTutoring))]
    public async Task GetStudentPeerTutoring(string caller, string target, int expected)
    {
        // The target tutors in one pair (the demo and Cramlington students) or is tutored (the other Bridgemary student).
        var (_, pairId) = await PairWhereTargetTutorsAsync(target);
        using var client = await _peer.As(caller);

        var response = await client.GetAsync(PeerDriver.OfStudent(StudentOf(target)));

        await PeerDriver.AssertStatus(response, expected);
        if (expected == 200)
        {
            var tutoring = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(StudentOf(target), tutoring.GetProperty("studentId").GetGuid());
            var pairs = PeerDriver.Ids(tutoring.GetProperty("pairs")).Concat(PeerDriver.Ids(tutoring.GetProperty("tutoredBy")));
            Assert.Contains(pairId, pairs);
        }
    }

    /// <summary>Without signing in, every peer-tutoring endpoint is 401.</summary>
    [Fact]
    public async Task EveryEndpoint_WithoutSigningIn_Is401()
    {
        using var anonymous = factory.CreateClient();
        var id = Guid.NewGuid();

        HttpResponseMessage[] responses =
        [
            await anonymous.GetAsync(PeerDriver.Me),
            await anonymous.GetAsync(PeerDriver.Programmes),
            await anonymous.PostAsJsonAsync(PeerDriver.Programmes, PeerDriver.ProgrammeBody(DemoData.BridgemaryAdminId)),
            await anonymous.GetAsync(PeerDriver.Tutors(id)),
            await anonymous.PostAsJsonAsync(PeerDriver.Tutors(id), new { level = 50 }),
            await anonymous.PostAsJsonAsync(PeerDriver.Decision(id, id), new { approve = true }),
            await anonymous.PostAsJsonAsync(PeerDriver.Training(id, id), new { }),
            await anonymous.GetAsync(PeerDriver.Suggestions(id, id, 20)),
            await anonymous.PostAsJsonAsync(PeerDriver.Pairs(id), new { tutorId = id, tuteeId = id, tuteeLevel = 20 }),
            await anonymous.GetAsync(PeerDriver.Credits(id, id)),
            await anonymous.PostAsync(PeerDriver.Endorse(id, id), null),
            await anonymous.PostAsJsonAsync(PeerDriver.Sessions(id), PeerDriver.SessionBody(_peer.Today, 30)),
            await anonymous.PostAsJsonAsync(PeerDriver.Feedback(id), new { rating = 3 }),
            await anonymous.PutAsJsonAsync(PeerDriver.Session(id), new { date = "2026-09-07", minutes = 20, tuteeAttended = true, reason = "x" }),
            await anonymous.PostAsJsonAsync(PeerDriver.Void(id), new { reason = "x" }),
            await anonymous.GetAsync(PeerDriver.OfStudent(DemoData.BridgemaryStudentId)),
        ];

        foreach (var response in responses)
        {
            await response.AssertProblem(HttpStatusCode.Unauthorized);
        }
    }

    /// <summary>
    /// Cramlington's admin, who runs programmes at their own school, is told that every Bridgemary programme, pair and
    /// session does not exist — for reading and for every change — and nothing changes.
    /// </summary>
    [Fact]
    public async Task CramlingtonAdmin_Gets404_OnEveryBridgemaryProgrammePairAndSession()
    {
        var (programmeId, pairId) = await PairWhereTargetTutorsAsync(Demo);
        using (var tutor = await _peer.As(Accounts.Student))
        {
            await PeerDriver.LogAsync(tutor, pairId, _peer.Today, 30);
        }

        var sessionId = Assert.Single((await _peer.TutoringAsync(DemoData.BridgemaryStudentId)).GetProperty("sessions").EnumerateArray(), s => s.GetProperty("pairId").GetGuid() == pairId);
        var applicant = await factory.OtherTutorAsync();
        var tutorId = PeerDriver.Id(await _peer.NominateAsync(programmeId, applicant.Id, 50));
        using var cramlington = await _peer.As(Accounts.CramlingtonAdmin);

        HttpResponseMessage[] responses =
        [
            await cramlington.GetAsync(PeerDriver.Tutors(programmeId)),
            await cramlington.PostAsJsonAsync(PeerDriver.Tutors(programmeId), new { studentId = DemoData.CramlingtonStudentId, level = 50 }),
            await cramlington.PostAsJsonAsync(PeerDriver.Decision(programmeId, tutorId), new { approve = true }),
            await cramlington.PostAsJsonAsync(PeerDriver.Training(programmeId, tutorId), new { }),
            await cramlington.GetAsync(PeerDriver.Suggestions(programmeId, DemoData.CramlingtonStudentId, 20)),
            await cramlington.PostAsJsonAsync(PeerDriver.Pairs(programmeId), new { tutorId = DemoData.BridgemaryStudentId, tuteeId = PeerDriver.OtherStudentId, tuteeLevel = 20 }),
            await cramlington.GetAsync(PeerDriver.Credits(programmeId, DemoData.BridgemaryStudentId)),
            await cramlington.PostAsync(PeerDriver.Endorse(programmeId, DemoData.BridgemaryStudentId), null),
            await cramlington.PostAsJsonAsync(PeerDriver.Sessions(pairId), PeerDriver.SessionBody(_peer.Today, 30)),
            await cramlington.PostAsJsonAsync(PeerDriver.Feedback(PeerDriver.Id(sessionId)), new { rating = 1 }),
            await cramlington.PutAsJsonAsync(PeerDriver.Session(PeerDriver.Id(sessionId)), new { date = "2026-09-07", minutes = 5, tuteeAttended = false, reason = "x" }),
            await cramlington.PostAsJsonAsync(PeerDriver.Void(PeerDriver.Id(sessionId)), new { reason = "x" }),
            await cramlington.GetAsync(PeerDriver.OfStudent(DemoData.BridgemaryStudentId)),
        ];

        foreach (var response in responses)
        {
            await response.AssertProblem(HttpStatusCode.NotFound);
        }

        var tutors = await _peer.TutorsAsync(programmeId);
        Assert.Equal("Applied", tutors.Single(t => PeerDriver.Id(t) == tutorId).GetProperty("status").GetString());
        Assert.Equal(2, tutors.Count);
        var session = await _peer.SessionAsync(DemoData.BridgemaryStudentId, PeerDriver.Id(sessionId));
        Assert.Equal(0u, session.GetProperty("version").GetUInt32());
        Assert.Equal(0, (await _peer.GetAsync(Accounts.Admin, PeerDriver.Credits(programmeId, DemoData.BridgemaryStudentId))).GetProperty("creditsEndorsed").GetInt32());
    }

    private static bool AtCramlington(string account) => account.EndsWith("@cramlington.demo", StringComparison.Ordinal);

    private static string SchoolOf(string target) => target == Cram ? CramlingtonSchool : BridgemarySchool;

    private static string AdminOf(string targetOrSchool) => targetOrSchool is Cram or CramlingtonSchool ? Accounts.CramlingtonAdmin : Accounts.Admin;

    /// <summary>The target student: the demo student, another Bridgemary student, the Cramlington demo student.</summary>
    private static Guid StudentOf(string target) => target switch
    {
        Demo => DemoData.BridgemaryStudentId,
        Other => PeerDriver.OtherStudentId,
        Cram => DemoData.CramlingtonStudentId,
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    /// <summary>The tutor of the target's pair: the demo students themselves; for another student, a tutor no demo account is linked to.</summary>
    private async Task<Guid> TutorOfAsync(string target) => target == Other ? (await factory.OtherTutorAsync()).Id : StudentOf(target);

    /// <summary>The tutee of the pair the target's tutor tutors.</summary>
    private static Guid TuteeOf(string target) => target switch
    {
        Demo => PeerDriver.Bridgemary("BMC07002"),
        Other => PeerDriver.OtherStudentId,
        Cram => PeerDriver.Cramlington("CLV07001"),
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    /// <summary>A Year 11 with a sign-in at the target's school, who may tutor the target.</summary>
    private async Task<Guid> SeniorTutorOfAsync(string target) =>
        (target == Cram ? await factory.CramlingtonSeniorTutorAsync() : await factory.SeniorTutorAsync()).Id;

    private async Task<HttpClient> TutorClientAsync(string target) => target switch
    {
        Demo => await _peer.As(Accounts.Student),
        Cram => await _peer.As(Accounts.CramlingtonStudent),
        _ => await _peer.As(await factory.OtherTutorAsync()),
    };

    /// <summary>
    /// A new programme of the school, one credit per half hour: Bridgemary's for tutors in Years 10–11 and tutees in Years
    /// 7–10, supervised by the pastoral lead; Cramlington's for tutors in Years 9–11 and tutees in Years 7–9, supervised by its admin.
    /// </summary>
    private Task<Guid> ProgrammeAsync(string school) => school == CramlingtonSchool
        ? _peer.ProgrammeIdAsync(Accounts.CramlingtonAdmin, DemoData.CramlingtonAdminId, [9, 10, 11], [7, 8, 9], minutesPerCredit: 30)
        : _peer.ProgrammeIdAsync(Accounts.Admin, DemoData.BridgemaryPastoralId, [10, 11], [7, 8, 9, 10], minutesPerCredit: 30);

    /// <summary>A pair on a new programme where the target's tutor (see <see cref="TutorOfAsync"/>) tutors <see cref="TuteeOf"/>.</summary>
    private async Task<(Guid ProgrammeId, Guid PairId)> PairWhereTargetTutorsAsync(string target)
    {
        var programmeId = await ProgrammeAsync(SchoolOf(target));
        return (programmeId, await _peer.ReadyPairAsync(programmeId, await TutorOfAsync(target), TuteeOf(target), AdminOf(target)));
    }

    /// <summary>A 30-minute session logged today by the target's tutor; returns it and the tutor's student id.</summary>
    private async Task<(Guid SessionId, Guid TutorId)> SessionWhereTargetTutorsAsync(string target)
    {
        var (_, pairId) = await PairWhereTargetTutorsAsync(target);
        using var tutor = await TutorClientAsync(target);
        return (PeerDriver.Id(await PeerDriver.LogAsync(tutor, pairId, _peer.Today, 30)), await TutorOfAsync(target));
    }

    /// <summary>
    /// A session logged today in a pair where the target is the tutee: the demo students are tutored by a Year 11 of their
    /// school; the other Bridgemary student by their tutor from <see cref="PeerMatrixFactory"/>.
    /// </summary>
    private async Task<Guid> SessionWhereTargetIsTuteeAsync(string target)
    {
        var programmeId = await ProgrammeAsync(SchoolOf(target));
        var tutor = target switch
        {
            Demo => await factory.SeniorTutorAsync(),
            Cram => await factory.CramlingtonSeniorTutorAsync(),
            _ => await factory.OtherTutorAsync(),
        };
        var pairId = await _peer.ReadyPairAsync(programmeId, tutor.Id, StudentOf(target), AdminOf(target));
        using var client = await _peer.As(tutor);
        return PeerDriver.Id(await PeerDriver.LogAsync(client, pairId, _peer.Today, 30));
    }

    private async Task<int> SessionCountAsync(string target, Guid pairId) =>
        (await _peer.TutoringAsync(await TutorOfAsync(target), AdminOf(target))).GetProperty("sessions").EnumerateArray()
        .Count(s => s.GetProperty("pairId").GetGuid() == pairId);

    private static TheoryData<string, int> Callers(params (string Caller, int Expected)[] rows)
    {
        var data = new TheoryData<string, int>();
        foreach (var (caller, expected) in rows)
        {
            data.Add(caller, expected);
        }

        return data;
    }

    private static TheoryData<string, string, int> Schools(params (string Caller, int Bridgemary, int Cramlington)[] rows)
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (caller, bridgemary, cramlington) in rows)
        {
            data.Add(caller, BridgemarySchool, bridgemary);
            data.Add(caller, CramlingtonSchool, cramlington);
        }

        return data;
    }

    private static TheoryData<string, string, int> Matrix(params (string Caller, int Demo, int Other, int Cram)[] rows)
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (caller, demo, other, cram) in rows)
        {
            data.Add(caller, Demo, demo);
            data.Add(caller, Other, other);
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
}

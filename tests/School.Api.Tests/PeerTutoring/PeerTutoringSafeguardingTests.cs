namespace School.Api.Tests.PeerTutoring;

/// <summary>
/// Safeguarding. A pupil tutor sees only what tutoring needs: the tutee's name and year, and the sessions they share.
/// Everything else about the tutee is 404 to them, exactly as for any other pupil, and the same holds the other way round
/// and for the tutor's family. Guardians see their own child's tutoring, as tutor or as tutee.
/// The tutee here is the Bridgemary demo student (Year 10), whose record is full (learning plan, portfolio, check-ins,
/// guardians, timetable, challenges), so every 404 is a refusal and not an empty record; the tutor is a new Year 11
/// pupil with a sign-in and a guardian with a sign-in.
/// </summary>
public sealed class PeerTutoringSafeguardingTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private static readonly Guid Alex = DemoData.BridgemaryStudentId;

    private readonly PeerDriver _peer = new(factory);

    /// <summary>What a tutor must never read about their tutee (the tutee's own student routes).</summary>
    public static TheoryData<string> TuteeRecords => new()
    {
        string.Empty,
        "/learning-plan",
        "/portfolio/entries",
        "/portfolio/showcase",
        "/record-of-achievement",
        "/check-ins",
        "/mentor-assignments",
        "/guardians",
        "/timetable",
        "/challenges",
        "/peer-tutoring",
        "/passport",
    };

    [Theory]
    [MemberData(nameof(TuteeRecords))]
    public async Task APupilTutor_Gets404_OnTheirTuteesRecords(string path)
    {
        var (tutor, _, _, _) = await TutorOfAlexAsync();
        using var client = await _peer.As(tutor);
        using var admin = await _peer.As(Accounts.Admin);
        var url = $"/api/students/{Alex}{path}";

        var response = await client.GetAsync(url);

        await response.AssertProblem(HttpStatusCode.NotFound);
        // The record is there: the school's admin reads it.
        await PeerDriver.AssertStatus(await admin.GetAsync(url), 200);
    }

    [Theory]
    [MemberData(nameof(TuteeRecords))]
    public async Task TheTutorsGuardian_Gets404_OnTheTuteesRecords(string path)
    {
        var (_, guardian, _, _) = await TutorOfAlexAsync();
        using var client = await _peer.AsGuardian(guardian);

        var response = await client.GetAsync($"/api/students/{Alex}{path}");

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    /// <summary>The tutee (and their family) are no more entitled to the tutor's records.</summary>
    [Theory]
    [InlineData(Accounts.Student, "")]
    [InlineData(Accounts.Student, "/learning-plan")]
    [InlineData(Accounts.Student, "/portfolio/entries")]
    [InlineData(Accounts.Student, "/guardians")]
    [InlineData(Accounts.Student, "/timetable")]
    [InlineData(Accounts.Student, "/peer-tutoring")]
    [InlineData(Accounts.Student, "/record-of-achievement")]
    [InlineData(Accounts.Parent, "")]
    [InlineData(Accounts.Parent, "/peer-tutoring")]
    [InlineData(Accounts.Parent, "/record-of-achievement")]
    public async Task TheTutee_AndTheirGuardian_Get404_OnTheTutorsRecords(string account, string path)
    {
        var (tutor, _, _, _) = await TutorOfAlexAsync();
        using var client = await _peer.As(account);

        var response = await client.GetAsync($"/api/students/{tutor.Id}{path}");

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    /// <summary>
    /// The tutor's /me names the pair (its id and tuteeId) with only the tutee's name and year; nothing else about the
    /// tutee (pupil number, birthday, guardians, their contact details) is in the document.
    /// </summary>
    [Fact]
    public async Task APupilTutor_SeesOnlyTheTuteesNameAndYear()
    {
        var (tutor, _, _, pairId) = await TutorOfAlexAsync();
        using var client = await _peer.As(tutor);

        var response = await client.GetAsync(PeerDriver.Me);

        await PeerDriver.AssertStatus(response, 200);
        var body = await response.Content.ReadAsStringAsync();
        var me = JsonDocument.Parse(body).RootElement;
        Assert.Equal(tutor.Id, me.GetProperty("studentId").GetGuid());
        var pair = Assert.Single(me.GetProperty("pairs").EnumerateArray());
        Assert.Equal(pairId, PeerDriver.Id(pair));
        Assert.Equal(Alex, pair.GetProperty("tuteeId").GetGuid());
        Assert.Equal("Alex Morgan", pair.GetProperty("tuteeName").GetString());
        Assert.Equal(10, pair.GetProperty("tuteeYearGroup").GetInt32());
        Assert.Equal(
            ["active", "id", "programmeId", "subject", "tuteeId", "tuteeName", "tuteeYearGroup", "tutorId", "tutorName"],
            pair.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Empty(me.GetProperty("tutoredBy").EnumerateArray());
        Assert.Empty(me.GetProperty("children").EnumerateArray());
        foreach (var secret in new[] { "BMC10001", "2011-11-14", "parent@bridgemary.demo", "07700 900123", "Court order", "Jo", "Chris" })
        {
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// A tutee with two tutors: each tutor sees the sessions of their own pair only, never the other tutor's. The tutee
    /// sees both, rates one, and its tutor sees the rating. The supervisor's corrections (and their reasons) stay with staff.
    /// </summary>
    [Fact]
    public async Task APupilTutor_SeesOnlyTheSessionsTheyShare()
    {
        var (first, _, programmeId, firstPair) = await TutorOfAlexAsync();
        var second = await _peer.NewPupilAsync(11);
        var secondPair = await _peer.ReadyPairAsync(programmeId, second.Id, Alex);
        using var firstClient = await _peer.As(first);
        using var secondClient = await _peer.As(second);
        using var alex = await _peer.As(Accounts.Student);
        var mine = PeerDriver.Id(await PeerDriver.LogAsync(firstClient, firstPair, _peer.Today, 30, notes: "Quadratics."));
        var theirs = PeerDriver.Id(await PeerDriver.LogAsync(secondClient, secondPair, _peer.Today, 40, notes: "Essay plan for the other tutor."));
        using var supervisor = await _peer.As(Accounts.Pastoral);
        await PeerDriver.AssertStatus(await supervisor.PutAsJsonAsync(PeerDriver.Session(mine), new
        {
            date = _peer.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), minutes = 25, tuteeAttended = true, notes = "Quadratics.",
            reason = "Safeguarding note for staff only.",
        }), 200);
        await PeerDriver.AssertStatus(await alex.PostAsJsonAsync(PeerDriver.Feedback(mine), new { rating = 5, comment = "Really helpful." }), 200);

        var firstBody = await firstClient.GetStringAsync(PeerDriver.Me);
        var firstMe = JsonDocument.Parse(firstBody).RootElement;
        var alexMe = await PeerDriver.GetAsync(alex, PeerDriver.Me);

        var session = Assert.Single(firstMe.GetProperty("sessions").EnumerateArray());
        Assert.Equal(mine, PeerDriver.Id(session));
        Assert.Equal(25, session.GetProperty("minutes").GetInt32());
        Assert.Equal(5, session.GetProperty("tuteeRating").GetInt32());
        Assert.Equal(JsonValueKind.Null, session.GetProperty("history").ValueKind);
        Assert.DoesNotContain("Safeguarding note", firstBody, StringComparison.Ordinal);
        Assert.DoesNotContain("other tutor", firstBody, StringComparison.Ordinal);
        Assert.DoesNotContain(second.Name, firstBody, StringComparison.Ordinal);
        var alexSessions = PeerDriver.Ids(alexMe.GetProperty("sessions"));
        Assert.Contains(mine, alexSessions);
        Assert.Contains(theirs, alexSessions);
        Assert.Contains(firstPair, PeerDriver.Ids(alexMe.GetProperty("tutoredBy")));
        Assert.Contains(secondPair, PeerDriver.Ids(alexMe.GetProperty("tutoredBy")));
        // The other tutor cannot touch this pair's sessions either.
        await (await secondClient.PostAsJsonAsync(PeerDriver.Sessions(firstPair), PeerDriver.SessionBody(_peer.Today, 30))).AssertProblem(HttpStatusCode.NotFound);
        await (await secondClient.PostAsJsonAsync(PeerDriver.Feedback(mine), new { rating = 1 })).AssertProblem(HttpStatusCode.NotFound);
    }

    /// <summary>The tutor's guardian sees the child's tutoring (pairs, sessions, credits) in /me and on the child's route.</summary>
    [Fact]
    public async Task TheTutorsGuardian_SeesTheChildsTutoring()
    {
        var (tutor, guardianEmail, _, pairId) = await TutorOfAlexAsync();
        using var tutorClient = await _peer.As(tutor);
        var sessionId = PeerDriver.Id(await PeerDriver.LogAsync(tutorClient, pairId, _peer.Today, 45));
        using var guardian = await _peer.AsGuardian(guardianEmail);

        var me = await PeerDriver.GetAsync(guardian, PeerDriver.Me);
        var child = await PeerDriver.GetAsync(guardian, PeerDriver.OfStudent(tutor.Id));

        Assert.Equal(JsonValueKind.Null, me.GetProperty("studentId").ValueKind);
        var mine = Assert.Single(me.GetProperty("children").EnumerateArray());
        Assert.Equal(tutor.Id, mine.GetProperty("studentId").GetGuid());
        Assert.Equal([pairId], PeerDriver.Ids(mine.GetProperty("pairs")));
        Assert.Equal([sessionId], PeerDriver.Ids(mine.GetProperty("sessions")));
        Assert.Single(mine.GetProperty("credits").EnumerateArray());
        Assert.Equal(tutor.Id, child.GetProperty("studentId").GetGuid());
        Assert.Equal([pairId], PeerDriver.Ids(child.GetProperty("pairs")));
        Assert.Equal([sessionId], PeerDriver.Ids(child.GetProperty("sessions")));
        // Seeing the child's tutoring gives the family nothing of the tutee's beyond their name and year.
        var pair = mine.GetProperty("pairs")[0];
        Assert.Equal("Alex Morgan", pair.GetProperty("tuteeName").GetString());
        await (await guardian.GetAsync(PeerDriver.OfStudent(Alex))).AssertProblem(HttpStatusCode.NotFound);
    }

    /// <summary>The tutee's guardian (the demo parent) sees the child's tutoring: who tutors them and the sessions.</summary>
    [Fact]
    public async Task TheTuteesGuardian_SeesTheChildsTutoring()
    {
        var (tutor, _, _, pairId) = await TutorOfAlexAsync();
        using var tutorClient = await _peer.As(tutor);
        var sessionId = PeerDriver.Id(await PeerDriver.LogAsync(tutorClient, pairId, _peer.Today, 35));
        using var parent = await _peer.As(Accounts.Parent);

        var me = await PeerDriver.GetAsync(parent, PeerDriver.Me);
        var child = await PeerDriver.GetAsync(parent, PeerDriver.OfStudent(Alex));

        var alex = Assert.Single(me.GetProperty("children").EnumerateArray(), c => c.GetProperty("studentId").GetGuid() == Alex);
        var tutoredBy = Assert.Single(alex.GetProperty("tutoredBy").EnumerateArray(), p => PeerDriver.Id(p) == pairId);
        Assert.Equal(tutor.Id, tutoredBy.GetProperty("tutorId").GetGuid());
        Assert.Equal(tutor.Name, tutoredBy.GetProperty("tutorName").GetString());
        Assert.Contains(sessionId, PeerDriver.Ids(alex.GetProperty("sessions")));
        Assert.Contains(pairId, PeerDriver.Ids(child.GetProperty("tutoredBy")));
        Assert.Contains(sessionId, PeerDriver.Ids(child.GetProperty("sessions")));
        Assert.Empty(me.GetProperty("pairs").EnumerateArray());
    }

    /// <summary>A guardian whose access to the child has been stopped sees none of the child's tutoring.</summary>
    [Fact]
    public async Task AGuardianWhoseAccessIsStopped_SeesNoneOfTheChildsTutoring()
    {
        var programmeId = await _peer.ProgrammeIdAsync(tutorYears: [11], tuteeYears: [10]);
        var tutor = await _peer.NewPupilAsync(11);
        var (guardianId, email) = await _peer.NewGuardianLinkAsync(tutor.Id);
        await _peer.ReadyPairAsync(programmeId, tutor.Id, Alex);
        using var guardian = await _peer.AsGuardian(email);
        Assert.Single((await PeerDriver.GetAsync(guardian, PeerDriver.Me)).GetProperty("children").EnumerateArray());
        using var admin = await _peer.As(Accounts.Admin);
        await PeerDriver.AssertStatus(await admin.PutAsJsonAsync($"/api/students/{tutor.Id}/guardians/{guardianId}", new
        {
            relationship = "Mother",
            hasParentalResponsibility = true,
            accessAllowed = false,
            accessStoppedReason = "Court order.",
        }), 200);

        var withTheOldToken = await guardian.GetAsync(PeerDriver.Me);
        using var guardianAgain = await _peer.SignInAgainAsGuardian(email);
        var me = await PeerDriver.GetAsync(guardianAgain, PeerDriver.Me);
        var child = await guardianAgain.GetAsync(PeerDriver.OfStudent(tutor.Id));

        await withTheOldToken.AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Empty(me.GetProperty("children").EnumerateArray());
        await child.AssertProblem(HttpStatusCode.NotFound);
    }

    /// <summary>The credits endorsed for the tutor are in the record of achievement their guardian reads.</summary>
    [Fact]
    public async Task TheTutorsGuardian_SeesTheEndorsedCreditsInTheRecordOfAchievement()
    {
        var programmeId = await _peer.ProgrammeIdAsync(tutorYears: [11], tuteeYears: [10], minutesPerCredit: 30);
        var tutor = await _peer.NewPupilAsync(11);
        var guardianEmail = await _peer.NewGuardianAsync(tutor.Id);
        var pairId = await _peer.ReadyPairAsync(programmeId, tutor.Id, Alex);
        using var tutorClient = await _peer.As(tutor);
        await PeerDriver.LogAsync(tutorClient, pairId, _peer.Today, 60);
        using var supervisor = await _peer.As(Accounts.Pastoral);
        await PeerDriver.AssertStatus(await supervisor.PostAsync(PeerDriver.Endorse(programmeId, tutor.Id), null), 200);
        using var guardian = await _peer.AsGuardian(guardianEmail);

        var record = await PeerDriver.GetAsync(guardian, PeerDriver.RecordOfAchievement(tutor.Id));

        var item = Assert.Single(record.GetProperty("items").EnumerateArray());
        Assert.Equal("PeerTutoring", item.GetProperty("kind").GetString());
        Assert.Contains("2 credits", item.GetProperty("title").GetString());
    }

    /// <summary>A pupil outside the pair sees nothing of it and cannot log, rate or read it.</summary>
    [Fact]
    public async Task APupilOutsideThePair_SeesNothingOfIt()
    {
        var (tutor, _, _, pairId) = await TutorOfAlexAsync();
        using var tutorClient = await _peer.As(tutor);
        var sessionId = PeerDriver.Id(await PeerDriver.LogAsync(tutorClient, pairId, _peer.Today, 30));
        var outsider = await _peer.NewPupilAsync(11);
        using var client = await _peer.As(outsider);

        var me = await PeerDriver.GetAsync(client, PeerDriver.Me);
        var log = await client.PostAsJsonAsync(PeerDriver.Sessions(pairId), PeerDriver.SessionBody(_peer.Today, 30));
        var rate = await client.PostAsJsonAsync(PeerDriver.Feedback(sessionId), new { rating = 1 });
        var read = await client.GetAsync(PeerDriver.OfStudent(tutor.Id));

        Assert.Empty(me.GetProperty("pairs").EnumerateArray());
        Assert.Empty(me.GetProperty("tutoredBy").EnumerateArray());
        Assert.Empty(me.GetProperty("sessions").EnumerateArray());
        await log.AssertProblem(HttpStatusCode.NotFound);
        await rate.AssertProblem(HttpStatusCode.NotFound);
        await read.AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal([sessionId], PeerDriver.Ids((await _peer.TutoringAsync(tutor.Id)).GetProperty("sessions")));
    }

    /// <summary>Guardians neither log nor rate sessions, even for their own child's pair: the pair is not theirs (404).</summary>
    [Fact]
    public async Task Guardians_NeitherLogNorRateTheirChildsSessions()
    {
        var (tutor, guardianEmail, _, pairId) = await TutorOfAlexAsync();
        using var tutorClient = await _peer.As(tutor);
        var sessionId = PeerDriver.Id(await PeerDriver.LogAsync(tutorClient, pairId, _peer.Today, 30));
        using var tutorsGuardian = await _peer.AsGuardian(guardianEmail);
        using var tuteesGuardian = await _peer.As(Accounts.Parent);

        var log = await tutorsGuardian.PostAsJsonAsync(PeerDriver.Sessions(pairId), PeerDriver.SessionBody(_peer.Today, 30));
        var rate = await tuteesGuardian.PostAsJsonAsync(PeerDriver.Feedback(sessionId), new { rating = 1 });

        await log.AssertProblem(HttpStatusCode.NotFound);
        await rate.AssertProblem(HttpStatusCode.NotFound);
        var session = await _peer.SessionAsync(tutor.Id, sessionId);
        Assert.Equal(JsonValueKind.Null, session.GetProperty("tuteeRating").ValueKind);
        Assert.Single((await _peer.TutoringAsync(tutor.Id)).GetProperty("sessions").EnumerateArray());
    }

    /// <summary>A new Year 11 tutor (with a guardian) of the demo student on a new programme; both with sign-ins.</summary>
    private async Task<(PeerPupil Tutor, string GuardianEmail, Guid ProgrammeId, Guid PairId)> TutorOfAlexAsync()
    {
        var programmeId = await _peer.ProgrammeIdAsync(tutorYears: [11], tuteeYears: [10]);
        var tutor = await _peer.NewPupilAsync(11);
        var guardian = await _peer.NewGuardianAsync(tutor.Id);
        var pairId = await _peer.ReadyPairAsync(programmeId, tutor.Id, Alex);
        return (tutor, guardian, programmeId, pairId);
    }
}

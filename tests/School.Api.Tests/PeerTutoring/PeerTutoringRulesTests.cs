namespace School.Api.Tests.PeerTutoring;

/// <summary>
/// The Peer Learner Programme's rules, through the API: who may tutor (applied or nominated, approved, trained), who may be
/// paired with whom (years, ahead in the subject, same age only where allowed, the cap), how suggestions rank candidate
/// tutors, and how credits are counted (attended sessions only, voided logs left out, corrections kept in the history),
/// endorsed and written to the record of achievement. Every test makes its own programme and pupils.
/// </summary>
public sealed class PeerTutoringRulesTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private readonly PeerDriver _peer = new(factory);

    [Fact]
    public async Task Programme_WithoutACreditRule_IsOneCreditPerTenHoursOfAttendedSessions_WithACapOfThree()
    {
        using var admin = await _peer.As(Accounts.Admin);
        using var student = await _peer.As(Accounts.Student);

        var response = await admin.PostAsJsonAsync(PeerDriver.Programmes, PeerDriver.ProgrammeBody(DemoData.BridgemaryAdminId, subject: "English"));

        await PeerDriver.AssertStatus(response, 201);
        var programme = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(600, programme.GetProperty("minutesPerCredit").GetInt32());
        Assert.True(programme.GetProperty("onlyAttendedSessionsCount").GetBoolean());
        Assert.Equal(3, programme.GetProperty("maxTuteesPerTutor").GetInt32());
        Assert.False(programme.GetProperty("allowSameAge").GetBoolean());
        Assert.Equal([10, 11], programme.GetProperty("tutorYearGroups").EnumerateArray().Select(y => y.GetInt32()));
        Assert.Equal(DemoData.BridgemaryAdminId, programme.GetProperty("supervisorId").GetGuid());
        Assert.Equal($"/api/peer-tutoring/programmes/{PeerDriver.Id(programme)}", response.Headers.Location?.OriginalString);
        // Pupils see the school's programmes (they apply to them).
        Assert.Contains(PeerDriver.Id(programme), PeerDriver.Ids(await PeerDriver.GetAsync(student, PeerDriver.Programmes)));
    }

    [Fact]
    public async Task Tutors_APupilApplies_ATeacherNominates_TheSupervisorApprovesAndRecordsTraining()
    {
        var programmeId = await _peer.ProgrammeIdAsync();
        var applicant = await _peer.NewPupilAsync(10);
        var nominee = await _peer.NewPupilAsync(11, account: false);
        using var pupil = await _peer.As(applicant);
        using var teacher = await _peer.As(Accounts.Teacher);

        var applied = await pupil.PostAsJsonAsync(PeerDriver.Tutors(programmeId), new { level = 55 });
        var nominated = await teacher.PostAsJsonAsync(PeerDriver.Tutors(programmeId), new { studentId = nominee.Id, level = 70 });

        await PeerDriver.AssertStatus(applied, 201);
        await PeerDriver.AssertStatus(nominated, 201);
        var application = await applied.Content.ReadFromJsonAsync<JsonElement>();
        var nomination = await nominated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(applicant.Id, application.GetProperty("studentId").GetGuid());
        Assert.Equal("Applied", application.GetProperty("status").GetString());
        Assert.Equal(55, application.GetProperty("level").GetInt32());
        Assert.Equal(JsonValueKind.Null, application.GetProperty("nominatedBy").ValueKind);
        Assert.False(application.GetProperty("canTutor").GetBoolean());
        Assert.Equal(DemoData.BridgemaryTeacherId, nomination.GetProperty("nominatedBy").GetGuid());
        Assert.Equal("Applied", nomination.GetProperty("status").GetString());

        // The supervisor (the pastoral lead) approves; approval alone is not enough to tutor.
        var approved = await _peer.DecideAsync(programmeId, PeerDriver.Id(application), approve: true, by: Accounts.Pastoral);
        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        Assert.False(approved.GetProperty("canTutor").GetBoolean());
        Assert.Equal(JsonValueKind.Null, approved.GetProperty("trainedOn").ValueKind);

        var trained = await _peer.TrainAsync(programmeId, PeerDriver.Id(application), by: Accounts.Pastoral);
        Assert.Equal(_peer.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), trained.GetProperty("trainedOn").GetString());
        Assert.True(trained.GetProperty("canTutor").GetBoolean());

        var declined = await _peer.DecideAsync(programmeId, PeerDriver.Id(nomination), approve: false);
        Assert.Equal("Declined", declined.GetProperty("status").GetString());

        var tutors = await _peer.TutorsAsync(programmeId);
        Assert.Equal(2, tutors.Count);
        Assert.True(tutors.Single(t => t.GetProperty("studentId").GetGuid() == applicant.Id).GetProperty("canTutor").GetBoolean());
        Assert.False(tutors.Single(t => t.GetProperty("studentId").GetGuid() == nominee.Id).GetProperty("canTutor").GetBoolean());
    }

    [Fact]
    public async Task Training_OnAGivenPastDay_IsRecordedOnThatDay()
    {
        var programmeId = await _peer.ProgrammeIdAsync();
        var pupil = await _peer.NewPupilAsync(10, account: false);
        var tutorId = PeerDriver.Id(await _peer.NominateAsync(programmeId, pupil.Id, 50));
        await _peer.DecideAsync(programmeId, tutorId);
        using var admin = await _peer.As(Accounts.Admin);

        var response = await admin.PostAsJsonAsync(PeerDriver.Training(programmeId, tutorId), new { on = "2026-09-02" });

        await PeerDriver.AssertStatus(response, 200);
        Assert.Equal("2026-09-02", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trainedOn").GetString());
    }

    [Fact]
    public async Task Tutors_ApplyingFromOutsideTheTutorYears_OrTwice_Is409()
    {
        var programmeId = await _peer.ProgrammeIdAsync(tutorYears: [10, 11]);
        var year8 = await _peer.NewPupilAsync(8);
        var year10 = await _peer.NewPupilAsync(10);
        using var young = await _peer.As(year8);
        using var old = await _peer.As(year10);

        var tooYoung = await young.PostAsJsonAsync(PeerDriver.Tutors(programmeId), new { level = 90 });
        await PeerDriver.AssertStatus(await old.PostAsJsonAsync(PeerDriver.Tutors(programmeId), new { level = 50 }), 201);
        var twice = await old.PostAsJsonAsync(PeerDriver.Tutors(programmeId), new { level = 60 });

        await PeerDriver.AssertConflict(tooYoung, "peer.tutor_year");
        await PeerDriver.AssertConflict(twice, "peer.already_applied");
        var tutor = Assert.Single(await _peer.TutorsAsync(programmeId));
        Assert.Equal(50, tutor.GetProperty("level").GetInt32());
    }

    [Fact]
    public async Task Tutors_ADecisionIsTakenOnce_AndOnlyAnApprovedTutorIsTrained()
    {
        var programmeId = await _peer.ProgrammeIdAsync();
        var pupil = await _peer.NewPupilAsync(10, account: false);
        var other = await _peer.NewPupilAsync(10, account: false);
        var tutorId = PeerDriver.Id(await _peer.NominateAsync(programmeId, pupil.Id, 50));
        var applicantId = PeerDriver.Id(await _peer.NominateAsync(programmeId, other.Id, 50));
        using var admin = await _peer.As(Accounts.Admin);

        var untrainedApplicant = await admin.PostAsJsonAsync(PeerDriver.Training(programmeId, applicantId), new { });
        await _peer.DecideAsync(programmeId, tutorId, approve: false);
        var again = await admin.PostAsJsonAsync(PeerDriver.Decision(programmeId, tutorId), new { approve = true });
        var trainDeclined = await admin.PostAsJsonAsync(PeerDriver.Training(programmeId, tutorId), new { });

        await PeerDriver.AssertConflict(untrainedApplicant, "peer.not_approved");
        await PeerDriver.AssertConflict(again, "peer.already_decided");
        await PeerDriver.AssertConflict(trainDeclined, "peer.not_approved");
        var tutors = await _peer.TutorsAsync(programmeId);
        Assert.Equal("Declined", tutors.Single(t => PeerDriver.Id(t) == tutorId).GetProperty("status").GetString());
        Assert.All(tutors, t => Assert.Equal(JsonValueKind.Null, t.GetProperty("trainedOn").ValueKind));
    }

    /// <summary>Only an approved tutor who has completed the training is paired; the pair is not made.</summary>
    [Theory]
    [InlineData("applied")]
    [InlineData("approved, not trained")]
    [InlineData("declined")]
    public async Task Pair_WithATutorNotReady_Is409TutorNotReady(string state)
    {
        var programmeId = await _peer.ProgrammeIdAsync();
        var tutor = await _peer.NewPupilAsync(10, account: false);
        var tutee = await _peer.NewPupilAsync(8, account: false);
        var tutorId = PeerDriver.Id(await _peer.NominateAsync(programmeId, tutor.Id, 60));
        if (state != "applied")
        {
            await _peer.DecideAsync(programmeId, tutorId, approve: state != "declined");
        }

        using var admin = await _peer.As(Accounts.Admin);

        var response = await admin.PostAsJsonAsync(PeerDriver.Pairs(programmeId), new { tutorId = tutor.Id, tuteeId = tutee.Id, tuteeLevel = 20 });

        await PeerDriver.AssertConflict(response, "peer.tutor_not_ready");
        Assert.Empty((await _peer.TutoringAsync(tutor.Id)).GetProperty("pairs").EnumerateArray());
        Assert.Empty((await _peer.TutoringAsync(tutee.Id)).GetProperty("tutoredBy").EnumerateArray());
    }

    [Fact]
    public async Task Pair_WithAPupilWhoNeverApplied_Is400NamingTutorId()
    {
        var programmeId = await _peer.ProgrammeIdAsync();
        var tutor = await _peer.NewPupilAsync(10, account: false);
        var tutee = await _peer.NewPupilAsync(8, account: false);
        using var admin = await _peer.As(Accounts.Admin);

        var response = await admin.PostAsJsonAsync(PeerDriver.Pairs(programmeId), new { tutorId = tutor.Id, tuteeId = tutee.Id, tuteeLevel = 20 });

        await response.AssertValidationProblem("tutorId");
    }

    /// <summary>
    /// The tutor is older than the tutee (or the same age where the programme allows it) and ahead in the subject; the
    /// tutee is in one of the programme's tutee years. Tutors in Years 8–10, tutees in Years 8 and 9.
    /// </summary>
    [Theory]
    [InlineData(10, 51, 8, 50, false, null)]
    [InlineData(10, 50, 8, 50, false, "peer.tutor_not_ahead")]
    [InlineData(10, 40, 8, 55, false, "peer.tutor_not_ahead")]
    [InlineData(9, 60, 9, 20, false, "peer.tutor_not_older")]
    [InlineData(9, 60, 9, 20, true, null)]
    [InlineData(9, 20, 9, 20, true, "peer.tutor_not_ahead")]
    [InlineData(8, 90, 9, 20, true, "peer.tutor_not_older")]
    [InlineData(10, 90, 10, 20, true, "peer.tutee_year")]
    public async Task Pair_FollowsTheProgrammesYearsAndLevels(int tutorYear, int tutorLevel, int tuteeYear, int tuteeLevel, bool allowSameAge, string? code)
    {
        var programmeId = await _peer.ProgrammeIdAsync(tutorYears: [8, 9, 10], tuteeYears: [8, 9], allowSameAge: allowSameAge);
        var tutor = await _peer.NewPupilAsync(tutorYear, account: false);
        var tutee = await _peer.NewPupilAsync(tuteeYear, account: false);
        await _peer.TrainedTutorAsync(programmeId, tutor.Id, tutorLevel);
        using var admin = await _peer.As(Accounts.Admin);

        var response = await admin.PostAsJsonAsync(PeerDriver.Pairs(programmeId), new { tutorId = tutor.Id, tuteeId = tutee.Id, tuteeLevel });

        if (code is null)
        {
            await PeerDriver.AssertStatus(response, 201);
            var pair = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(tutor.Id, pair.GetProperty("tutorId").GetGuid());
            Assert.Equal(tutee.Id, pair.GetProperty("tuteeId").GetGuid());
            Assert.Equal(tuteeYear, pair.GetProperty("tuteeYearGroup").GetInt32());
            Assert.True(pair.GetProperty("active").GetBoolean());
        }
        else
        {
            await PeerDriver.AssertConflict(response, code);
            Assert.Empty((await _peer.TutoringAsync(tutor.Id)).GetProperty("pairs").EnumerateArray());
        }
    }

    [Fact]
    public async Task Pair_BeyondTheTutorsCap_Is409TutorFull()
    {
        var programmeId = await _peer.ProgrammeIdAsync(maxTuteesPerTutor: 2);
        var tutor = await _peer.NewPupilAsync(10, account: false);
        var tutees = new List<PeerPupil>();
        for (var i = 0; i < 3; i++)
        {
            tutees.Add(await _peer.NewPupilAsync(8, account: false));
        }

        await _peer.TrainedTutorAsync(programmeId, tutor.Id, 60);
        await _peer.PairAsync(programmeId, tutor.Id, tutees[0].Id, 20);
        await _peer.PairAsync(programmeId, tutor.Id, tutees[1].Id, 20);
        using var admin = await _peer.As(Accounts.Admin);

        var third = await admin.PostAsJsonAsync(PeerDriver.Pairs(programmeId), new { tutorId = tutor.Id, tuteeId = tutees[2].Id, tuteeLevel = 20 });

        await PeerDriver.AssertConflict(third, "peer.tutor_full");
        Assert.Equal(2, Assert.Single(await _peer.TutorsAsync(programmeId)).GetProperty("activePairs").GetInt32());
        Assert.Equal(2, (await _peer.TutoringAsync(tutor.Id)).GetProperty("pairs").GetArrayLength());
    }

    [Fact]
    public async Task Pair_TheSameTwoTwice_Is409AlreadyPaired_AndATutorNeverTutorsThemself()
    {
        var programmeId = await _peer.ProgrammeIdAsync(tutorYears: [9, 10], tuteeYears: [9], allowSameAge: true);
        var tutor = await _peer.NewPupilAsync(10, account: false);
        var tutee = await _peer.NewPupilAsync(9, account: false);
        var both = await _peer.NewPupilAsync(9, account: false);
        await _peer.TrainedTutorAsync(programmeId, tutor.Id, 60);
        await _peer.TrainedTutorAsync(programmeId, both.Id, 60);
        await _peer.PairAsync(programmeId, tutor.Id, tutee.Id, 20);
        using var admin = await _peer.As(Accounts.Admin);

        var twice = await admin.PostAsJsonAsync(PeerDriver.Pairs(programmeId), new { tutorId = tutor.Id, tuteeId = tutee.Id, tuteeLevel = 20 });
        var self = await admin.PostAsJsonAsync(PeerDriver.Pairs(programmeId), new { tutorId = both.Id, tuteeId = both.Id, tuteeLevel = 20 });

        await PeerDriver.AssertConflict(twice, "peer.already_paired");
        await PeerDriver.AssertConflict(self, "peer.self");
        Assert.Single((await _peer.TutoringAsync(tutor.Id)).GetProperty("pairs").EnumerateArray());
        Assert.Empty((await _peer.TutoringAsync(both.Id)).GetProperty("pairs").EnumerateArray());
    }

    /// <summary>
    /// Two Year 10 tutors for a Year 8 tutee at level 30: one 2 levels ahead with no tutees, one 8 levels ahead who already
    /// has 2 (of 3). A little ahead explains best and the lighter load wins: the first ranks above the second.
    /// </summary>
    [Fact]
    public async Task Suggestions_ATutorALittleAheadWithNoTutees_RanksAboveOneFarAheadWithTwo()
    {
        var programmeId = await _peer.ProgrammeIdAsync();
        var near = await _peer.NewPupilAsync(10, account: false, givenName: "Zara"); // named to sort last, so the order is not by name
        var far = await _peer.NewPupilAsync(10, account: false, givenName: "Aaron");
        var tutee = await _peer.NewPupilAsync(8, account: false);
        await _peer.TrainedTutorAsync(programmeId, near.Id, 32);
        await _peer.TrainedTutorAsync(programmeId, far.Id, 38);
        await _peer.PairAsync(programmeId, far.Id, (await _peer.NewPupilAsync(8, account: false)).Id, 10);
        await _peer.PairAsync(programmeId, far.Id, (await _peer.NewPupilAsync(9, account: false)).Id, 10);

        var suggestions = (await _peer.GetAsync(Accounts.Pastoral, PeerDriver.Suggestions(programmeId, tutee.Id, 30))).EnumerateArray().ToList();

        Assert.Equal([near.Id, far.Id], suggestions.Select(s => s.GetProperty("tutorId").GetGuid()));
        var (first, second) = (suggestions[0], suggestions[1]);
        Assert.Equal(2, first.GetProperty("levelAhead").GetInt32());
        Assert.Equal(8, second.GetProperty("levelAhead").GetInt32());
        Assert.Equal(0, first.GetProperty("activePairs").GetInt32());
        Assert.Equal(2, second.GetProperty("activePairs").GetInt32());
        Assert.Equal(3, first.GetProperty("cap").GetInt32());
        Assert.Equal(2, first.GetProperty("yearGap").GetInt32());
        Assert.Equal(first.GetProperty("freeSlotsInCommon").GetInt32(), second.GetProperty("freeSlotsInCommon").GetInt32());
        Assert.True(first.GetProperty("score").GetDouble() > second.GetProperty("score").GetDouble());
        Assert.Equal(near.Name, first.GetProperty("name").GetString());
        Assert.Equal(10, first.GetProperty("yearGroup").GetInt32());
    }

    /// <summary>Equally far ahead and equally loaded: a tutor one or two years older ranks above one three years older.</summary>
    [Fact]
    public async Task Suggestions_PreferATutorAYearOrTwoOlder_ToOneMuchOlder()
    {
        var programmeId = await _peer.ProgrammeIdAsync(tutorYears: [9, 10, 11], tuteeYears: [8]);
        var year11 = await _peer.NewPupilAsync(11, account: false, givenName: "Abel");
        var year9 = await _peer.NewPupilAsync(9, account: false, givenName: "Yusuf");
        var tutee = await _peer.NewPupilAsync(8, account: false);
        await _peer.TrainedTutorAsync(programmeId, year11.Id, 42);
        await _peer.TrainedTutorAsync(programmeId, year9.Id, 42);

        var suggestions = (await _peer.GetAsync(Accounts.Admin, PeerDriver.Suggestions(programmeId, tutee.Id, 40))).EnumerateArray().ToList();

        Assert.Equal([year9.Id, year11.Id], suggestions.Select(s => s.GetProperty("tutorId").GetGuid()));
        Assert.Equal([1, 3], suggestions.Select(s => s.GetProperty("yearGap").GetInt32()));
    }

    /// <summary>
    /// Equally far ahead, the same year, no tutees: a tutor who shares free time with the tutee in the next fortnight ranks
    /// above one on an all-day placement for the next month (no free half hour in common).
    /// </summary>
    [Fact]
    public async Task Suggestions_ATutorWithFreeTimeInCommon_RanksAboveOneWhoIsNeverFree()
    {
        var programmeId = await _peer.ProgrammeIdAsync();
        var busy = await _peer.NewPupilAsync(10, account: false, givenName: "Abigail");
        var free = await _peer.NewPupilAsync(10, account: false, givenName: "Zoe");
        var tutee = await _peer.NewPupilAsync(8, account: false);
        await _peer.TrainedTutorAsync(programmeId, busy.Id, 35);
        await _peer.TrainedTutorAsync(programmeId, free.Id, 35);
        using var admin = await _peer.As(Accounts.Admin);
        await PeerDriver.AssertStatus(await admin.PostAsJsonAsync("/api/timetable/blocks", new
        {
            title = "Work placement",
            kind = "OffSitePlacement",
            studentIds = new[] { busy.Id },
            fromDate = _peer.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            toDate = _peer.Today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            start = "06:00",
            durationMinutes = 720,
        }), 201);

        var suggestions = (await _peer.GetAsync(Accounts.Admin, PeerDriver.Suggestions(programmeId, tutee.Id, 30))).EnumerateArray().ToList();

        Assert.Equal([free.Id, busy.Id], suggestions.Select(s => s.GetProperty("tutorId").GetGuid()));
        Assert.True(suggestions[0].GetProperty("freeSlotsInCommon").GetInt32() > 0);
        Assert.Equal(0, suggestions[1].GetProperty("freeSlotsInCommon").GetInt32());
    }

    /// <summary>Only approved, trained tutors the programme lets tutor this tutee, with room under the cap, are suggested.</summary>
    [Fact]
    public async Task Suggestions_LeaveOutEveryoneWhoCouldNotBePairedWithTheTutee()
    {
        var programmeId = await _peer.ProgrammeIdAsync(tutorYears: [8, 9, 10, 11], tuteeYears: [8], maxTuteesPerTutor: 1);
        var tutee = await _peer.NewPupilAsync(8, account: false);
        var eligible = await _peer.NewPupilAsync(10, account: false);
        await _peer.TrainedTutorAsync(programmeId, eligible.Id, 50);
        var applied = await _peer.NewPupilAsync(10, account: false);
        await _peer.NominateAsync(programmeId, applied.Id, 50);
        var untrained = await _peer.NewPupilAsync(10, account: false);
        await _peer.DecideAsync(programmeId, PeerDriver.Id(await _peer.NominateAsync(programmeId, untrained.Id, 50)));
        var declined = await _peer.NewPupilAsync(10, account: false);
        await _peer.DecideAsync(programmeId, PeerDriver.Id(await _peer.NominateAsync(programmeId, declined.Id, 50)), approve: false);
        var notAhead = await _peer.NewPupilAsync(11, account: false);
        await _peer.TrainedTutorAsync(programmeId, notAhead.Id, 30);
        var sameYear = await _peer.NewPupilAsync(8, account: false);
        await _peer.TrainedTutorAsync(programmeId, sameYear.Id, 90);
        var full = await _peer.NewPupilAsync(10, account: false);
        await _peer.TrainedTutorAsync(programmeId, full.Id, 50);
        await _peer.PairAsync(programmeId, full.Id, (await _peer.NewPupilAsync(8, account: false)).Id, 10);

        var suggestions = await _peer.GetAsync(Accounts.Admin, PeerDriver.Suggestions(programmeId, tutee.Id, 30));

        Assert.Equal([eligible.Id], suggestions.EnumerateArray().Select(s => s.GetProperty("tutorId").GetGuid()));
    }

    /// <summary>
    /// One credit per hour, attended sessions only: 90 + 45 + 120 attended minutes (60 not attended) are 255 minutes, 4
    /// credits. Voiding the 120 leaves 135 (2 credits); the voided log stays, marked, with the earlier state in its history.
    /// </summary>
    [Fact]
    public async Task Credits_CountOnlyAttendedSessions_AndNotVoidedOnes()
    {
        var (programmeId, tutor, pairId) = await PairWithTutorAsync(minutesPerCredit: 60);
        using var client = await _peer.As(tutor);
        var today = _peer.Today;
        await PeerDriver.LogAsync(client, pairId, today.AddDays(-6), 90);
        await PeerDriver.LogAsync(client, pairId, today.AddDays(-5), 60, tuteeAttended: false);
        await PeerDriver.LogAsync(client, pairId, today.AddDays(-4), 45);
        var longSession = PeerDriver.Id(await PeerDriver.LogAsync(client, pairId, today.AddDays(-3), 120));

        var before = await PeerDriver.GetAsync(client, PeerDriver.Credits(programmeId, tutor.Id));
        using var supervisor = await _peer.As(Accounts.Pastoral);
        var voided = await supervisor.PostAsJsonAsync(PeerDriver.Void(longSession), new { reason = "Logged twice." });
        var after = await PeerDriver.GetAsync(client, PeerDriver.Credits(programmeId, tutor.Id));

        Assert.Equal(255, before.GetProperty("countedMinutes").GetInt32());
        Assert.Equal(4, before.GetProperty("creditsEarned").GetInt32());
        Assert.Equal(0, before.GetProperty("creditsEndorsed").GetInt32());
        Assert.Equal(60, before.GetProperty("minutesPerCredit").GetInt32());
        await PeerDriver.AssertStatus(voided, 200);
        var session = await voided.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(session.GetProperty("voided").GetBoolean());
        var earlier = Assert.Single(session.GetProperty("history").EnumerateArray());
        Assert.Equal(120, earlier.GetProperty("minutes").GetInt32());
        Assert.False(earlier.GetProperty("voided").GetBoolean());
        Assert.Equal("Logged twice.", earlier.GetProperty("reason").GetString());
        Assert.Equal(DemoData.BridgemaryPastoralId, earlier.GetProperty("changedBy").GetGuid());
        Assert.Equal(135, after.GetProperty("countedMinutes").GetInt32());
        Assert.Equal(2, after.GetProperty("creditsEarned").GetInt32());
        // The tutor still sees the log, marked void, and their credits in /me.
        var me = await PeerDriver.GetAsync(client, PeerDriver.Me);
        Assert.True(me.GetProperty("sessions").EnumerateArray().Single(s => PeerDriver.Id(s) == longSession).GetProperty("voided").GetBoolean());
        Assert.Equal(4, me.GetProperty("sessions").GetArrayLength());
        var credits = Assert.Single(me.GetProperty("credits").EnumerateArray(), c => c.GetProperty("programmeId").GetGuid() == programmeId);
        Assert.Equal(2, credits.GetProperty("creditsEarned").GetInt32());
    }

    [Fact]
    public async Task Credits_WhenTheProgrammeCountsEverySession_IncludeSessionsTheTuteeMissed()
    {
        var (programmeId, tutor, pairId) = await PairWithTutorAsync(minutesPerCredit: 60, onlyAttended: false);
        using var client = await _peer.As(tutor);
        await PeerDriver.LogAsync(client, pairId, _peer.Today.AddDays(-2), 40);
        await PeerDriver.LogAsync(client, pairId, _peer.Today.AddDays(-1), 30, tuteeAttended: false);

        var credits = await _peer.GetAsync(Accounts.Admin, PeerDriver.Credits(programmeId, tutor.Id));

        Assert.Equal(70, credits.GetProperty("countedMinutes").GetInt32());
        Assert.Equal(1, credits.GetProperty("creditsEarned").GetInt32());
    }

    /// <summary>By default ten hours earn a credit: 540 minutes earn none, the 600th minute earns the first.</summary>
    [Fact]
    public async Task Credits_ByDefault_AreOnePerTenHours()
    {
        var (programmeId, tutor, pairId) = await PairWithTutorAsync(minutesPerCredit: null);
        using var client = await _peer.As(tutor);
        for (var day = 1; day <= 3; day++)
        {
            await PeerDriver.LogAsync(client, pairId, _peer.Today.AddDays(-day), 180);
        }

        var nine = await PeerDriver.GetAsync(client, PeerDriver.Credits(programmeId, tutor.Id));
        await PeerDriver.LogAsync(client, pairId, _peer.Today, 60);
        var ten = await PeerDriver.GetAsync(client, PeerDriver.Credits(programmeId, tutor.Id));

        Assert.Equal(540, nine.GetProperty("countedMinutes").GetInt32());
        Assert.Equal(0, nine.GetProperty("creditsEarned").GetInt32());
        Assert.Equal(600, ten.GetProperty("countedMinutes").GetInt32());
        Assert.Equal(1, ten.GetProperty("creditsEarned").GetInt32());
    }

    /// <summary>
    /// The supervisor corrects a log (45 → 30 minutes), then marks the tutee absent: each earlier state is kept, newest
    /// last, with who changed it and why; the count follows the corrected log. Voiding it afterwards keeps all three.
    /// </summary>
    [Fact]
    public async Task Correction_ChangesTheCount_AndKeepsEveryEarlierStateInTheHistory()
    {
        var (programmeId, tutor, pairId) = await PairWithTutorAsync(minutesPerCredit: 30);
        using var client = await _peer.As(tutor);
        var date = _peer.Today.AddDays(-2);
        var sessionId = PeerDriver.Id(await PeerDriver.LogAsync(client, pairId, date, 45, notes: "Times tables."));
        using var supervisor = await _peer.As(Accounts.Pastoral);
        using var admin = await _peer.As(Accounts.Admin);

        var first = await supervisor.PutAsJsonAsync(PeerDriver.Session(sessionId), new
        {
            date = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), minutes = 30, tuteeAttended = true, notes = "Times tables.",
            reason = "The tutee left after half an hour.",
        });
        var counted = await _peer.GetAsync(Accounts.Admin, PeerDriver.Credits(programmeId, tutor.Id));
        var second = await admin.PutAsJsonAsync(PeerDriver.Session(sessionId), new
        {
            date = date.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), minutes = 30, tuteeAttended = false,
            notes = (string?)null, reason = "Register says absent.",
        });
        var absent = await _peer.GetAsync(Accounts.Admin, PeerDriver.Credits(programmeId, tutor.Id));
        var voided = await supervisor.PostAsJsonAsync(PeerDriver.Void(sessionId), new { reason = "Not a tutoring session." });

        await PeerDriver.AssertStatus(first, 200);
        var corrected = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(30, corrected.GetProperty("minutes").GetInt32());
        var kept = Assert.Single(corrected.GetProperty("history").EnumerateArray());
        Assert.Equal(45, kept.GetProperty("minutes").GetInt32());
        Assert.Equal("Times tables.", kept.GetProperty("notes").GetString());
        Assert.Equal("The tutee left after half an hour.", kept.GetProperty("reason").GetString());
        Assert.Equal(DemoData.BridgemaryPastoralId, kept.GetProperty("changedBy").GetGuid());
        Assert.Equal(30, counted.GetProperty("countedMinutes").GetInt32());
        Assert.Equal(1, counted.GetProperty("creditsEarned").GetInt32());

        await PeerDriver.AssertStatus(second, 200);
        var recorrected = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(recorrected.GetProperty("tuteeAttended").GetBoolean());
        Assert.Equal(date.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), recorrected.GetProperty("date").GetString());
        Assert.Equal([45, 30], recorrected.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("minutes").GetInt32()));
        Assert.Equal(DemoData.BridgemaryAdminId, recorrected.GetProperty("history")[1].GetProperty("changedBy").GetGuid());
        Assert.Equal(0, absent.GetProperty("countedMinutes").GetInt32());

        await PeerDriver.AssertStatus(voided, 200);
        var history = (await voided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(3, history.Count);
        Assert.Equal(["The tutee left after half an hour.", "Register says absent.", "Not a tutoring session."], history.Select(h => h.GetProperty("reason").GetString()));
        Assert.True(history[2].GetProperty("tuteeAttended").ValueKind == JsonValueKind.False);
    }

    /// <summary>
    /// Endorsing awards the credits earned since the last endorsement and writes an endorsed peer-tutoring entry to the
    /// tutor's record of achievement; with nothing new, a second endorsement is 409 and writes nothing; once another credit
    /// is earned, the next endorsement awards just that one.
    /// </summary>
    [Fact]
    public async Task Endorse_WritesTheCreditsToTheRecordOfAchievement_AndNothingNewToEndorseIs409()
    {
        var (programmeId, tutor, pairId) = await PairWithTutorAsync(minutesPerCredit: 60, subject: "Reading");
        using var client = await _peer.As(tutor);
        await PeerDriver.LogAsync(client, pairId, _peer.Today.AddDays(-3), 90);
        await PeerDriver.LogAsync(client, pairId, _peer.Today.AddDays(-2), 60);
        using var supervisor = await _peer.As(Accounts.Pastoral);

        var endorsed = await supervisor.PostAsync(PeerDriver.Endorse(programmeId, tutor.Id), null);
        var again = await supervisor.PostAsync(PeerDriver.Endorse(programmeId, tutor.Id), null);
        var record = await PeerDriver.GetAsync(client, PeerDriver.RecordOfAchievement(tutor.Id));

        await PeerDriver.AssertStatus(endorsed, 200);
        var credits = await endorsed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, credits.GetProperty("creditsEarned").GetInt32());
        Assert.Equal(2, credits.GetProperty("creditsEndorsed").GetInt32());
        await PeerDriver.AssertConflict(again, "peer.nothing_to_endorse");
        var item = Assert.Single(record.GetProperty("items").EnumerateArray(), i => i.GetProperty("kind").GetString() == "PeerTutoring");
        Assert.Contains("Reading", item.GetProperty("title").GetString());
        Assert.Contains("2 credits", item.GetProperty("title").GetString());
        Assert.Equal(["Reading"], item.GetProperty("subjects").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(DemoData.BridgemaryPastoralId, item.GetProperty("endorsement").GetProperty("endorsedBy").GetProperty("id").GetGuid());
        Assert.Equal(2, (await PeerDriver.GetAsync(client, PeerDriver.Credits(programmeId, tutor.Id))).GetProperty("creditsEndorsed").GetInt32());

        await PeerDriver.LogAsync(client, pairId, _peer.Today.AddDays(-1), 40);
        await PeerDriver.AssertStatus(await supervisor.PostAsync(PeerDriver.Endorse(programmeId, tutor.Id), null), 200);
        var titles = (await PeerDriver.GetAsync(client, PeerDriver.RecordOfAchievement(tutor.Id))).GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("kind").GetString() == "PeerTutoring").Select(i => i.GetProperty("title").GetString()!).ToList();
        Assert.Equal(2, titles.Count);
        Assert.Single(titles, t => t.Contains("1 credit", StringComparison.Ordinal) && !t.Contains("1 credits", StringComparison.Ordinal));
        Assert.Equal(3, (await PeerDriver.GetAsync(client, PeerDriver.Credits(programmeId, tutor.Id))).GetProperty("creditsEndorsed").GetInt32());
    }

    [Fact]
    public async Task Endorse_WithNoCreditEarned_Is409_AndWritesNothing()
    {
        var (programmeId, tutor, pairId) = await PairWithTutorAsync(minutesPerCredit: 60);
        using var client = await _peer.As(tutor);
        await PeerDriver.LogAsync(client, pairId, _peer.Today.AddDays(-1), 120, tuteeAttended: false);
        await PeerDriver.LogAsync(client, pairId, _peer.Today, 59);
        using var admin = await _peer.As(Accounts.Admin);

        var response = await admin.PostAsync(PeerDriver.Endorse(programmeId, tutor.Id), null);

        await PeerDriver.AssertConflict(response, "peer.nothing_to_endorse");
        var record = await PeerDriver.GetAsync(admin, PeerDriver.RecordOfAchievement(tutor.Id));
        Assert.Empty(record.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Endorse_ForAPupilWhoIsNotATutorOfTheProgramme_Is404()
    {
        var programmeId = await _peer.ProgrammeIdAsync();
        var pupil = await _peer.NewPupilAsync(10, account: false);
        using var admin = await _peer.As(Accounts.Admin);

        var response = await admin.PostAsync(PeerDriver.Endorse(programmeId, pupil.Id), null);

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Feedback_TheTuteeRatesASharedSession_AndTheTutorSeesIt()
    {
        var programmeId = await _peer.ProgrammeIdAsync();
        var tutor = await _peer.NewPupilAsync(10);
        var tutee = await _peer.NewPupilAsync(8);
        var pairId = await _peer.ReadyPairAsync(programmeId, tutor.Id, tutee.Id);
        using var tutorClient = await _peer.As(tutor);
        using var tuteeClient = await _peer.As(tutee);
        var sessionId = PeerDriver.Id(await PeerDriver.LogAsync(tutorClient, pairId, _peer.Today, 30));

        var rated = await tuteeClient.PostAsJsonAsync(PeerDriver.Feedback(sessionId), new { rating = 4, comment = "Fractions make sense now." });
        var byTutor = await tutorClient.PostAsJsonAsync(PeerDriver.Feedback(sessionId), new { rating = 5 });

        await PeerDriver.AssertStatus(rated, 200);
        await byTutor.AssertProblem(HttpStatusCode.Forbidden);
        var seen = Assert.Single((await PeerDriver.GetAsync(tutorClient, PeerDriver.Me)).GetProperty("sessions").EnumerateArray());
        Assert.Equal(4, seen.GetProperty("tuteeRating").GetInt32());
        Assert.Equal("Fractions make sense now.", seen.GetProperty("tuteeComment").GetString());
    }

    /// <summary>The programme is run by its supervisor and the school's admins; another pastoral lead or teacher may not run it.</summary>
    [Fact]
    public async Task Runner_IsTheSupervisorOrAnAdmin_NotAnyOtherStaff()
    {
        var programmeId = await _peer.ProgrammeIdAsync(supervisorId: DemoData.BridgemaryTeacherId);
        var tutor = await _peer.NewPupilAsync(10, account: false);
        var tutee = await _peer.NewPupilAsync(8, account: false);
        var tutorId = PeerDriver.Id(await _peer.NominateAsync(programmeId, tutor.Id, 60));
        using var pastoral = await _peer.As(Accounts.Pastoral);

        var refused = await pastoral.PostAsJsonAsync(PeerDriver.Decision(programmeId, tutorId), new { approve = true });
        await _peer.DecideAsync(programmeId, tutorId, by: Accounts.Teacher);
        await _peer.TrainAsync(programmeId, tutorId, by: Accounts.Teacher);
        var pair = await _peer.PairAsync(programmeId, tutor.Id, tutee.Id, 20, admin: Accounts.Teacher);

        await refused.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal(tutee.Id, pair.GetProperty("tuteeId").GetGuid());
    }

    /// <summary>
    /// Peer-tutoring credits in the record of achievement are the supervisor's to award. A pupil writing their own
    /// "peer tutoring" entry must not put unendorsed credits into their record (refused, or left out of the record).
    /// </summary>
    [Fact]
    public async Task Record_APupilCannotAwardThemselfPeerTutoringCredits()
    {
        var pupil = await _peer.NewPupilAsync(10);
        using var client = await _peer.As(pupil);

        var created = await client.PostAsJsonAsync($"/api/students/{pupil.Id}/portfolio/entries", new
        {
            title = "Peer tutoring in Maths: 50 credits",
            reflection = "I tutored lots.",
            date = "2026-09-04",
            kind = "PeerTutoring",
            subjects = new[] { "Maths" },
            visibility = "Family",
        });

        Assert.True((int)created.StatusCode is 201 or 400 or 403, $"Unexpected {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
        var record = await PeerDriver.GetAsync(client, PeerDriver.RecordOfAchievement(pupil.Id));
        Assert.DoesNotContain(record.GetProperty("items").EnumerateArray(), i =>
            i.GetProperty("kind").GetString() == "PeerTutoring" && i.GetProperty("endorsement").ValueKind == JsonValueKind.Null);
    }

    /// <summary>A Year 10 tutor with a sign-in paired with a Year 8 tutee on a new programme supervised by the pastoral lead.</summary>
    private async Task<(Guid ProgrammeId, PeerPupil Tutor, Guid PairId)> PairWithTutorAsync(int? minutesPerCredit, bool? onlyAttended = null, string subject = "Maths")
    {
        var programmeId = await _peer.ProgrammeIdAsync(minutesPerCredit: minutesPerCredit, onlyAttendedSessionsCount: onlyAttended, subject: subject);
        var tutor = await _peer.NewPupilAsync(10);
        var tutee = await _peer.NewPupilAsync(8, account: false);
        return (programmeId, tutor, await _peer.ReadyPairAsync(programmeId, tutor.Id, tutee.Id));
    }
}

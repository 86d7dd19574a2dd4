namespace School.Api.Tests.PeerTutoring;

/// <summary>
/// The demo Peer Learner Programme at Bridgemary: "Paired reading" (Year 9 tutors, Year 7 tutees) and "Maths peer tutoring"
/// (Years 9–10 tutor Years 7–8). The demo peer tutor, a Year 9 pupil, reads with two Year 7s and has a summer term of
/// sessions and one credit endorsed into their record of achievement. Read-only: these tests change nothing.
/// </summary>
public sealed class DemoPeerTutoringTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private const string Me = "/api/peer-tutoring/me";
    private const string Programmes = "/api/peer-tutoring/programmes";

    private static readonly Guid PeerTutor = DemoData.BridgemaryPeerTutorId;
    private static readonly Guid Reading = DemoData.BridgemaryReadingProgrammeId;
    private static readonly Guid Maths = DemoData.BridgemaryMathsProgrammeId;

    [Fact]
    public async Task Me_AsThePeerTutor_ShowsTwoYear7TuteesEachWithIdAndTuteeId_ASummerOfSessions_AndAnEndorsedCredit()
    {
        using var tutor = await factory.ClientFor(Accounts.PeerTutor);

        var me = await tutor.GetFromJsonAsync<JsonElement>(Me);

        Assert.Equal(PeerTutor, me.GetProperty("studentId").GetGuid());
        var pairs = me.GetProperty("pairs").EnumerateArray().ToList();
        Assert.Equal(2, pairs.Count);
        Assert.All(pairs, p =>
        {
            Assert.NotEqual(Guid.Empty, p.GetProperty("id").GetGuid());
            Assert.NotEqual(Guid.Empty, p.GetProperty("tuteeId").GetGuid());
            Assert.NotEqual(PeerTutor, p.GetProperty("tuteeId").GetGuid());
            Assert.Equal(PeerTutor, p.GetProperty("tutorId").GetGuid());
            Assert.Equal(Reading, p.GetProperty("programmeId").GetGuid());
            Assert.Equal("Reading", p.GetProperty("subject").GetString());
            Assert.Equal(7, p.GetProperty("tuteeYearGroup").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("tuteeName").GetString()));
            Assert.True(p.GetProperty("active").GetBoolean());
        });
        Assert.Equal(2, pairs.Select(p => p.GetProperty("tuteeId").GetGuid()).Distinct().Count());
        Assert.Empty(me.GetProperty("tutoredBy").EnumerateArray());
        Assert.Empty(me.GetProperty("children").EnumerateArray());

        // A term of weekly sessions with each tutee (newest first), none in the future; two the tutee missed, one voided.
        var sessions = me.GetProperty("sessions").EnumerateArray().ToList();
        Assert.InRange(sessions.Count, 20, 40);
        var pairIds = pairs.Select(p => p.GetProperty("id").GetGuid()).ToHashSet();
        Assert.All(sessions, s => Assert.Contains(s.GetProperty("pairId").GetGuid(), pairIds));
        var dates = sessions.Select(s => DateOnly.Parse(s.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.All(dates, d => Assert.True(d <= DateOnly.FromDateTime(SchoolApiFactory.Start.UtcDateTime), $"A session on {d} is in the future."));
        Assert.Contains(dates, d => d.Year == 2026 && d.Month == 4);
        Assert.Contains(dates, d => d.Year == 2026 && d.Month == 9);
        Assert.Equal(2, sessions.Count(s => !s.GetProperty("tuteeAttended").GetBoolean()));
        Assert.Single(sessions, s => s.GetProperty("voided").GetBoolean());
        Assert.Contains(sessions, s => s.GetProperty("tuteeRating").ValueKind == JsonValueKind.Number);
        Assert.All(sessions, s => Assert.Equal(JsonValueKind.Null, s.GetProperty("history").ValueKind)); // the history is the supervisor's

        // Counted: attended, not voided sessions. One credit (ten hours) endorsed at the end of the summer, more minutes since.
        var credits = Assert.Single(me.GetProperty("credits").EnumerateArray());
        Assert.Equal(Reading, credits.GetProperty("programmeId").GetGuid());
        Assert.Equal(600, credits.GetProperty("minutesPerCredit").GetInt32());
        var counted = credits.GetProperty("countedMinutes").GetInt32();
        var expected = sessions.Where(s => s.GetProperty("tuteeAttended").GetBoolean() && !s.GetProperty("voided").GetBoolean())
            .Sum(s => s.GetProperty("minutes").GetInt32());
        Assert.Equal(expected, counted);
        Assert.Equal(counted / 600, credits.GetProperty("creditsEarned").GetInt32());
        Assert.True(credits.GetProperty("creditsEndorsed").GetInt32() >= 1);
        Assert.True(counted > 600 * credits.GetProperty("creditsEndorsed").GetInt32(), "Some minutes are not endorsed yet.");
    }

    [Fact]
    public async Task RecordOfAchievement_OfThePeerTutor_HoldsTheEndorsedPeerTutoringCredit()
    {
        using var tutor = await factory.ClientFor(Accounts.PeerTutor);

        var record = await tutor.GetFromJsonAsync<JsonElement>($"/api/students/{PeerTutor}/record-of-achievement");

        Assert.Equal(PeerTutor, record.GetProperty("studentId").GetGuid());
        var entry = Assert.Single(record.GetProperty("items").EnumerateArray(), i => i.GetProperty("entryId").GetGuid() == DemoData.BridgemaryPeerCreditEntryId);
        Assert.Equal("PeerTutoring", entry.GetProperty("kind").GetString());
        Assert.Equal("Peer tutoring in Reading: 1 credit", entry.GetProperty("title").GetString());
        Assert.Equal(["Reading"], entry.GetProperty("subjects").EnumerateArray().Select(s => s.GetString()));
        var endorsement = entry.GetProperty("endorsement");
        Assert.Equal(DemoData.BridgemaryPastoralId, endorsement.GetProperty("endorsedBy").GetProperty("id").GetGuid());
        Assert.Equal("Mrs Whitfield", endorsement.GetProperty("endorsedBy").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Programmes_ListsPairedReadingAndMaths_ToThePeerTutorAndToStaff()
    {
        foreach (var caller in new[] { Accounts.PeerTutor, Accounts.Admin, Accounts.Student })
        {
            using var client = await factory.ClientFor(caller);

            var programmes = (await client.GetFromJsonAsync<JsonElement>(Programmes)).EnumerateArray().ToList();

            var reading = Assert.Single(programmes, p => p.GetProperty("id").GetGuid() == Reading);
            Assert.Equal("Paired reading", reading.GetProperty("name").GetString());
            Assert.Equal("Reading", reading.GetProperty("subject").GetString());
            Assert.Equal([9], reading.GetProperty("tutorYearGroups").EnumerateArray().Select(y => y.GetInt32()));
            Assert.Equal([7], reading.GetProperty("tuteeYearGroups").EnumerateArray().Select(y => y.GetInt32()));
            Assert.Equal("Paired reading training (two sessions)", reading.GetProperty("requiredTraining").GetString());
            Assert.Equal(DemoData.BridgemaryPastoralId, reading.GetProperty("supervisorId").GetGuid());
            Assert.Equal(3, reading.GetProperty("maxTuteesPerTutor").GetInt32());
            Assert.Equal(600, reading.GetProperty("minutesPerCredit").GetInt32());
            Assert.True(reading.GetProperty("onlyAttendedSessionsCount").GetBoolean());

            var maths = Assert.Single(programmes, p => p.GetProperty("id").GetGuid() == Maths);
            Assert.Equal("Maths", maths.GetProperty("subject").GetString());
            Assert.Equal([9, 10], maths.GetProperty("tutorYearGroups").EnumerateArray().Select(y => y.GetInt32()));
            Assert.Equal([7, 8], maths.GetProperty("tuteeYearGroups").EnumerateArray().Select(y => y.GetInt32()));
            Assert.False(maths.GetProperty("allowSameAge").GetBoolean());
        }
    }

    [Fact]
    public async Task Programmes_OfBridgemary_AreNotCramlingtons()
    {
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);

        var programmes = await cramlington.GetFromJsonAsync<JsonElement>(Programmes);

        Assert.DoesNotContain(programmes.EnumerateArray(), p => p.GetProperty("id").GetGuid() == Reading || p.GetProperty("id").GetGuid() == Maths);
    }

    [Fact]
    public async Task ReadingTutors_AsTheSupervisor_IncludeThePeerTutorWithTwoTutees_AnApplicantAndAnUntrainedTutor()
    {
        using var pastoral = await factory.ClientFor(Accounts.Pastoral);

        var tutors = (await pastoral.GetFromJsonAsync<JsonElement>($"{Programmes}/{Reading}/tutors")).EnumerateArray().ToList();

        var peerTutor = Assert.Single(tutors, t => t.GetProperty("studentId").GetGuid() == PeerTutor);
        Assert.Equal(9, peerTutor.GetProperty("yearGroup").GetInt32());
        Assert.Equal("Approved", peerTutor.GetProperty("status").GetString());
        Assert.True(peerTutor.GetProperty("canTutor").GetBoolean());
        Assert.Equal(2, peerTutor.GetProperty("activePairs").GetInt32());
        Assert.Contains(tutors, t => t.GetProperty("status").GetString() == "Applied");
        Assert.Contains(tutors, t => t.GetProperty("status").GetString() == "Approved" && !t.GetProperty("canTutor").GetBoolean());
        Assert.True(tutors.Count(t => t.GetProperty("canTutor").GetBoolean() && t.GetProperty("activePairs").GetInt32() > 0) >= 3);
        Assert.All(tutors, t => Assert.Equal(9, t.GetProperty("yearGroup").GetInt32()));
    }

    [Fact]
    public async Task DemoStudent_TakesNoPartInPeerTutoring()
    {
        using var alex = await factory.ClientFor(Accounts.Student);

        var me = await alex.GetFromJsonAsync<JsonElement>(Me);

        Assert.Empty(me.GetProperty("pairs").EnumerateArray());
        Assert.Empty(me.GetProperty("tutoredBy").EnumerateArray());
        Assert.Empty(me.GetProperty("credits").EnumerateArray());
    }
}

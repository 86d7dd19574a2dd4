using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.PeerTutoring;
using School.Domain.Portfolios;
using School.Domain.Students;

namespace School.Infrastructure.Seeding;

/// <summary>
/// Demo peer tutoring (the Peer Learner Programme) at Bridgemary, as it stands on Monday 7 September 2026.
/// <para>
/// "Paired reading" (Year 9 tutors, Year 7 tutees, supervised by the pastoral lead, up to three tutees, one credit per ten
/// hours of sessions the tutee attended): the demo peer tutor, Year 9 pupil BMC09005 (<see cref="DemoData.PeerTutorEmail"/>),
/// trained in April, read with two Year 7s once a week each through the summer term and again in the first days of term.
/// Two sessions the tutee missed do not count, a session logged twice was voided by the supervisor and one log was
/// corrected (its earlier state kept). The supervisor endorsed one credit at the end of the summer term, which is in the
/// tutor's record of achievement; the September sessions count towards the next. Another trained tutor has a credit
/// earned and not yet endorsed, another a new pair this term; one pupil has applied and is waiting, one is approved and
/// waiting for the training.
/// </para>
/// <para>
/// "Maths peer tutoring" (Year 9–10 tutors, Year 7–8 tutees, never the same age, supervised by the demo teacher): two
/// trained tutors with a tutee each, and a Year 10 a teacher has nominated. The demo student (Year 10) takes no part.
/// </para>
/// </summary>
public sealed partial class DemoDataSeeder
{
    /// <summary>When the reading tutors trained (the second of the programme's two training sessions).</summary>
    public static readonly DateOnly ReadingTutorTrainingDate = new(2026, 4, 15);

    /// <summary>When the supervisor endorsed the peer tutor's first reading credit: the last day of the summer term.</summary>
    public static readonly DateTimeOffset PeerCreditEndorsedAt = new(2026, 7, 17, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The demo peer tutor's Year 7 tutees (reading level when paired) and the weekday they read together.</summary>
    private static readonly (string Tutee, int Level, DayOfWeek Day)[] PeerTutorTutees =
    [
        ("BMC07040", 38, DayOfWeek.Tuesday),
        ("BMC07041", 44, DayOfWeek.Thursday),
    ];

    /// <summary>The weeks of the summer term 2026 (20 April – 17 July, half term 25–29 May) as their Mondays.</summary>
    private static readonly DateOnly[] SummerTerm2026Weeks =
        Enumerable.Range(0, 13).Select(w => new DateOnly(2026, 4, 20).AddDays(7 * w)).Where(m => m != new DateOnly(2026, 5, 25)).ToArray();

    /// <summary>The demo tutors by programme and student, for pairing them.</summary>
    private readonly Dictionary<(Guid Programme, Guid Student), PeerTutor> _peerTutors = [];

    private static readonly string[] ReadingNotes =
    [
        "Read two chapters of Holes together; practised breaking long words into syllables.",
        "Paired reading of a non-fiction book on sharks; talked about the headings and the glossary.",
        "Took turns reading aloud; worked on reading with expression at speech marks.",
        "Read a short story and retold it in our own words; new words: reluctant, ancient.",
        "Reading-age quiz warm-up, then carried on with the class novel.",
        "Read a newspaper article and picked out facts from opinions.",
    ];

    private static readonly string[] TuteeComments =
    [
        "I liked the shark book.",
        "Helpful, I can read the long words better now.",
        "Good, we finished the chapter.",
    ];

    private static readonly string[] MathsNotes =
    [
        "Fractions of amounts with bar models.",
        "Times tables practice, then two-step word problems.",
        "Negative numbers on a number line; checked the homework together.",
    ];

    private void SeedPeerTutoring()
    {
        var school = DemoData.BridgemaryId;
        var byNumber = _students[school].ToDictionary(s => s.PupilNumber, StringComparer.Ordinal);
        var pastoral = _staff[school].Single(s => s.Id == DemoData.BridgemaryPastoralId);
        var teacher = DemoData.BridgemaryTeacherId;

        var reading = PeerProgramme.Create(DemoData.BridgemaryReadingProgrammeId, school, new PeerProgrammeDetails(
            "Paired reading", "Reading", [9], [7], AllowSameAge: false, "Paired reading training (two sessions)", pastoral.Id,
            MaxTuteesPerTutor: 3, MinutesPerCredit: 600, OnlyAttendedSessionsCount: true));
        var maths = PeerProgramme.Create(DemoData.BridgemaryMathsProgrammeId, school, new PeerProgrammeDetails(
            "Maths peer tutoring", "Maths", [9, 10], [7, 8], AllowSameAge: false, "Maths peer tutor training (one after-school session)", teacher,
            MaxTuteesPerTutor: 3, MinutesPerCredit: 600, OnlyAttendedSessionsCount: true));
        db.PeerProgrammes.AddRange(reading, maths);

        // The demo peer tutor: applied in March, approved, trained in April, reading with two Year 7s since 20 April.
        var peerTutor = byNumber["BMC09005"];
        AddAccount(DemoData.PeerTutorEmail, PersonKind.Student, peerTutor.Id, school);
        AddPeerTutor(reading, "paired-reading", peerTutor, 72, new(2026, 3, 9, 12, 30, 0, TimeSpan.Zero), null, pastoral.Id, ReadingTutorTrainingDate);
        var pairsCreated = new DateTimeOffset(2026, 4, 20, 9, 0, 0, TimeSpan.Zero);
        var pairs = new List<(PeerPair Pair, DayOfWeek Day)>();
        foreach (var (tutee, level, day) in PeerTutorTutees)
        {
            pairs.Add((AddPeerPair(reading, "paired-reading", peerTutor, byNumber[tutee], level, pairs.Count, pastoral.Id, pairsCreated), day));
        }

        var logged = 0;
        foreach (var (pair, day) in pairs)
        {
            foreach (var monday in SummerTerm2026Weeks)
            {
                var date = monday.AddDays(((int)day - (int)DayOfWeek.Monday + 7) % 7);
                // Two sessions the tutee missed (a school trip, illness): logged, but they do not count.
                var attended = date != new DateOnly(2026, 5, 12) && date != new DateOnly(2026, 6, 18);
                // One log of 60 minutes the supervisor corrected to the library slot's 30.
                var minutes = date == new DateOnly(2026, 6, 9) ? 60 : 30;
                var session = AddPeerSession(
                    pair, date, minutes, attended,
                    attended ? ReadingNotes[logged % ReadingNotes.Length] : "Tutee absent; I read ahead to plan next week.");
                if (attended && logged % 3 == 1)
                {
                    session.Rate(logged % 2 == 0 ? 4 : 5, TuteeComments[logged % TuteeComments.Length]);
                }

                if (minutes != 30)
                {
                    Require(session.Correct(
                        date, 30, attended, session.Notes, pastoral.Id, "The library slot is 30 minutes; 60 was logged by mistake.", date.AddDays(1),
                        At(date.AddDays(1), 9)), "correct a peer-tutoring session");
                }

                logged++;
            }
        }

        // The Thursday session of 11 June was logged twice; the supervisor voided the second log the next morning.
        var thursdays = pairs.Single(p => p.Day == DayOfWeek.Thursday).Pair;
        var duplicate = AddPeerSession(thursdays, new(2026, 6, 11), 30, true, ReadingNotes[0], copy: 1);
        Require(duplicate.Void(pastoral.Id, "Logged twice: the same session as the other log of 11 June.", At(new(2026, 6, 12), 9)), "void a peer-tutoring session");

        // End of the summer term: 22 attended sessions of 30 minutes, 660 minutes, one credit, endorsed into the record of achievement.
        var countedAtEndorsement = db.PeerSessions.Local.Where(s => s.TutorStudentId == peerTutor.Id).Sum(s => s.CountedMinutes(reading));
        AddEndorsedCredit(reading, peerTutor.Id, countedAtEndorsement, pastoral.Id, pastoral.DisplayName);

        // The first days of the new term (term started on Thursday 3 September): both tutees again.
        AddPeerSession(thursdays, new(2026, 9, 3), 30, true, "First session of the year: chose a new book together (Wonder).");
        AddPeerSession(pairs.Single(p => p.Day == DayOfWeek.Tuesday).Pair, new(2026, 9, 4), 30, true, "Caught up after the holidays; started Wonder.");

        SeedOtherReadingTutors(reading, byNumber, pastoral.Id);
        SeedMathsTutors(maths, byNumber, teacher);
    }

    /// <summary>
    /// A tutor with two Year 7s and a summer of sessions (630 minutes: one credit earned, not yet endorsed), one with a new pair this
    /// term, an applicant waiting for a decision and an approved tutor waiting for the training.
    /// </summary>
    private void SeedOtherReadingTutors(PeerProgramme reading, Dictionary<string, Student> byNumber, Guid supervisor)
    {
        const string key = "paired-reading";
        var applied = new DateTimeOffset(2026, 3, 10, 12, 30, 0, TimeSpan.Zero);

        var busy = byNumber["BMC09007"];
        AddPeerTutor(reading, key, busy, 68, applied, null, supervisor, ReadingTutorTrainingDate);
        var wednesdays = AddPeerPair(reading, key, busy, byNumber["BMC07043"], 40, 0, supervisor, new(2026, 4, 20, 9, 30, 0, TimeSpan.Zero));
        var mondays = AddPeerPair(reading, key, busy, byNumber["BMC07044"], 35, 1, supervisor, new(2026, 5, 29, 9, 30, 0, TimeSpan.Zero));
        var n = 0;
        foreach (var monday in SummerTerm2026Weeks)
        {
            AddPeerSession(wednesdays, monday.AddDays(2), 35, true, ReadingNotes[n++ % ReadingNotes.Length]);
            if (monday >= new DateOnly(2026, 6, 1))
            {
                AddPeerSession(mondays, monday, 30, true, ReadingNotes[n++ % ReadingNotes.Length]);
            }
        }

        var starter = byNumber["BMC09006"];
        AddPeerTutor(reading, key, starter, 70, applied.AddDays(1), null, supervisor, ReadingTutorTrainingDate);
        var fresh = AddPeerPair(reading, key, starter, byNumber["BMC07042"], 42, 0, supervisor, new(2026, 9, 3, 9, 0, 0, TimeSpan.Zero));
        AddPeerSession(fresh, new(2026, 9, 4), 30, true, "Met for the first time; read the first chapter of The Iron Man.");

        AddPeerTutor(reading, key, byNumber["BMC09008"], 65, new(2026, 9, 4, 12, 40, 0, TimeSpan.Zero), null, null, null);
        AddPeerTutor(reading, key, byNumber["BMC09009"], 66, new(2026, 7, 6, 12, 40, 0, TimeSpan.Zero), null, supervisor, null);
    }

    /// <summary>A Year 10 and a Year 9 tutor (trained in July) with a tutee each, and a Year 10 the demo teacher nominated.</summary>
    private void SeedMathsTutors(PeerProgramme maths, Dictionary<string, Student> byNumber, Guid teacher)
    {
        const string key = "maths";
        var trained = new DateOnly(2026, 7, 8);
        var applied = new DateTimeOffset(2026, 6, 22, 12, 30, 0, TimeSpan.Zero);

        var year10 = byNumber["BMC10040"];
        AddPeerTutor(maths, key, year10, 8, applied, null, teacher, trained);
        var withYear8 = AddPeerPair(maths, key, year10, byNumber["BMC08040"], 5, 0, teacher, new(2026, 7, 9, 9, 0, 0, TimeSpan.Zero));
        AddPeerSession(withYear8, new(2026, 7, 13), 40, true, MathsNotes[0]);
        AddPeerSession(withYear8, new(2026, 7, 15), 40, true, MathsNotes[1]);
        AddPeerSession(withYear8, new(2026, 9, 4), 30, false, "Tutee at the Year 8 settling-in assembly; rearranged for next week.");

        var year9 = byNumber["BMC09011"];
        AddPeerTutor(maths, key, year9, 7, applied.AddHours(1), teacher, teacher, trained);
        var withYear7 = AddPeerPair(maths, key, year9, byNumber["BMC07045"], 4, 0, teacher, new(2026, 9, 3, 9, 0, 0, TimeSpan.Zero));
        AddPeerSession(withYear7, new(2026, 9, 4), 30, true, MathsNotes[2]);

        AddPeerTutor(maths, key, byNumber["BMC10041"], 8, new(2026, 9, 4, 15, 30, 0, TimeSpan.Zero), teacher, null, null);
    }

    /// <summary>A tutor who applied (or was nominated), approved by <paramref name="approvedBy"/> when given, trained on <paramref name="trainedOn"/> when given.</summary>
    private PeerTutor AddPeerTutor(
        PeerProgramme programme, string key, Student student, int level, DateTimeOffset appliedAt, Guid? nominatedBy, Guid? approvedBy, DateOnly? trainedOn)
    {
        if (!programme.TutorYearGroups.Contains(student.YearGroup))
        {
            throw new InvalidOperationException($"Demo data: {student.PupilNumber} is not in a tutor year of {programme.Name}.");
        }

        var tutor = PeerTutor.Apply(DemoData.IdFor($"bridgemary:peer:{key}:tutor:{student.PupilNumber}"), programme.Id, student.Id, level, appliedAt, nominatedBy);
        if (approvedBy is { } by)
        {
            Require(tutor.Decide(approve: true, by), $"approve {student.PupilNumber} as a tutor");
        }

        if (trainedOn is { } on)
        {
            Require(tutor.CompleteTraining(on), $"record {student.PupilNumber}'s tutor training");
        }

        db.PeerTutors.Add(tutor);
        _peerTutors[(programme.Id, student.Id)] = tutor;
        return tutor;
    }

    private PeerPair AddPeerPair(PeerProgramme programme, string key, Student tutor, Student tutee, int tuteeLevel, int activePairs, Guid by, DateTimeOffset at)
    {
        var pair = PeerPair.Make(
            DemoData.IdFor($"bridgemary:peer:{key}:pair:{tutor.PupilNumber}:{tutee.PupilNumber}"), programme, _peerTutors[(programme.Id, tutor.Id)],
            tutor.YearGroup, tutee.Id, tutee.YearGroup, tuteeLevel, activePairs, by, at);
        if (!pair.IsSuccess)
        {
            throw new InvalidOperationException($"Demo data: cannot pair {tutor.PupilNumber} with {tutee.PupilNumber}: {pair.Error}.");
        }

        db.PeerPairs.Add(pair.Value);
        return pair.Value;
    }

    /// <summary>A session logged by the tutor after school on the day (<paramref name="copy"/> tells apart a log made twice).</summary>
    private PeerSession AddPeerSession(PeerPair pair, DateOnly date, int minutes, bool attended, string? notes, int copy = 0)
    {
        var session = PeerSession.Log(
            DemoData.IdFor($"bridgemary:peer:session:{pair.Id}:{date:yyyy-MM-dd}:{copy}"), pair, date, minutes, attended, notes, date, At(date, 15));
        if (!session.IsSuccess)
        {
            throw new InvalidOperationException($"Demo data: cannot log a session of pair {pair.Id} on {date}: {session.Error}.");
        }

        db.PeerSessions.Add(session.Value);
        return session.Value;
    }

    /// <summary>The credits earned by <paramref name="countedMinutes"/>, endorsed by the supervisor as the endorse use case does it.</summary>
    private void AddEndorsedCredit(PeerProgramme programme, Guid tutorId, int countedMinutes, Guid supervisorId, string supervisorName)
    {
        var credits = programme.CreditsFor(countedMinutes);
        if (credits < 1)
        {
            throw new InvalidOperationException($"Demo data: {countedMinutes} minutes earn no credit on {programme.Name}.");
        }

        var hours = countedMinutes / 60.0;
        var entry = PortfolioEntry.Create(
            DemoData.BridgemaryPeerCreditEntryId, programme.SchoolId, tutorId,
            $"Peer tutoring in {programme.Subject}: {credits} credit{(credits == 1 ? string.Empty : "s")}",
            School.Application.PeerTutoring.Sessions.PeerCreditWording.Reflection(hours, programme.Name, credits), DateOnly.FromDateTime(PeerCreditEndorsedAt.UtcDateTime),
            PortfolioEntryKind.PeerTutoring, [programme.Subject], PortfolioVisibility.Family, 0, supervisorId, PeerCreditEndorsedAt);
        Require(entry.Endorse(supervisorId, supervisorName, PeerCreditEndorsedAt), "endorse the peer-tutoring entry");
        db.PortfolioEntries.Add(entry);
        db.PeerCreditAwards.Add(PeerCreditAward.Endorse(
            DemoData.BridgemaryPeerCreditAwardId, programme.Id, tutorId, credits, countedMinutes, supervisorId, PeerCreditEndorsedAt, entry.Id));
    }

    private static DateTimeOffset At(DateOnly date, int hour) => new(date.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    private static void Require(Result result, string what)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"Demo data: cannot {what}: {result.Error}.");
        }
    }
}

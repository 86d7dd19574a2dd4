using School.Domain.PeerTutoring;

namespace School.Domain.Tests.PeerTutoring;

/// <summary>Builders for peer-tutoring tests: a reading programme (Year 9 tutors, Year 7–9 tutees), tutors, pairs and sessions.</summary>
internal static class Peer
{
    public static readonly DateTimeOffset Now = new(2026, 9, 7, 8, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = new(2026, 9, 7);

    public static PeerProgramme Programme(
        IReadOnlyList<int>? tutorYears = null, IReadOnlyList<int>? tuteeYears = null, bool allowSameAge = false, int cap = 3, int minutesPerCredit = 600,
        bool onlyAttended = true) =>
        PeerProgramme.Create(A.Id(), A.SchoolId(), new PeerProgrammeDetails(
            "Paired reading", "Reading", tutorYears ?? [9], tuteeYears ?? [7, 8, 9], allowSameAge, "Paired reading training (two sessions)", A.Id(),
            cap, minutesPerCredit, onlyAttended));

    /// <summary>A tutor who applied; approved and trained unless told otherwise.</summary>
    public static PeerTutor Tutor(PeerProgramme programme, int level = 70, bool approve = true, bool train = true)
    {
        var tutor = PeerTutor.Apply(A.Id(), programme.Id, A.Id(), level, Now.AddDays(-30), nominatedBy: null);
        if (approve)
        {
            Assert.True(tutor.Decide(approve: true, A.Id()).IsSuccess);
        }

        if (train)
        {
            Assert.True(tutor.CompleteTraining(Today.AddDays(-20)).IsSuccess);
        }

        return tutor;
    }

    /// <summary>A Year 9 tutor at level 70 paired with a Year 7 at level 40.</summary>
    public static PeerPair Pair(PeerProgramme programme, PeerTutor? tutor = null) =>
        PeerPair.Make(A.Id(), programme, tutor ?? Tutor(programme), 9, A.Id(), 7, 40, 0, A.Id(), Now).Value;

    public static PeerSession Session(PeerPair pair, int minutes = 30, bool attended = true, DateOnly? date = null) =>
        PeerSession.Log(A.Id(), pair, date ?? Today.AddDays(-3), minutes, attended, "Read chapter 2.", Today, Now).Value;
}

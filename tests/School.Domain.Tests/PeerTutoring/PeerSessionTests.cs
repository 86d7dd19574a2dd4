using School.Domain.Common;
using School.Domain.PeerTutoring;

namespace School.Domain.Tests.PeerTutoring;

public class PeerSessionTests
{
    [Theory]
    [InlineData(PeerSession.MinMinutes)]
    [InlineData(30)]
    [InlineData(PeerSession.MaxMinutes)]
    public void Log_FiveToOneHundredAndEightyMinutes_IsKept(int minutes)
    {
        var pair = Peer.Pair(Peer.Programme());

        var session = PeerSession.Log(A.Id(), pair, Peer.Today, minutes, true, "  Read chapter 2. ", Peer.Today, Peer.Now);

        Assert.True(session.IsSuccess);
        Assert.Equal(pair.Id, session.Value.PairId);
        Assert.Equal(pair.ProgrammeId, session.Value.ProgrammeId);
        Assert.Equal(pair.TutorStudentId, session.Value.TutorStudentId);
        Assert.Equal(minutes, session.Value.Minutes);
        Assert.Equal("Read chapter 2.", session.Value.Notes);
        Assert.False(session.Value.Voided);
        Assert.Empty(session.Value.History);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(PeerSession.MinMinutes - 1)]
    [InlineData(PeerSession.MaxMinutes + 1)]
    public void Log_MinutesOutOfRange_IsAValidationError(int minutes)
    {
        var session = PeerSession.Log(A.Id(), Peer.Pair(Peer.Programme()), Peer.Today, minutes, true, null, Peer.Today, Peer.Now);

        AssertValidation(session, "minutes");
    }

    [Fact]
    public void Log_InTheFuture_IsAValidationError()
    {
        var session = PeerSession.Log(A.Id(), Peer.Pair(Peer.Programme()), Peer.Today.AddDays(1), 30, true, null, Peer.Today, Peer.Now);

        AssertValidation(session, "date");
    }

    [Fact]
    public void Log_ForAnEndedPair_IsRefused()
    {
        var pair = Peer.Pair(Peer.Programme());
        pair.End(Peer.Now);

        var session = PeerSession.Log(A.Id(), pair, Peer.Today, 30, true, null, Peer.Today, Peer.Now);

        PeerProgrammeTests.AssertConflict(session, "peer.pair_ended");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Rate_OutsideOneToFive_IsAValidationError(int rating)
    {
        var session = Peer.Session(Peer.Pair(Peer.Programme()));

        AssertValidation(session.Rate(rating, null), "rating");
        Assert.Null(session.TuteeRating);
    }

    [Fact]
    public void Rate_KeepsTheRatingAndComment()
    {
        var session = Peer.Session(Peer.Pair(Peer.Programme()));

        Assert.True(session.Rate(5, "Really helpful.").IsSuccess);

        Assert.Equal(5, session.TuteeRating);
        Assert.Equal("Really helpful.", session.TuteeComment);
    }

    [Fact]
    public void Correct_ChangesTheLog_AndKeepsTheEarlierStateWithWhoAndWhy()
    {
        var session = Peer.Session(Peer.Pair(Peer.Programme()), minutes: 60);
        var original = session.Date;
        var supervisor = A.Id();
        var version = session.Version;

        var corrected = session.Correct(original.AddDays(-1), 30, false, "Tutee was off sick.", supervisor, "The slot is 30 minutes.", Peer.Today, Peer.Now);

        Assert.True(corrected.IsSuccess);
        Assert.Equal(30, session.Minutes);
        Assert.False(session.TuteeAttended);
        Assert.Equal(original.AddDays(-1), session.Date);
        Assert.True(session.Version > version);
        var before = Assert.Single(session.History);
        Assert.Equal(original, before.Date);
        Assert.Equal(60, before.Minutes);
        Assert.True(before.TuteeAttended);
        Assert.Equal("Read chapter 2.", before.Notes);
        Assert.False(before.Voided);
        Assert.Equal(supervisor, before.ChangedBy);
        Assert.Equal(Peer.Now, before.ChangedAt);
        Assert.Equal("The slot is 30 minutes.", before.Reason);
    }

    [Fact]
    public void Correct_KeepsEveryEarlierState_InOrder()
    {
        var session = Peer.Session(Peer.Pair(Peer.Programme()), minutes: 60);

        session.Correct(session.Date, 45, true, null, A.Id(), "First correction.", Peer.Today, Peer.Now);
        session.Correct(session.Date, 30, true, null, A.Id(), "Second correction.", Peer.Today, Peer.Now.AddHours(1));

        Assert.Equal([60, 45], session.History.Select(h => h.Minutes));
        Assert.Equal(["First correction.", "Second correction."], session.History.Select(h => h.Reason));
    }

    [Theory]
    [InlineData(4, 0)]
    [InlineData(181, 0)]
    [InlineData(30, 1)]
    public void Correct_ToAnInvalidLog_IsRefused_AndChangesNothing(int minutes, int daysAhead)
    {
        var session = Peer.Session(Peer.Pair(Peer.Programme()));

        var corrected = session.Correct(Peer.Today.AddDays(daysAhead), minutes, true, null, A.Id(), "Fix.", Peer.Today, Peer.Now);

        Assert.False(corrected.IsSuccess);
        Assert.Equal(ErrorKind.Validation, corrected.Error!.Kind);
        Assert.Equal(30, session.Minutes);
        Assert.Empty(session.History);
    }

    [Fact]
    public void Void_StopsItCounting_AndKeepsItInTheHistory()
    {
        var programme = Peer.Programme();
        var session = Peer.Session(Peer.Pair(programme));
        var supervisor = A.Id();

        Assert.True(session.Void(supervisor, "Logged twice.", Peer.Now).IsSuccess);

        Assert.True(session.Voided);
        Assert.Equal(30, session.Minutes); // the log itself stays
        Assert.Equal(0, session.CountedMinutes(programme));
        var before = Assert.Single(session.History);
        Assert.False(before.Voided);
        Assert.Equal(30, before.Minutes);
        Assert.Equal(supervisor, before.ChangedBy);
        Assert.Equal("Logged twice.", before.Reason);
    }

    [Fact]
    public void Void_Twice_IsRefused()
    {
        var session = Peer.Session(Peer.Pair(Peer.Programme()));
        session.Void(A.Id(), "Logged twice.", Peer.Now);

        PeerProgrammeTests.AssertConflict(session.Void(A.Id(), "Again.", Peer.Now), "peer.session_voided");
        Assert.Single(session.History);
    }

    [Fact]
    public void Void_WithoutAReason_IsAProgrammingError()
    {
        var session = Peer.Session(Peer.Pair(Peer.Programme()));

        Assert.ThrowsAny<ArgumentException>(() => session.Void(A.Id(), " ", Peer.Now));
    }

    private static void AssertValidation(Result result, string field)
    {
        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
        Assert.Equal(field, result.Error.Field);
    }
}

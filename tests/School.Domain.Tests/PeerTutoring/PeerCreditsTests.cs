using School.Domain.PeerTutoring;

namespace School.Domain.Tests.PeerTutoring;

public class PeerCreditsTests
{
    [Fact]
    public void CountedMinutes_OnlyAttendedSessions_WhenTheProgrammeSaysSo()
    {
        var programme = Peer.Programme(onlyAttended: true);
        var pair = Peer.Pair(programme);

        Assert.Equal(30, Peer.Session(pair, attended: true).CountedMinutes(programme));
        Assert.Equal(0, Peer.Session(pair, attended: false).CountedMinutes(programme));
    }

    [Fact]
    public void CountedMinutes_EverySession_WhenTheProgrammeCountsMissedOnesToo()
    {
        var programme = Peer.Programme(onlyAttended: false);
        var pair = Peer.Pair(programme);

        Assert.Equal(30, Peer.Session(pair, attended: false).CountedMinutes(programme));
    }

    [Fact]
    public void CountedMinutes_OfAVoidedSession_IsNothing_WhateverTheRule()
    {
        foreach (var onlyAttended in new[] { true, false })
        {
            var programme = Peer.Programme(onlyAttended: onlyAttended);
            var session = Peer.Session(Peer.Pair(programme));
            session.Void(A.Id(), "Logged twice.", Peer.Now);

            Assert.Equal(0, session.CountedMinutes(programme));
        }
    }

    [Fact]
    public void CountedMinutes_FollowACorrection()
    {
        var programme = Peer.Programme();
        var session = Peer.Session(Peer.Pair(programme), minutes: 60);

        session.Correct(session.Date, 45, true, null, A.Id(), "It was 45 minutes.", Peer.Today, Peer.Now);
        Assert.Equal(45, session.CountedMinutes(programme));

        session.Correct(session.Date, 45, false, null, A.Id(), "The tutee was absent.", Peer.Today, Peer.Now);
        Assert.Equal(0, session.CountedMinutes(programme));
    }

    [Fact]
    public void Credits_AreWholeTenHoursOfCountedTutoring_MissedAndVoidedSessionsLeftOut()
    {
        var programme = Peer.Programme();
        var pair = Peer.Pair(programme);
        var sessions = Enumerable.Range(1, 19).Select(d => Peer.Session(pair, date: Peer.Today.AddDays(-d))).ToList(); // 570 minutes
        sessions.Add(Peer.Session(pair, minutes: 60, attended: false));
        var voided = Peer.Session(pair, minutes: 60);
        voided.Void(A.Id(), "Logged twice.", Peer.Now);
        sessions.Add(voided);

        var counted = sessions.Sum(s => s.CountedMinutes(programme));
        Assert.Equal(570, counted);
        Assert.Equal(0, programme.CreditsFor(counted));

        sessions.Add(Peer.Session(pair, minutes: 30));
        counted = sessions.Sum(s => s.CountedMinutes(programme));
        Assert.Equal(600, counted);
        Assert.Equal(1, programme.CreditsFor(counted));

        sessions.Add(Peer.Session(pair, minutes: 180));
        sessions.Add(Peer.Session(pair, minutes: 180));
        sessions.Add(Peer.Session(pair, minutes: 180));
        counted = sessions.Sum(s => s.CountedMinutes(programme));
        Assert.Equal(1140, counted);
        Assert.Equal(1, programme.CreditsFor(counted)); // not rounded up
    }

    [Fact]
    public void Endorse_RecordsTheAwardAndItsPortfolioEntry()
    {
        var programme = Peer.Programme();
        var tutor = A.Id();
        var supervisor = A.Id();
        var entry = A.Id();

        var award = PeerCreditAward.Endorse(A.Id(), programme.Id, tutor, 1, 660, supervisor, Peer.Now, entry);

        Assert.Equal(1, award.Credits);
        Assert.Equal(660, award.CountedMinutes);
        Assert.Equal(supervisor, award.EndorsedBy);
        Assert.Equal(entry, award.PortfolioEntryId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Endorse_NoCredits_IsAProgrammingError(int credits)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PeerCreditAward.Endorse(A.Id(), A.Id(), A.Id(), credits, 0, A.Id(), Peer.Now, A.Id()));
    }
}

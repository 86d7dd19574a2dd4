using School.Domain.Common;
using School.Domain.PeerTutoring;

namespace School.Domain.Tests.PeerTutoring;

public class PeerProgrammeTests
{
    [Fact]
    public void Create_KeepsEachYearGroupOnceInOrder_AndTheCreditRule()
    {
        var programme = PeerProgramme.Create(A.Id(), A.SchoolId(), new PeerProgrammeDetails(
            " Maths peer tutoring ", "Maths", [10, 9, 10], [8, 7], false, "Maths peer tutor training", A.Id()));

        Assert.Equal("Maths peer tutoring", programme.Name);
        Assert.Equal([9, 10], programme.TutorYearGroups);
        Assert.Equal([7, 8], programme.TuteeYearGroups);
        Assert.Equal(PeerProgramme.DefaultMaxTuteesPerTutor, programme.MaxTuteesPerTutor);
        Assert.Equal(600, programme.MinutesPerCredit);
        Assert.True(programme.OnlyAttendedSessionsCount);
    }

    [Fact]
    public void Create_WithoutTutorOrTuteeYears_IsAProgrammingError()
    {
        Assert.Throws<ArgumentException>(() => Peer.Programme(tutorYears: []));
        Assert.Throws<ArgumentException>(() => Peer.Programme(tuteeYears: []));
    }

    [Theory]
    [InlineData(0, 600)]
    [InlineData(21, 600)]
    [InlineData(3, 29)]
    [InlineData(3, 6001)]
    public void Create_WithACapOrCreditRuleOutOfRange_IsAProgrammingError(int cap, int minutesPerCredit)
    {
        Assert.ThrowsAny<ArgumentException>(() => Peer.Programme(cap: cap, minutesPerCredit: minutesPerCredit));
    }

    [Fact]
    public void Change_BumpsTheVersion()
    {
        var programme = Peer.Programme();
        var before = programme.Version;

        programme.Change(new PeerProgrammeDetails("Paired reading", "Reading", [9, 10], [7], true, "Two sessions", programme.SupervisorId, 2, 300));

        Assert.Equal(before + 1, programme.Version);
        Assert.Equal([9, 10], programme.TutorYearGroups);
        Assert.Equal(2, programme.MaxTuteesPerTutor);
        Assert.Equal(300, programme.MinutesPerCredit);
    }

    [Fact]
    public void CanPair_AnOlderTutorAheadInTheSubject_IsAllowed()
    {
        Assert.True(Peer.Programme().CanPair(9, 70, 7, 40).IsSuccess);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(10)]
    public void CanPair_ATutorOutsideTheTutorYears_IsRefused(int tutorYear)
    {
        var result = Peer.Programme(tuteeYears: [7]).CanPair(tutorYear, 90, 7, 40);

        AssertConflict(result, "peer.tutor_year");
    }

    [Theory]
    [InlineData(8)]
    [InlineData(11)]
    public void CanPair_ATuteeOutsideTheTuteeYears_IsRefused(int tuteeYear)
    {
        var result = Peer.Programme(tutorYears: [9], tuteeYears: [7]).CanPair(9, 90, tuteeYear, 10);

        AssertConflict(result, "peer.tutee_year");
    }

    [Fact]
    public void CanPair_SameAge_IsRefusedUnlessTheProgrammeAllowsIt()
    {
        AssertConflict(Peer.Programme(allowSameAge: false).CanPair(9, 90, 9, 40), "peer.tutor_not_older");
        Assert.True(Peer.Programme(allowSameAge: true).CanPair(9, 90, 9, 40).IsSuccess);
    }

    [Fact]
    public void CanPair_SameAge_StillNeedsTheTutorAhead()
    {
        AssertConflict(Peer.Programme(allowSameAge: true).CanPair(9, 40, 9, 40), "peer.tutor_not_ahead");
    }

    [Fact]
    public void CanPair_AYoungerTutor_IsRefusedEvenWhenAheadAndSameAgeIsAllowed()
    {
        var programme = Peer.Programme(tutorYears: [8, 9], tuteeYears: [8, 9], allowSameAge: true);

        AssertConflict(programme.CanPair(8, 95, 9, 20), "peer.tutor_not_older");
    }

    [Theory]
    [InlineData(40, 40)]
    [InlineData(39, 40)]
    public void CanPair_ATutorNotAheadInTheSubject_IsRefused(int tutorLevel, int tuteeLevel)
    {
        AssertConflict(Peer.Programme().CanPair(9, tutorLevel, 7, tuteeLevel), "peer.tutor_not_ahead");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(599, 0)]
    [InlineData(600, 1)]
    [InlineData(1199, 1)]
    [InlineData(1200, 2)]
    public void CreditsFor_IsWholeCreditsOnly_OnePerTenHoursByDefault(int minutes, int credits)
    {
        Assert.Equal(credits, Peer.Programme().CreditsFor(minutes));
    }

    [Fact]
    public void CreditsFor_FollowsTheProgrammesRule()
    {
        Assert.Equal(2, Peer.Programme(minutesPerCredit: 300).CreditsFor(899));
    }

    internal static void AssertConflict(Result result, string code)
    {
        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorKind.Conflict, result.Error!.Kind);
        Assert.Equal(code, result.Error.Code);
    }
}

using School.Domain.PeerTutoring;

namespace School.Domain.Tests.PeerTutoring;

public class PeerPairTests
{
    [Fact]
    public void Make_WithATrainedTutorAheadOfAYoungerTutee_PairsThem()
    {
        var programme = Peer.Programme();
        var tutor = Peer.Tutor(programme);
        var tutee = A.Id();
        var by = A.Id();

        var pair = PeerPair.Make(A.Id(), programme, tutor, 9, tutee, 7, 40, 2, by, Peer.Now);

        Assert.True(pair.IsSuccess);
        Assert.Equal(programme.Id, pair.Value.ProgrammeId);
        Assert.Equal(tutor.StudentId, pair.Value.TutorStudentId);
        Assert.Equal(tutee, pair.Value.TuteeStudentId);
        Assert.Equal(40, pair.Value.TuteeLevel);
        Assert.Equal(by, pair.Value.CreatedBy);
        Assert.True(pair.Value.IsActive);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    public void Make_BeforeTheTutorIsApprovedAndTrained_IsRefused(bool approve, bool train)
    {
        var programme = Peer.Programme();
        var tutor = Peer.Tutor(programme, approve: approve, train: train);

        var pair = PeerPair.Make(A.Id(), programme, tutor, 9, A.Id(), 7, 40, 0, A.Id(), Peer.Now);

        PeerProgrammeTests.AssertConflict(pair, "peer.tutor_not_ready");
    }

    [Fact]
    public void Make_ADeclinedTutor_IsRefused()
    {
        var programme = Peer.Programme();
        var tutor = Peer.Tutor(programme, approve: false, train: false);
        tutor.Decide(approve: false, A.Id());

        PeerProgrammeTests.AssertConflict(PeerPair.Make(A.Id(), programme, tutor, 9, A.Id(), 7, 40, 0, A.Id(), Peer.Now), "peer.tutor_not_ready");
    }

    [Fact]
    public void Make_TutorWithThemself_IsRefused()
    {
        var programme = Peer.Programme(allowSameAge: true);
        var tutor = Peer.Tutor(programme);

        PeerProgrammeTests.AssertConflict(PeerPair.Make(A.Id(), programme, tutor, 9, tutor.StudentId, 9, 40, 0, A.Id(), Peer.Now), "peer.self");
    }

    [Fact]
    public void Make_FollowsTheProgrammesEligibility()
    {
        var programme = Peer.Programme(tuteeYears: [7]);
        var tutor = Peer.Tutor(programme, level: 50);

        PeerProgrammeTests.AssertConflict(PeerPair.Make(A.Id(), programme, tutor, 9, A.Id(), 8, 40, 0, A.Id(), Peer.Now), "peer.tutee_year");
        PeerProgrammeTests.AssertConflict(PeerPair.Make(A.Id(), programme, tutor, 10, A.Id(), 7, 40, 0, A.Id(), Peer.Now), "peer.tutor_year");
        PeerProgrammeTests.AssertConflict(PeerPair.Make(A.Id(), programme, tutor, 9, A.Id(), 7, 50, 0, A.Id(), Peer.Now), "peer.tutor_not_ahead");
    }

    [Theory]
    [InlineData(1, 0, true)]
    [InlineData(1, 1, false)]
    [InlineData(3, 2, true)]
    [InlineData(3, 3, false)]
    [InlineData(3, 4, false)]
    public void Make_StopsAtTheProgrammesCapOfTutees(int cap, int activePairs, bool allowed)
    {
        var programme = Peer.Programme(cap: cap);

        var pair = PeerPair.Make(A.Id(), programme, Peer.Tutor(programme), 9, A.Id(), 7, 40, activePairs, A.Id(), Peer.Now);

        if (allowed)
        {
            Assert.True(pair.IsSuccess);
        }
        else
        {
            PeerProgrammeTests.AssertConflict(pair, "peer.tutor_full");
        }
    }

    [Fact]
    public void End_KeepsTheFirstEndDate()
    {
        var pair = Peer.Pair(Peer.Programme());

        pair.End(Peer.Now);
        pair.End(Peer.Now.AddDays(1));

        Assert.False(pair.IsActive);
        Assert.Equal(Peer.Now, pair.EndedAt);
    }
}

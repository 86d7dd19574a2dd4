using School.Domain.PeerTutoring;

namespace School.Domain.Tests.PeerTutoring;

public class PeerTutorTests
{
    [Fact]
    public void Apply_WaitsForStaff_AndCannotTutorYet()
    {
        var programme = Peer.Programme();
        var teacher = A.Id();

        var tutor = PeerTutor.Apply(A.Id(), programme.Id, A.Id(), 70, Peer.Now, nominatedBy: teacher);

        Assert.Equal(TutorStatus.Applied, tutor.Status);
        Assert.Equal(teacher, tutor.NominatedBy);
        Assert.Null(tutor.TrainedOn);
        Assert.False(tutor.CanTutor);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Apply_WithALevelOutOfRange_IsAProgrammingError(int level)
    {
        Assert.ThrowsAny<ArgumentException>(() => PeerTutor.Apply(A.Id(), A.Id(), A.Id(), level, Peer.Now, null));
    }

    [Fact]
    public void Decide_ApprovesOrDeclines_Once()
    {
        var programme = Peer.Programme();
        var approved = Peer.Tutor(programme, approve: false, train: false);
        var declined = Peer.Tutor(programme, approve: false, train: false);
        var by = A.Id();

        Assert.True(approved.Decide(approve: true, by).IsSuccess);
        Assert.True(declined.Decide(approve: false, by).IsSuccess);

        Assert.Equal(TutorStatus.Approved, approved.Status);
        Assert.Equal(by, approved.DecidedBy);
        Assert.Equal(TutorStatus.Declined, declined.Status);
        PeerProgrammeTests.AssertConflict(approved.Decide(approve: false, by), "peer.already_decided");
        Assert.Equal(TutorStatus.Approved, approved.Status);
    }

    [Fact]
    public void Approved_ButUntrained_CannotTutor()
    {
        var tutor = Peer.Tutor(Peer.Programme(), approve: true, train: false);

        Assert.Equal(TutorStatus.Approved, tutor.Status);
        Assert.False(tutor.CanTutor);
    }

    [Fact]
    public void CompleteTraining_OfAnApprovedTutor_LetsThemTutor_AndKeepsTheFirstDate()
    {
        var tutor = Peer.Tutor(Peer.Programme(), approve: true, train: false);
        var first = new DateOnly(2026, 4, 15);

        Assert.True(tutor.CompleteTraining(first).IsSuccess);
        Assert.True(tutor.CompleteTraining(first.AddDays(7)).IsSuccess);

        Assert.Equal(first, tutor.TrainedOn);
        Assert.True(tutor.CanTutor);
    }

    [Fact]
    public void CompleteTraining_BeforeApproval_OrAfterDecline_IsRefused()
    {
        var programme = Peer.Programme();
        var applicant = Peer.Tutor(programme, approve: false, train: false);
        var declined = Peer.Tutor(programme, approve: false, train: false);
        declined.Decide(approve: false, A.Id());

        PeerProgrammeTests.AssertConflict(applicant.CompleteTraining(Peer.Today), "peer.not_approved");
        PeerProgrammeTests.AssertConflict(declined.CompleteTraining(Peer.Today), "peer.not_approved");
        Assert.Null(applicant.TrainedOn);
        Assert.False(declined.CanTutor);
    }
}

using School.Domain.Common;
using School.Domain.LearningPlans;

namespace School.Domain.Tests.LearningPlans;

public class LearningPlanTests
{
    [Fact]
    public void Create_IsADraftVersion1_StartedByTheCreator()
    {
        var content = P.Content();
        var studentId = A.Id();

        var plan = LearningPlan.Create(A.Id(), A.SchoolId(), studentId, " 2026/27 ", content, P.Tutor, P.Now);

        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.Equal(studentId, plan.StudentId);
        Assert.Equal("2026/27", plan.AcademicYear);
        var version = Assert.Single(plan.Versions);
        Assert.Equal(1, version.Number);
        Assert.Same(content, plan.Content);
        Assert.Empty(version.Agreements);
        Assert.Null(version.AgreedAt);
        var change = Assert.Single(version.Changes);
        Assert.Equal((P.Tutor.PersonId, P.Tutor.Name, P.Now), (change.PersonId, change.Name, change.At));
        Assert.Equal(["Plan started."], change.Summary);
        Assert.Empty(plan.Reviews);
    }

    [Fact]
    public void Create_WithoutAnAcademicYear_Throws()
    {
        Assert.Throws<ArgumentException>(() => LearningPlan.Create(A.Id(), A.SchoolId(), A.Id(), " ", P.Content(), P.Tutor, P.Now));
    }

    [Fact]
    public void Propose_ADraft_IsProposed_RecordsWhoProposed_AndBumpsRevision()
    {
        var plan = P.Plan();
        var before = plan.Revision;

        var result = plan.Propose(P.Pupil, P.Now.AddHours(1));

        Assert.True(result.IsSuccess);
        Assert.Equal(PlanStatus.Proposed, plan.Status);
        Assert.Equal(before + 1, plan.Revision);
        var change = plan.Current.Changes[^1];
        Assert.Equal((P.Pupil.PersonId, P.Now.AddHours(1)), (change.PersonId, change.At));
        Assert.Equal(["Proposed for agreement."], change.Summary);
        Assert.Single(plan.Versions);
    }

    [Fact]
    public void Propose_AProposedPlan_FailsWithConflict_AndChangesNothing()
    {
        var plan = P.Proposed();
        var revision = plan.Revision;
        var changes = plan.Current.Changes.Count;

        var result = plan.Propose(P.Tutor, P.Now.AddHours(1));

        Assert.Equal(ErrorKind.Conflict, result.Error?.Kind);
        Assert.Equal("plan.not_draft", result.Error?.Code);
        Assert.Equal(PlanStatus.Proposed, plan.Status);
        Assert.Equal(revision, plan.Revision);
        Assert.Equal(changes, plan.Current.Changes.Count);
    }

    [Fact]
    public void Propose_AnAgreedPlan_FailsWithConflict()
    {
        var plan = P.Agreed();

        var result = plan.Propose(P.Tutor, P.Now.AddHours(1));

        Assert.Equal("plan.not_draft", result.Error?.Code);
        Assert.Equal(PlanStatus.Agreed, plan.Status);
    }

    [Fact]
    public void Agree_ADraft_FailsWithConflict_AndRecordsNoAgreement()
    {
        var plan = P.Plan();
        var revision = plan.Revision;

        var result = plan.Agree(PlanParty.Student, P.Pupil, P.Now);

        Assert.Equal(ErrorKind.Conflict, result.Error?.Kind);
        Assert.Equal("plan.not_proposed", result.Error?.Code);
        Assert.Empty(plan.Current.Agreements);
        Assert.Equal(revision, plan.Revision);
    }

    [Fact]
    public void Agree_AnAgreedPlan_FailsWithConflict()
    {
        var plan = P.Agreed();

        var result = plan.Agree(PlanParty.Guardian, new PlanActor(A.Id(), "Chris Morgan"), P.Now.AddHours(1));

        Assert.Equal("plan.not_proposed", result.Error?.Code);
        Assert.Equal(3, plan.Current.Agreements.Count);
    }

    [Fact]
    public void Agree_ByTheSamePersonTwice_FailsWithConflict()
    {
        var plan = P.Proposed();
        plan.Agree(PlanParty.Student, P.Pupil, P.Now.AddMinutes(10));

        var result = plan.Agree(PlanParty.Student, P.Pupil, P.Now.AddMinutes(11));

        Assert.Equal(ErrorKind.Conflict, result.Error?.Kind);
        Assert.Equal("plan.already_agreed", result.Error?.Code);
        Assert.Single(plan.Current.Agreements);
    }

    [Fact]
    public void Agree_ByOneOrTwoParties_StaysProposed()
    {
        var plan = P.Proposed();

        var first = plan.Agree(PlanParty.Student, P.Pupil, P.Now.AddMinutes(10));
        var afterOne = plan.Status;
        var second = plan.Agree(PlanParty.PersonalTutor, P.Tutor, P.Now.AddMinutes(20));

        Assert.True(first.IsSuccess);
        Assert.True(second.IsSuccess);
        Assert.Equal(PlanStatus.Proposed, afterOne);
        Assert.Equal(PlanStatus.Proposed, plan.Status);
        Assert.Null(plan.Current.AgreedAt);
        Assert.Equal([PlanParty.Student, PlanParty.PersonalTutor], plan.Current.Agreements.Select(a => a.Party));
    }

    [Fact]
    public void Agree_ByTwoGuardiansAndTheStudent_IsNotEnoughWithoutTheTutor()
    {
        var plan = P.Proposed();

        plan.Agree(PlanParty.Guardian, P.Mother, P.Now.AddMinutes(10));
        plan.Agree(PlanParty.Guardian, new PlanActor(A.Id(), "Sam Morgan"), P.Now.AddMinutes(11));
        plan.Agree(PlanParty.Student, P.Pupil, P.Now.AddMinutes(12));

        Assert.Equal(PlanStatus.Proposed, plan.Status);
        Assert.Equal(3, plan.Current.Agreements.Count);
    }

    [Fact]
    public void Agree_ByAllThreeParties_IsAgreed_WhenTheLastOneAgrees()
    {
        var plan = P.Proposed();
        var before = plan.Revision;

        plan.Agree(PlanParty.Guardian, P.Mother, P.Now.AddMinutes(10));
        plan.Agree(PlanParty.PersonalTutor, P.Tutor, P.Now.AddMinutes(20));
        var last = plan.Agree(PlanParty.Student, P.Pupil, P.Now.AddMinutes(30));

        Assert.True(last.IsSuccess);
        Assert.Equal(PlanStatus.Agreed, plan.Status);
        Assert.Equal(P.Now.AddMinutes(30), plan.Current.AgreedAt);
        Assert.Equal(before + 3, plan.Revision);
        var byMother = Assert.Single(plan.Current.Agreements, a => a.Party == PlanParty.Guardian);
        Assert.Equal((P.Mother.PersonId, P.Mother.Name, P.Now.AddMinutes(10)), (byMother.PersonId, byMother.Name, byMother.AgreedAt));
        Assert.Single(plan.Versions);
    }

    [Fact]
    public void Edit_AnAgreedPlan_OpensVersion2AsADraft_AndKeepsVersion1WithItsAgreements()
    {
        var plan = P.Agreed();
        var version1 = plan.Current;
        var changed = plan.Content with { Targets = [plan.Content.Targets[0] with { CurrentRung = 2 }, plan.Content.Targets[1]] };
        var before = plan.Revision;

        var result = plan.Edit(changed, P.Tutor, P.Now.AddDays(28));

        Assert.True(result.IsSuccess);
        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.Equal(before + 1, plan.Revision);
        Assert.Equal([1, 2], plan.Versions.Select(v => v.Number));
        Assert.Same(version1, plan.Versions[0]);
        Assert.Equal(3, plan.Versions[0].Agreements.Count);
        Assert.NotNull(plan.Versions[0].AgreedAt);
        Assert.Equal(1, plan.Versions[0].Content.Targets[0].CurrentRung);
        Assert.Equal(2, plan.Current.Number);
        Assert.Same(changed, plan.Content);
        Assert.Empty(plan.Current.Agreements);
        Assert.Null(plan.Current.AgreedAt);
        var change = Assert.Single(plan.Current.Changes);
        Assert.Equal((P.Tutor.PersonId, P.Now.AddDays(28)), (change.PersonId, change.At));
        Assert.Equal(["'Reach grade 6 in maths' moved from rung 1 to rung 2."], change.Summary);
    }

    [Fact]
    public void Edit_Version2_ThenProposedAndAgreedAgain_IsAgreed_AndVersion1IsUntouched()
    {
        var plan = P.Agreed();
        var version1 = plan.Versions[0];
        plan.Edit(plan.Content with { Activities = ["Football club", "Orchestra"] }, P.Pupil, P.Now.AddDays(1));

        plan.Propose(P.Pupil, P.Now.AddDays(2));
        plan.Agree(PlanParty.Student, P.Pupil, P.Now.AddDays(2));
        plan.Agree(PlanParty.PersonalTutor, P.Tutor, P.Now.AddDays(3));
        var beforeGuardian = plan.Status;
        plan.Agree(PlanParty.Guardian, P.Mother, P.Now.AddDays(4));

        Assert.Equal(PlanStatus.Proposed, beforeGuardian);
        Assert.Equal(PlanStatus.Agreed, plan.Status);
        Assert.Equal(2, plan.Versions.Count);
        Assert.Same(version1, plan.Versions[0]);
        Assert.Equal(P.Now.AddDays(4), plan.Current.AgreedAt);
    }

    [Fact]
    public void Edit_AProposedPlan_SendsItBackToDraft_InTheSameVersion_AndClearsItsAgreements()
    {
        var plan = P.Proposed();
        plan.Agree(PlanParty.Student, P.Pupil, P.Now.AddMinutes(10));
        plan.Agree(PlanParty.Guardian, P.Mother, P.Now.AddMinutes(20));

        var result = plan.Edit(plan.Content with { OptionChoices = ["GCSE History"] }, P.Tutor, P.Now.AddMinutes(30));

        Assert.True(result.IsSuccess);
        Assert.Equal(PlanStatus.Draft, plan.Status);
        var version = Assert.Single(plan.Versions);
        Assert.Equal(1, version.Number);
        Assert.Empty(version.Agreements);
        Assert.Equal(["Changed option choices."], version.Changes[^1].Summary);
        Assert.Equal(3, version.Changes.Count);
    }

    [Fact]
    public void Edit_ADraft_StaysVersion1_AndAddsTheChange()
    {
        var plan = P.Plan();

        plan.Edit(plan.Content with { PersonalChallenge = "Run a 10k" }, P.Pupil, P.Now.AddHours(1));

        Assert.Equal(PlanStatus.Draft, plan.Status);
        var version = Assert.Single(plan.Versions);
        Assert.Equal("Run a 10k", version.Content.PersonalChallenge);
        Assert.Equal(["Changed the personal challenge."], version.Changes[^1].Summary);
        Assert.Equal(P.Pupil.Name, version.Changes[^1].Name);
    }

    [Theory]
    [InlineData(PlanStatus.Draft)]
    [InlineData(PlanStatus.Proposed)]
    [InlineData(PlanStatus.Agreed)]
    public void Edit_WithIdenticalContent_ChangesNothing(PlanStatus status)
    {
        var plan = status switch
        {
            PlanStatus.Draft => P.Plan(),
            PlanStatus.Proposed => P.Proposed(),
            _ => P.Agreed(),
        };
        var revision = plan.Revision;
        var versions = plan.Versions;
        var current = plan.Current;

        var result = plan.Edit(plan.Content, P.Tutor, P.Now.AddDays(1));

        Assert.True(result.IsSuccess);
        Assert.Equal(status, plan.Status);
        Assert.Equal(revision, plan.Revision);
        Assert.Same(versions, plan.Versions);
        Assert.Same(current, plan.Current);
    }

    [Fact]
    public void Edit_WithEqualContentBuiltAfresh_ChangesNothing()
    {
        // As from an HTTP request: the same values in new lists and records.
        var plan = P.Agreed();
        var revision = plan.Revision;
        var same = new PlanContent(
            plan.Content.Targets.Select(t => t with { Ladder = t.Ladder.Select(r => new Rung(r.Level, r.Description)).ToList() }).ToList(),
            plan.Content.OptionChoices.ToList(),
            plan.Content.Activities.ToList(),
            plan.Content.PersonalChallenge,
            plan.Content.SelfAssessment! with { });

        plan.Edit(same, P.Pupil, P.Now.AddDays(1));

        Assert.Equal(PlanStatus.Agreed, plan.Status);
        Assert.Equal(revision, plan.Revision);
        Assert.Single(plan.Versions);
    }

    [Fact]
    public void Comment_IsARecordOfWhoWhenAndTheTrimmedText_AndLeavesThePlanAndItsRevisionAlone()
    {
        var plan = P.Agreed();
        var revision = plan.Revision;
        var id = Guid.CreateVersion7();

        var comment = plan.Comment(id, P.Mother, "  Thank you!  ", P.Now.AddDays(1));

        Assert.Equal((id, plan.Id), (comment.Id, comment.PlanId));
        Assert.Equal((P.Mother.PersonId, P.Mother.Name, "Thank you!", P.Now.AddDays(1)), (comment.PersonId, comment.Name, comment.Text, comment.At));
        Assert.Equal(revision, plan.Revision);
        Assert.Equal(PlanStatus.Agreed, plan.Status);
    }

    [Fact]
    public void Comment_TooLong_Throws()
    {
        var plan = P.Plan();

        var revision = plan.Revision;

        Assert.Throws<ArgumentException>(() => plan.Comment(Guid.CreateVersion7(), P.Mother, new string('x', LearningPlan.MaxCommentLength + 1), P.Now));
        Assert.Equal(revision, plan.Revision);
    }

    [Fact]
    public void RecordReview_AddsTheReview_AndLeavesTheAgreementAlone()
    {
        var plan = P.Agreed();
        var revision = plan.Revision;
        var review = new PlanReview(new(2026, 10, 19), 15, 15, ["Alex Morgan", "Jo Morgan"], "Good start.", ["Reach grade 6 in maths"], P.Tutor.PersonId, P.Now.AddDays(28));

        plan.RecordReview(review);

        Assert.Same(review, Assert.Single(plan.Reviews));
        Assert.Equal(revision + 1, plan.Revision);
        Assert.Equal(PlanStatus.Agreed, plan.Status);
        Assert.Single(plan.Versions);
    }
}

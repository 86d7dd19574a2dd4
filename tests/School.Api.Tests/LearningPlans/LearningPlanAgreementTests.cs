namespace School.Api.Tests.LearningPlans;

/// <summary>
/// Only the parties agree a plan: the student, a guardian with parental responsibility whose access is allowed, and the
/// personal tutor; and only a proposed version, once each.
/// </summary>
public sealed class LearningPlanAgreementTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    [Theory]
    [InlineData(Accounts.Mentor)]
    [InlineData(Accounts.Pastoral)]
    [InlineData(Accounts.Admin)]
    public async Task Agree_BySomeoneWhoMaySeeThePlanButIsNotAParty_Is403_AndRecordsNothing(string caller)
    {
        var family = await factory.NewFamilyAsync();
        await ProposedPlanAsync(family);
        using var client = await factory.ClientFor(caller);
        using var tutor = await factory.ClientFor(Accounts.Tutor);

        var response = await client.ActAsync(family.StudentId, "agree", await tutor.ETagAsync(family.StudentId));

        await response.AssertProblem(HttpStatusCode.Forbidden);
        var plan = await tutor.PlanAsync(family.StudentId);
        Assert.Equal("Proposed", plan.Status());
        Assert.Empty(plan.GetProperty("agreements").EnumerateArray());
    }

    [Fact]
    public async Task Agree_ByAGuardianWithoutParentalResponsibility_Is403_ThoughTheyReadThePlan()
    {
        var family = await factory.NewFamilyAsync();
        await ProposedPlanAsync(family);
        using var grandparent = await factory.GuardianWithoutResponsibilityOf(family);

        var read = await grandparent.GetAsync(PlanApi.Url(family.StudentId));
        var response = await grandparent.ActAsync(family.StudentId, "agree", read.ETag());

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await response.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Empty((await grandparent.PlanAsync(family.StudentId)).GetProperty("agreements").EnumerateArray());
    }

    [Fact]
    public async Task Agree_ByAGuardianWhoseAccessWasStopped_Is404()
    {
        var family = await factory.NewFamilyAsync();
        await ProposedPlanAsync(family);
        using var mother = await factory.GuardianOf(family);
        var etag = await mother.ETagAsync(family.StudentId);
        using var admin = await factory.ClientFor(Accounts.Admin);
        var stop = await admin.PutAsJsonAsync($"/api/students/{family.StudentId}/guardians/{family.GuardianId}", new
        {
            relationship = "Mother",
            hasParentalResponsibility = true,
            accessAllowed = false,
            accessStoppedReason = "Court order, 1 October 2026",
        });

        var withTheOldToken = await mother.ActAsync(family.StudentId, "agree", etag);
        using var motherAgain = await factory.SignInAgain(family.GuardianEmail, Family.Password);
        var response = await motherAgain.ActAsync(family.StudentId, "agree", etag);

        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        await withTheOldToken.AssertProblem(HttpStatusCode.Unauthorized);
        await response.AssertProblem(HttpStatusCode.NotFound);
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        Assert.Empty((await tutor.PlanAsync(family.StudentId)).GetProperty("agreements").EnumerateArray());
    }

    [Fact]
    public async Task Agree_ByTheParentOfAnotherChild_Is404()
    {
        var family = await factory.NewFamilyAsync();
        await ProposedPlanAsync(family);
        using var otherParent = await factory.ClientFor(Accounts.Parent);

        var response = await otherParent.ActAsync(family.StudentId, "agree", "\"1\"");

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("student")]
    [InlineData("guardian")]
    [InlineData("tutor")]
    public async Task Agree_ADraft_Is409(string party)
    {
        var family = await factory.NewFamilyAsync();
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        await tutor.CreatedPlanAsync(family.StudentId);
        using var client = party switch
        {
            "student" => await factory.StudentOf(family),
            "guardian" => await factory.GuardianOf(family),
            _ => await factory.ClientFor(Accounts.Tutor),
        };

        var response = await client.ActFreshAsync(family.StudentId, "agree");

        var problem = await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal("plan.not_proposed", problem.GetProperty("code").GetString());
        Assert.Equal("Draft", (await tutor.PlanAsync(family.StudentId)).Status());
    }

    [Fact]
    public async Task Agree_Twice_Is409_AndTheFirstAgreementStands()
    {
        var family = await factory.NewFamilyAsync();
        await ProposedPlanAsync(family);
        using var student = await factory.StudentOf(family);
        await PlanApi.PlanOf(await student.ActFreshAsync(family.StudentId, "agree"));

        var response = await student.ActFreshAsync(family.StudentId, "agree");

        var problem = await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal("plan.already_agreed", problem.GetProperty("code").GetString());
        Assert.Equal(["Student"], (await student.PlanAsync(family.StudentId)).Parties());
    }

    [Fact]
    public async Task Agree_AnAgreedPlan_Is409()
    {
        using var parent = await factory.ClientFor(Accounts.Parent);

        var response = await parent.ActFreshAsync(DemoData.BridgemaryStudentId, "agree");

        var problem = await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal("plan.not_proposed", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Propose_AProposedPlan_Is409()
    {
        var family = await factory.NewFamilyAsync();
        await ProposedPlanAsync(family);
        using var student = await factory.StudentOf(family);

        var response = await student.ActFreshAsync(family.StudentId, "propose");

        var problem = await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal("plan.not_draft", problem.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("guardian")]
    [InlineData(Accounts.Mentor)]
    [InlineData(Accounts.Admin)]
    public async Task Propose_BySomeoneWhoDoesNotWriteThePlan_Is403(string caller)
    {
        var family = await factory.NewFamilyAsync();
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        await tutor.CreatedPlanAsync(family.StudentId);
        using var client = caller == "guardian" ? await factory.GuardianOf(family) : await factory.ClientFor(caller);

        var response = await client.ActFreshAsync(family.StudentId, "propose");

        await response.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal("Draft", (await tutor.PlanAsync(family.StudentId)).Status());
    }

    private async Task ProposedPlanAsync(Family family)
    {
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        await tutor.CreatedPlanAsync(family.StudentId);
        await PlanApi.PlanOf(await tutor.ActFreshAsync(family.StudentId, "propose"));
    }
}

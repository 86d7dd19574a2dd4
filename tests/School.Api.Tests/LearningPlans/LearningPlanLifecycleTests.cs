namespace School.Api.Tests.LearningPlans;

/// <summary>
/// The agreement lifecycle over HTTP on a student created for each test: drafted by tutor and student, proposed, agreed by
/// the student, a guardian with parental responsibility and the personal tutor; a later change opens a new version that
/// needs agreeing again, and the history keeps every version with what changed, by whom and when, and who agreed it.
/// </summary>
public sealed class LearningPlanLifecycleTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    [Fact]
    public async Task Create_ByTheTutor_Is201DraftVersion1_WithAnETagThatGetReturnsToo()
    {
        var family = await factory.NewFamilyAsync();
        using var tutor = await factory.ClientFor(Accounts.Tutor);

        var response = await tutor.CreatePlanAsync(family.StudentId, PlanApi.Content);
        var read = await tutor.GetAsync(PlanApi.Url(family.StudentId));

        var plan = await PlanApi.PlanOf(response, HttpStatusCode.Created);
        Assert.Equal($"/api/students/{family.StudentId}/learning-plan", response.Headers.Location?.OriginalString);
        Assert.Equal("Draft", plan.Status());
        Assert.Equal(1, plan.GetProperty("version").GetInt32());
        Assert.Equal(PlanApi.Year, plan.GetProperty("academicYear").GetString());
        Assert.Equal(2, plan.GetProperty("content").GetProperty("targets").GetArrayLength());
        Assert.All(plan.GetProperty("content").GetProperty("targets").EnumerateArray(), t => Assert.NotEqual(Guid.Empty, t.GetProperty("id").GetGuid()));
        Assert.Empty(plan.GetProperty("agreements").EnumerateArray());
        Assert.False(plan.GetProperty("subjectTargetsOnly").GetBoolean());
        Assert.Equal($"\"{plan.GetProperty("revision").GetUInt32()}\"", response.ETag());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(response.ETag(), read.ETag());
    }

    [Fact]
    public async Task AgreementLifecycle_ProposedThenAgreedByStudentGuardianAndTutor_ThenAChangeMakesVersion2NeedingAgreementAgain()
    {
        var family = await factory.NewFamilyAsync();
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        using var student = await factory.StudentOf(family);
        using var guardian = await factory.GuardianOf(family);
        var created = await tutor.CreatedPlanAsync(family.StudentId);
        var content = PlanApi.Content.WithIdsFrom(created);

        var proposed = await PlanApi.PlanOf(await tutor.ActFreshAsync(family.StudentId, "propose"));
        var byStudent = await PlanApi.PlanOf(await student.ActFreshAsync(family.StudentId, "agree"));
        var byGuardian = await PlanApi.PlanOf(await guardian.ActFreshAsync(family.StudentId, "agree"));
        var byTutor = await PlanApi.PlanOf(await tutor.ActFreshAsync(family.StudentId, "agree"));
        var changed = await PlanApi.PlanOf(await tutor.PutFreshAsync(family.StudentId, content.WithTarget(PlanApi.Maths, t => t with { CurrentRung = 2 })));

        Assert.Equal("Proposed", proposed.Status());
        Assert.Equal("Proposed", byStudent.Status());
        Assert.Equal(["Student"], byStudent.Parties());
        Assert.Equal("Proposed", byGuardian.Status());
        Assert.Equal(["Guardian", "Student"], byGuardian.Parties());
        Assert.Equal("Agreed", byTutor.Status());
        Assert.Equal(["Guardian", "PersonalTutor", "Student"], byTutor.Parties());
        Assert.Equal(1, byTutor.GetProperty("version").GetInt32());
        Assert.Equal("Draft", changed.Status());
        Assert.Equal(2, changed.GetProperty("version").GetInt32());
        Assert.Empty(changed.GetProperty("agreements").EnumerateArray());
        Assert.Equal(2, changed.Target(PlanApi.Maths).GetProperty("currentRung").GetInt32());

        // Version 2 needs all three again.
        await PlanApi.PlanOf(await student.ActFreshAsync(family.StudentId, "propose"));
        await PlanApi.PlanOf(await tutor.ActFreshAsync(family.StudentId, "agree"));
        var notYet = await PlanApi.PlanOf(await student.ActFreshAsync(family.StudentId, "agree"));
        var reagreed = await PlanApi.PlanOf(await guardian.ActFreshAsync(family.StudentId, "agree"));

        Assert.Equal("Proposed", notYet.Status());
        Assert.Equal("Agreed", reagreed.Status());
        Assert.Equal(["Guardian", "PersonalTutor", "Student"], reagreed.Parties());
        Assert.Equal(2, reagreed.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task History_ListsBothVersions_WithWhatChangedByWhomAndWhen_AndWhoAgreedVersion1()
    {
        var family = await factory.NewFamilyAsync();
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        using var student = await factory.StudentOf(family);
        using var guardian = await factory.GuardianOf(family);
        var created = await tutor.CreatedPlanAsync(family.StudentId);
        var startedAt = factory.Time.GetUtcNow();
        var content = PlanApi.Content.WithIdsFrom(created);
        factory.Time.Advance(TimeSpan.FromMinutes(10));
        await PlanApi.PlanOf(await tutor.ActFreshAsync(family.StudentId, "propose"));
        await PlanApi.PlanOf(await student.ActFreshAsync(family.StudentId, "agree"));
        factory.Time.Advance(TimeSpan.FromMinutes(10));
        var guardianAgreedAt = factory.Time.GetUtcNow();
        await PlanApi.PlanOf(await guardian.ActFreshAsync(family.StudentId, "agree"));
        await PlanApi.PlanOf(await tutor.ActFreshAsync(family.StudentId, "agree"));
        factory.Time.Advance(TimeSpan.FromMinutes(10));
        var changedAt = factory.Time.GetUtcNow();
        await PlanApi.PlanOf(await student.PutFreshAsync(
            family.StudentId, content with { Targets = [.. content.Targets, new TargetSpec("Speak up in class") { Area = "Personal", Subject = null }] }));

        using var mentor = await factory.ClientFor(Accounts.Mentor);
        var history = await mentor.HistoryAsync(family.StudentId);

        Assert.Equal(family.StudentId, history.GetProperty("studentId").GetGuid());
        var versions = history.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([1, 2], versions.Select(v => v.GetProperty("number").GetInt32()));
        var (v1, v2) = (versions[0], versions[1]);

        Assert.True(v1.GetProperty("agreed").GetBoolean());
        Assert.Equal(["Guardian", "PersonalTutor", "Student"], v1.Parties());
        var agreedByGuardian = v1.GetProperty("agreements").EnumerateArray().Single(a => a.GetProperty("party").GetString() == "Guardian");
        Assert.Equal(family.GuardianId, agreedByGuardian.GetProperty("personId").GetGuid());
        Assert.Equal("Jamie Planner", agreedByGuardian.GetProperty("name").GetString());
        Assert.Equal(guardianAgreedAt, agreedByGuardian.GetProperty("agreedAt").GetDateTimeOffset());
        var started = v1.GetProperty("changes")[0];
        Assert.Equal(("David Okafor", startedAt), (started.GetProperty("name").GetString(), started.GetProperty("at").GetDateTimeOffset()));
        Assert.Contains(v1.GetProperty("changes").EnumerateArray(), c => c.GetProperty("summary")[0].GetString() == "Proposed for agreement.");
        Assert.Equal(2, v1.GetProperty("content").GetProperty("targets").GetArrayLength());

        Assert.False(v2.GetProperty("agreed").GetBoolean());
        Assert.Empty(v2.GetProperty("agreements").EnumerateArray());
        var change = Assert.Single(v2.GetProperty("changes").EnumerateArray());
        Assert.Equal(family.StudentId, change.GetProperty("personId").GetGuid());
        Assert.Equal("Sam Planner", change.GetProperty("name").GetString());
        Assert.Equal(changedAt, change.GetProperty("at").GetDateTimeOffset());
        Assert.Equal(["Added target 'Speak up in class'."], change.GetProperty("summary").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(3, v2.GetProperty("content").GetProperty("targets").GetArrayLength());
    }

    [Fact]
    public async Task History_OfTheDemoPlan_HasTwoAgreedVersions_TheSecondMovingMathsUpARung()
    {
        using var parent = await factory.ClientFor(Accounts.Parent);

        var history = await parent.HistoryAsync(DemoData.BridgemaryStudentId);

        var versions = history.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(2, versions.Count);
        Assert.All(versions, v => Assert.Equal(["Guardian", "PersonalTutor", "Student"], v.Parties()));
        Assert.All(versions, v => Assert.Contains(
            v.GetProperty("agreements").EnumerateArray(), a => a.GetProperty("personId").GetGuid() == DemoData.BridgemaryParentId));
        var summary = versions[1].GetProperty("changes").EnumerateArray().SelectMany(c => c.GetProperty("summary").EnumerateArray()).Select(s => s.GetString()).ToList();
        Assert.Contains("'Reach grade 6 in maths' moved from rung 2 to rung 3.", summary);
        Assert.Equal(2, versions[0].Target(PlanApi.Maths).GetProperty("currentRung").GetInt32());
        Assert.Equal(3, versions[1].Target(PlanApi.Maths).GetProperty("currentRung").GetInt32());
    }

    [Fact]
    public async Task Put_WithoutIfMatch_Is428_AndChangesNothing()
    {
        var family = await factory.NewFamilyAsync();
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        var created = await tutor.CreatedPlanAsync(family.StudentId);
        var content = PlanApi.Content.WithIdsFrom(created).WithTarget(PlanApi.Maths, t => t with { CurrentRung = 3 });

        var response = await tutor.PutPlanAsync(family.StudentId, content, ifMatch: null);
        var after = await tutor.PlanAsync(family.StudentId);

        var problem = await response.AssertProblem((HttpStatusCode)428);
        Assert.Equal("precondition_required", problem.GetProperty("code").GetString());
        Assert.Equal(1, after.Target(PlanApi.Maths).GetProperty("currentRung").GetInt32());
        Assert.Equal(created.GetProperty("revision").GetUInt32(), after.GetProperty("revision").GetUInt32());
    }

    [Fact]
    public async Task ProposeAndAgree_WithoutIfMatch_Are428()
    {
        var family = await factory.NewFamilyAsync();
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        await tutor.CreatedPlanAsync(family.StudentId);

        var propose = await tutor.ActAsync(family.StudentId, "propose", ifMatch: null);
        await PlanApi.PlanOf(await tutor.ActFreshAsync(family.StudentId, "propose"));
        var agree = await tutor.ActAsync(family.StudentId, "agree", ifMatch: null);
        var after = await tutor.PlanAsync(family.StudentId);

        await propose.AssertProblem((HttpStatusCode)428);
        await agree.AssertProblem((HttpStatusCode)428);
        Assert.Empty(after.GetProperty("agreements").EnumerateArray());
    }

    [Fact]
    public async Task TwoEditorsAtOnce_TheSecondWithTheStaleETag_Is412_AndTheFirstChangeStands()
    {
        var family = await factory.NewFamilyAsync();
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        using var student = await factory.StudentOf(family);
        await tutor.CreatedPlanAsync(family.StudentId);
        var read = await tutor.GetAsync(PlanApi.Url(family.StudentId));
        var etag = read.ETag();
        var content = PlanApi.Content.WithIdsFrom(await read.Content.ReadFromJsonAsync<JsonElement>());

        var first = await student.PutPlanAsync(family.StudentId, content.WithTarget(PlanApi.Maths, t => t with { CurrentRung = 2 }), etag);
        var second = await tutor.PutPlanAsync(family.StudentId, content.WithTarget(PlanApi.Homework, t => t with { CurrentRung = 3 }), etag);
        var after = await tutor.PlanAsync(family.StudentId);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(etag, first.ETag());
        await second.AssertProblem(HttpStatusCode.PreconditionFailed);
        Assert.Equal(2, after.Target(PlanApi.Maths).GetProperty("currentRung").GetInt32());
        Assert.Equal(2, after.Target(PlanApi.Homework).GetProperty("currentRung").GetInt32());
    }

    [Fact]
    public async Task Agree_WithAStaleETag_Is412()
    {
        var family = await factory.NewFamilyAsync();
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        using var student = await factory.StudentOf(family);
        await tutor.CreatedPlanAsync(family.StudentId);
        var proposed = await tutor.ActFreshAsync(family.StudentId, "propose");
        var stale = proposed.ETag();
        await PlanApi.PlanOf(await tutor.ActAsync(family.StudentId, "agree", stale));

        var response = await student.ActAsync(family.StudentId, "agree", stale);

        await response.AssertProblem(HttpStatusCode.PreconditionFailed);
        Assert.Equal(["PersonalTutor"], (await student.PlanAsync(family.StudentId)).Parties());
    }

    [Fact]
    public async Task Put_WithAnUnreadableIfMatch_Is412()
    {
        var family = await factory.NewFamilyAsync();
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        await tutor.CreatedPlanAsync(family.StudentId);

        var response = await tutor.PutPlanAsync(family.StudentId, PlanApi.Content, "\"not-a-revision\"");

        await response.AssertProblem(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task ChangingAProposedPlan_SendsItBackToDraft_AndClearsItsAgreements()
    {
        var family = await factory.NewFamilyAsync();
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        using var student = await factory.StudentOf(family);
        var created = await tutor.CreatedPlanAsync(family.StudentId);
        await PlanApi.PlanOf(await tutor.ActFreshAsync(family.StudentId, "propose"));
        await PlanApi.PlanOf(await tutor.ActFreshAsync(family.StudentId, "agree"));

        var changed = await PlanApi.PlanOf(await student.PutFreshAsync(
            family.StudentId, PlanApi.Content.WithIdsFrom(created) with { Activities = ["Chess club", "Orchestra"] }));
        var history = await tutor.HistoryAsync(family.StudentId);

        Assert.Equal("Draft", changed.Status());
        Assert.Equal(1, changed.GetProperty("version").GetInt32());
        Assert.Empty(changed.GetProperty("agreements").EnumerateArray());
        var version = Assert.Single(history.GetProperty("versions").EnumerateArray());
        Assert.Contains(
            version.GetProperty("changes").EnumerateArray(),
            c => c.GetProperty("summary").EnumerateArray().Any(s => s.GetString() == "Changed out-of-hours activities."));
    }

    [Fact]
    public async Task PutWithIdenticalContent_Is200_AndChangesNeitherRevisionNorHistory()
    {
        var family = await factory.NewFamilyAsync();
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        var created = await tutor.CreatedPlanAsync(family.StudentId);
        var before = await tutor.HistoryAsync(family.StudentId);

        var response = await tutor.PutFreshAsync(family.StudentId, PlanApi.Content.WithIdsFrom(created));
        var after = await tutor.HistoryAsync(family.StudentId);

        var plan = await PlanApi.PlanOf(response);
        Assert.Equal(created.GetProperty("revision").GetUInt32(), plan.GetProperty("revision").GetUInt32());
        Assert.Equal("Draft", plan.Status());
        Assert.Equal(before.GetRawText(), after.GetRawText());
    }

    [Fact]
    public async Task TheStudent_StartsTheirOwnPlan()
    {
        var family = await factory.NewFamilyAsync();
        using var student = await factory.StudentOf(family);

        var response = await student.CreatePlanAsync(family.StudentId, PlanApi.Content);

        var plan = await PlanApi.PlanOf(response, HttpStatusCode.Created);
        Assert.Equal("Draft", plan.Status());
    }
}

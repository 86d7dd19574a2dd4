namespace School.Api.Tests.LearningPlans;

/// <summary>
/// Who does what: the tutor and student write; guardians read, comment and agree; the mentor and pastoral lead read;
/// a teacher reads the targets of the subjects they teach; the personal tutor records review days; anyone else gets 404.
/// </summary>
public sealed class LearningPlanRolesTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    [Fact]
    public async Task TheStudentAndTheTutor_BothEditThePlan()
    {
        var family = await factory.NewFamilyAsync();
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        using var student = await factory.StudentOf(family);
        var content = PlanApi.Content.WithIdsFrom(await tutor.CreatedPlanAsync(family.StudentId));

        var byStudent = await student.PutFreshAsync(family.StudentId, content with { Activities = ["Chess club", "Orchestra"] });
        var byTutor = await tutor.PutFreshAsync(family.StudentId, content with { Activities = ["Chess club", "Orchestra", "Drama"] });

        await PlanApi.PlanOf(byStudent);
        var plan = await PlanApi.PlanOf(byTutor);
        Assert.Equal(["Chess club", "Orchestra", "Drama"], plan.GetProperty("content").GetProperty("activities").EnumerateArray().Select(a => a.GetString()));
    }

    [Theory]
    [InlineData(Accounts.Parent)]
    [InlineData(Accounts.Mentor)]
    [InlineData(Accounts.Pastoral)]
    [InlineData(Accounts.Admin)]
    [InlineData(Accounts.Teacher)]
    public async Task Edit_BySomeoneWhoReadsButDoesNotWriteThePlan_Is403_AndChangesNothing(string caller)
    {
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        var before = await tutor.GetAsync(PlanApi.Url(DemoData.BridgemaryStudentId));
        var content = (await before.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("content");
        using var client = await factory.ClientFor(caller);

        var response = await client.PutPlanAsync(DemoData.BridgemaryStudentId, Without(content, "targets"), before.ETag());

        await response.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal(before.ETag(), await tutor.ETagAsync(DemoData.BridgemaryStudentId));
    }

    [Fact]
    public async Task Edit_ByAGuardianWithoutParentalResponsibility_Is403()
    {
        var family = await factory.NewFamilyAsync();
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        await tutor.CreatedPlanAsync(family.StudentId);
        using var grandparent = await factory.GuardianWithoutResponsibilityOf(family);

        var response = await grandparent.PutFreshAsync(family.StudentId, PlanApi.Content);

        await response.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("guardian")]
    [InlineData(Accounts.Admin)]
    [InlineData(Accounts.Mentor)]
    [InlineData(Accounts.Pastoral)]
    public async Task Create_BySomeoneWhoDoesNotWriteThePlan_Is403_AndCreatesNothing(string caller)
    {
        var family = await factory.NewFamilyAsync();
        using var client = caller == "guardian" ? await factory.GuardianOf(family) : await factory.ClientFor(caller);

        var response = await client.CreatePlanAsync(family.StudentId, PlanApi.Content);

        await response.AssertProblem(HttpStatusCode.Forbidden);
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        await (await tutor.GetAsync(PlanApi.Url(family.StudentId))).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Teacher_ReadsOnlyTheTargetsOfTheSubjectTheyTeach()
    {
        using var teacher = await factory.ClientFor(Accounts.Teacher);

        var response = await teacher.GetAsync(PlanApi.Url(DemoData.BridgemaryStudentId));

        var plan = await PlanApi.PlanOf(response);
        Assert.True(plan.GetProperty("subjectTargetsOnly").GetBoolean());
        var target = Assert.Single(plan.GetProperty("content").GetProperty("targets").EnumerateArray());
        Assert.Equal(("Subject", "Maths"), (target.GetProperty("area").GetString(), target.GetProperty("subject").GetString()));
        Assert.Equal(3, target.GetProperty("currentRung").GetInt32());
        Assert.Equal(4, target.GetProperty("ladder").GetArrayLength());
        var content = plan.GetProperty("content");
        Assert.Empty(content.GetProperty("optionChoices").EnumerateArray());
        Assert.Empty(content.GetProperty("activities").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, content.GetProperty("selfAssessment").ValueKind);
        Assert.Equal(0, plan.GetProperty("commentCount").GetInt32());
        Assert.Empty(plan.GetProperty("agreements").EnumerateArray());
        Assert.Empty(plan.GetProperty("reviews").EnumerateArray());
        Assert.DoesNotContain("English", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Premise_TheWholeDemoPlanHasMoreThanTheMathsTarget()
    {
        using var tutor = await factory.ClientFor(Accounts.Tutor);

        var plan = await tutor.PlanAsync(DemoData.BridgemaryStudentId);

        Assert.False(plan.GetProperty("subjectTargetsOnly").GetBoolean());
        Assert.Equal(4, plan.GetProperty("content").GetProperty("targets").GetArrayLength());
        Assert.Equal("English", plan.Target("Write a sustained argument").GetProperty("subject").GetString());
        Assert.True(plan.GetProperty("commentCount").GetInt32() > 0);
        Assert.Equal(3, plan.GetProperty("agreements").GetArrayLength());
        Assert.Equal(("Agreed", 2), (plan.Status(), plan.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task Teacher_HistoryIs404()
    {
        using var teacher = await factory.ClientFor(Accounts.Teacher);

        var response = await teacher.GetAsync($"{PlanApi.Url(DemoData.BridgemaryStudentId)}/history");

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Teacher_Commenting_Is403()
    {
        using var teacher = await factory.ClientFor(Accounts.Teacher);

        var response = await teacher.PostAsJsonAsync($"{PlanApi.Url(DemoData.BridgemaryStudentId)}/comments", new { text = "Well done." });

        await response.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Guardians_CommentWithoutIfMatch_AndTheCommentShowsWhoAndWhen()
    {
        var family = await factory.NewFamilyAsync();
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        var created = await tutor.CreatedPlanAsync(family.StudentId);
        using var mother = await factory.GuardianOf(family);
        using var grandparent = await factory.GuardianWithoutResponsibilityOf(family);

        var first = await mother.PostAsJsonAsync($"{PlanApi.Url(family.StudentId)}/comments", new { text = "  Proud of Sam.  " });
        factory.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await grandparent.PostAsJsonAsync($"{PlanApi.Url(family.StudentId)}/comments", new { text = "Keep it up!" });

        await PlanApi.PlanOf(first, HttpStatusCode.Created);
        await PlanApi.PlanOf(second, HttpStatusCode.Created);
        var plan = await tutor.PlanAsync(family.StudentId);
        // A comment is not a change to the plan: its revision (the ETag) is the one it was created with.
        Assert.Equal($"\"{created.GetProperty("revision").GetUInt32()}\"", await tutor.ETagAsync(family.StudentId));
        Assert.Equal(created.GetProperty("revision").GetUInt32(), plan.GetProperty("revision").GetUInt32());
        Assert.Equal(2, plan.GetProperty("commentCount").GetInt32());
        var comments = (await tutor.GetFromJsonAsync<JsonElement>($"{PlanApi.Url(family.StudentId)}/comments")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Proud of Sam.", "Keep it up!"], comments.Select(c => c.GetProperty("text").GetString()));
        Assert.Equal(family.GuardianId, comments[0].GetProperty("personId").GetGuid());
        Assert.Equal("Jamie Planner", comments[0].GetProperty("name").GetString());
        Assert.Equal(factory.Time.GetUtcNow().AddSeconds(-1), comments[0].GetProperty("at").GetDateTimeOffset());
        Assert.Equal(factory.Time.GetUtcNow(), comments[1].GetProperty("at").GetDateTimeOffset());
        Assert.Equal("Draft", plan.Status());
    }

    [Fact]
    public async Task TheParentOfAnotherChild_Gets404ForEverything()
    {
        var family = await factory.NewFamilyAsync();
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        await tutor.CreatedPlanAsync(family.StudentId);
        var etag = await tutor.ETagAsync(family.StudentId);
        using var parent = await factory.ClientFor(Accounts.Parent);

        var get = await parent.GetAsync(PlanApi.Url(family.StudentId));
        var history = await parent.GetAsync($"{PlanApi.Url(family.StudentId)}/history");
        var comment = await parent.PostAsJsonAsync($"{PlanApi.Url(family.StudentId)}/comments", new { text = "Hello" });
        var put = await parent.PutPlanAsync(family.StudentId, PlanApi.Content, etag);

        await get.AssertProblem(HttpStatusCode.NotFound);
        await history.AssertProblem(HttpStatusCode.NotFound);
        await comment.AssertProblem(HttpStatusCode.NotFound);
        await put.AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(0, (await tutor.PlanAsync(family.StudentId)).GetProperty("commentCount").GetInt32());
    }

    [Theory]
    [InlineData(Accounts.CramlingtonAdmin)]
    [InlineData(Accounts.CramlingtonStudent)]
    [InlineData(Accounts.CramlingtonParent)]
    public async Task CramlingtonAccounts_Get404ForEverythingOfABridgemaryPlan(string caller)
    {
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        var etag = await tutor.ETagAsync(DemoData.BridgemaryStudentId);
        using var client = await factory.ClientFor(caller);
        var url = PlanApi.Url(DemoData.BridgemaryStudentId);

        var responses = new[]
        {
            await client.GetAsync(url),
            await client.GetAsync($"{url}/history"),
            await client.GetAsync($"{url}/comments"),
            await client.CreatePlanAsync(DemoData.BridgemaryStudentId, PlanApi.Content, "2027/28"),
            await client.PutPlanAsync(DemoData.BridgemaryStudentId, PlanApi.Content, etag),
            await client.ActAsync(DemoData.BridgemaryStudentId, "propose", etag),
            await client.ActAsync(DemoData.BridgemaryStudentId, "agree", etag),
            await client.PostAsJsonAsync($"{url}/comments", new { text = "Hello" }),
            await client.PostAsJsonAsync($"{url}/reviews", Review()),
        };

        foreach (var response in responses)
        {
            await response.AssertProblem(HttpStatusCode.NotFound);
        }

        Assert.Equal(etag, await tutor.ETagAsync(DemoData.BridgemaryStudentId));
    }

    [Fact]
    public async Task ReviewDay_RecordedByThePersonalTutor_ShowsInThePlan()
    {
        var family = await factory.NewFamilyAsync();
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        await tutor.CreatedPlanAsync(family.StudentId);

        var response = await tutor.PostAsJsonAsync($"{PlanApi.Url(family.StudentId)}/reviews", Review());
        using var mother = await factory.GuardianOf(family);
        var seenByMother = await mother.PlanAsync(family.StudentId);

        var plan = await PlanApi.PlanOf(response);
        Assert.Equal($"\"{plan.GetProperty("revision").GetUInt32()}\"", response.ETag());
        foreach (var seen in new[] { plan, seenByMother })
        {
            var review = Assert.Single(seen.GetProperty("reviews").EnumerateArray());
            Assert.Equal("2026-10-19", review.GetProperty("date").GetString());
            Assert.Equal((15, 15), (review.GetProperty("studentMinutes").GetInt32(), review.GetProperty("familyMinutes").GetInt32()));
            Assert.Equal(["Sam Planner", "Jamie Planner", "David Okafor"], review.GetProperty("attended").EnumerateArray().Select(a => a.GetString()));
            Assert.Equal([PlanApi.Maths], review.GetProperty("targetsSet").EnumerateArray().Select(a => a.GetString()));
            Assert.Equal(DemoData.BridgemaryTutorId, review.GetProperty("recordedBy").GetGuid());
            Assert.Equal(factory.Time.GetUtcNow(), review.GetProperty("recordedAt").GetDateTimeOffset());
        }
    }

    [Theory]
    [InlineData("student")]
    [InlineData("guardian")]
    [InlineData(Accounts.Mentor)]
    [InlineData(Accounts.Pastoral)]
    [InlineData(Accounts.Admin)]
    public async Task ReviewDay_RecordedByAnyoneButThePersonalTutor_Is403(string caller)
    {
        var family = await factory.NewFamilyAsync();
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        await tutor.CreatedPlanAsync(family.StudentId);
        using var client = caller switch
        {
            "student" => await factory.StudentOf(family),
            "guardian" => await factory.GuardianOf(family),
            _ => await factory.ClientFor(caller),
        };

        var response = await client.PostAsJsonAsync($"{PlanApi.Url(family.StudentId)}/reviews", Review());

        await response.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Empty((await tutor.PlanAsync(family.StudentId)).GetProperty("reviews").EnumerateArray());
    }

    [Fact]
    public async Task ReviewDay_ForAStudentWithoutAPlan_Is404()
    {
        var family = await factory.NewFamilyAsync();
        using var tutor = await factory.ClientFor(Accounts.Tutor);

        var response = await tutor.PostAsJsonAsync($"{PlanApi.Url(family.StudentId)}/reviews", Review());

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    private static object Review() => new
    {
        date = "2026-10-19",
        studentMinutes = 15,
        familyMinutes = 15,
        attended = new[] { "Sam Planner", "Jamie Planner", "David Okafor" },
        notes = "A strong start.",
        targetsSet = new[] { PlanApi.Maths },
    };

    /// <summary>A copy of <paramref name="content"/> with <paramref name="property"/> emptied: a real change, were it allowed.</summary>
    private static Dictionary<string, object?> Without(JsonElement content, string property) =>
        content.EnumerateObject().ToDictionary(p => p.Name, p => p.Name == property ? Array.Empty<object>() : (object?)p.Value);

    [Fact]
    public async Task ATeacherWhoDoesNotTeachTheStudent_IsToldThePlanDoesNotExist()
    {
        var family = await factory.NewFamilyAsync();
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        await tutor.CreatedPlanAsync(family.StudentId);
        using var teacher = await factory.ClientFor(Accounts.Teacher);

        var read = await teacher.GetAsync($"/api/students/{family.StudentId}/learning-plan");
        var agree = await teacher.ActAsync(family.StudentId, "agree", "\"0\"");

        await read.AssertProblem(HttpStatusCode.NotFound);
        await agree.AssertProblem(HttpStatusCode.NotFound);
    }
}

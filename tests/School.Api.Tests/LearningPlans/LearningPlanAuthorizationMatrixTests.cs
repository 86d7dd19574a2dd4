namespace School.Api.Tests.LearningPlans;

/// <summary>
/// The learning-plan endpoints × every demo account × three students: the Bridgemary demo student (an agreed plan), another
/// Bridgemary student with no link to any demo account and no plan, and the Cramlington demo student (no plan). A caller
/// who may not see the student, or the plan, gets 404 — as does an allowed caller when there is no plan.
/// </summary>
public sealed class LearningPlanAuthorizationMatrixTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private const string Demo = "bridgemary-demo";
    private const string Other = "bridgemary-other";
    private const string Cram = "cramlington-demo";

    /// <summary>A generated Bridgemary student taught, tutored and mentored by nobody with a demo account.</summary>
    private static readonly Guid OtherStudentId = DemoData.IdFor("bridgemary:student:BMC08100");

    /// <summary>Everyone who reads the learning record, and the teacher (the Maths target only); nobody at the other school.</summary>
    public static TheoryData<string, string, int> ReadPlan => Matrix(
        (Accounts.Admin, 200, 404, 404),
        (Accounts.Tutor, 200, 404, 404),
        (Accounts.Mentor, 200, 404, 404),
        (Accounts.Teacher, 200, 404, 404),
        (Accounts.Pastoral, 200, 404, 404),
        (Accounts.Student, 200, 404, 404),
        (Accounts.Parent, 200, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 404),
        (Accounts.CramlingtonStudent, 404, 404, 404),
        (Accounts.CramlingtonParent, 404, 404, 404));

    /// <summary>The history is for those who read the whole plan: not the teacher.</summary>
    public static TheoryData<string, string, int> ReadHistory => Matrix(
        (Accounts.Admin, 200, 404, 404),
        (Accounts.Tutor, 200, 404, 404),
        (Accounts.Mentor, 200, 404, 404),
        (Accounts.Teacher, 404, 404, 404),
        (Accounts.Pastoral, 200, 404, 404),
        (Accounts.Student, 200, 404, 404),
        (Accounts.Parent, 200, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 404),
        (Accounts.CramlingtonStudent, 404, 404, 404),
        (Accounts.CramlingtonParent, 404, 404, 404));

    /// <summary>The comments, like the history, are for those who read the whole plan: not the teacher.</summary>
    public static TheoryData<string, string, int> ReadComments => ReadHistory;

    [Fact]
    public async Task Premise_OnlyTheDemoStudentHasAPlan_AndTheOtherTwoAreVisibleToTheirAdmins()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/students/{OtherStudentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cramlington.GetAsync($"/api/students/{DemoData.CramlingtonStudentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(PlanApi.Url(DemoData.BridgemaryStudentId))).StatusCode);
        await (await admin.GetAsync(PlanApi.Url(OtherStudentId))).AssertProblem(HttpStatusCode.NotFound);
        await (await cramlington.GetAsync(PlanApi.Url(DemoData.CramlingtonStudentId))).AssertProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(ReadPlan))]
    public async Task GetLearningPlan(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);

        var response = await client.GetAsync(PlanApi.Url(IdOf(target)));

        await AssertStatus(response, expected);
        if (expected == 200)
        {
            var plan = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal($"\"{plan.GetProperty("revision").GetUInt32()}\"", response.ETag());
            Assert.Equal(IdOf(target), plan.GetProperty("studentId").GetGuid());
            var subjectTargetsOnly = plan.GetProperty("subjectTargetsOnly").GetBoolean();
            Assert.Equal(caller == Accounts.Teacher, subjectTargetsOnly);
            Assert.Equal(subjectTargetsOnly ? 1 : 4, plan.GetProperty("content").GetProperty("targets").GetArrayLength());
        }
    }

    [Theory]
    [MemberData(nameof(ReadHistory))]
    public async Task GetLearningPlanHistory(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);

        var response = await client.GetAsync($"{PlanApi.Url(IdOf(target))}/history");

        await AssertStatus(response, expected);
        if (expected == 200)
        {
            var history = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(2, history.GetProperty("versions").GetArrayLength());
        }
    }

    [Theory]
    [MemberData(nameof(ReadComments))]
    public async Task ListLearningPlanComments(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);

        var response = await client.GetAsync($"{PlanApi.Url(IdOf(target))}/comments");

        await AssertStatus(response, expected);
        if (expected == 200)
        {
            var comments = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Thank you — Alex is really enjoying the science Fridays.", comments.GetProperty("items")[0].GetProperty("text").GetString());
        }
    }

    private static Guid IdOf(string target) => target switch
    {
        Demo => DemoData.BridgemaryStudentId,
        Other => OtherStudentId,
        Cram => DemoData.CramlingtonStudentId,
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    private static Task AssertStatus(HttpResponseMessage response, int expected) => PlanApi.AssertStatus(response, (HttpStatusCode)expected);

    private static TheoryData<string, string, int> Matrix(params (string Caller, int Demo, int Other, int Cram)[] rows)
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (caller, demo, other, cram) in rows)
        {
            data.Add(caller, Demo, demo);
            data.Add(caller, Other, other);
            data.Add(caller, Cram, cram);
        }

        return data;
    }
}

namespace School.Api.Tests.LearningPlans;

/// <summary>
/// POST .../learning-plan × every demo account × the three students of <see cref="LearningPlanAuthorizationMatrixTests"/>, in
/// a database of its own: the Cramlington student's row creates a plan, which no other row here depends on. The demo student
/// already has a plan for 2026/27, so even its writers get 409 there.
/// </summary>
public sealed class LearningPlanCreateMatrixTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private const string Demo = "bridgemary-demo";
    private const string Other = "bridgemary-other";
    private const string Cram = "cramlington-demo";

    private static readonly Guid OtherStudentId = DemoData.IdFor("bridgemary:student:BMC08100");

    public static TheoryData<string, string, int> CreatePlan
    {
        get
        {
            var data = new TheoryData<string, string, int>();
            foreach (var (caller, demo, other, cram) in new[]
            {
                (Accounts.Admin, 403, 403, 404),
                (Accounts.Tutor, 409, 404, 404),
                (Accounts.Mentor, 403, 404, 404),
                (Accounts.Teacher, 403, 404, 404),
                (Accounts.Pastoral, 403, 403, 404),
                (Accounts.Student, 409, 404, 404),
                (Accounts.Parent, 403, 404, 404),
                (Accounts.CramlingtonAdmin, 404, 404, 403),
                (Accounts.CramlingtonStudent, 404, 404, 201),
                (Accounts.CramlingtonParent, 404, 404, 403),
            })
            {
                data.Add(caller, Demo, demo);
                data.Add(caller, Other, other);
                data.Add(caller, Cram, cram);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(CreatePlan))]
    public async Task PostLearningPlan(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);
        var studentId = target switch
        {
            Demo => DemoData.BridgemaryStudentId,
            Other => OtherStudentId,
            _ => DemoData.CramlingtonStudentId,
        };

        var response = await client.CreatePlanAsync(studentId, PlanApi.Content);

        await PlanApi.AssertStatus(response, (HttpStatusCode)expected);
        if (expected == 201)
        {
            var plan = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(studentId, plan.GetProperty("studentId").GetGuid());
            Assert.Equal($"\"{plan.GetProperty("revision").GetUInt32()}\"", response.ETag());
        }
    }
}

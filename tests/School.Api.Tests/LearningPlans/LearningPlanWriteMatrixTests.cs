namespace School.Api.Tests.LearningPlans;

/// <summary>
/// The plan's writes × every demo account × the three students of <see cref="LearningPlanAuthorizationMatrixTests"/>. Who may
/// not see the student gets 404; who may see but not do this, 403; a party acting on the agreed demo plan in a way its state
/// does not allow, 409; an allowed caller on a student without a plan, 404. The only writes that succeed leave the demo plan
/// as the other rows expect it (an identical PUT, comments, a review), so the rows are independent.
/// </summary>
public sealed class LearningPlanWriteMatrixTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private const string Demo = "bridgemary-demo";
    private const string Other = "bridgemary-other";
    private const string Cram = "cramlington-demo";

    private static readonly Guid OtherStudentId = DemoData.IdFor("bridgemary:student:BMC08100");

    /// <summary>The student and the personal tutor write; on the demo plan an identical PUT is a 200 that changes nothing.</summary>
    public static TheoryData<string, string, int> PutPlan => Matrix(
        (Accounts.Admin, 403, 403, 404),
        (Accounts.Tutor, 200, 404, 404),
        (Accounts.Mentor, 403, 404, 404),
        (Accounts.Teacher, 403, 404, 404),
        (Accounts.Pastoral, 403, 403, 404),
        (Accounts.Student, 200, 404, 404),
        (Accounts.Parent, 403, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 403),
        (Accounts.CramlingtonStudent, 404, 404, 404),
        (Accounts.CramlingtonParent, 404, 404, 403));

    /// <summary>As PUT, but the demo plan is agreed, so proposing it is a conflict.</summary>
    public static TheoryData<string, string, int> Propose => Replace(PutPlan, 200, 409);

    /// <summary>The parties (student, guardian with parental responsibility, personal tutor); the demo plan is already agreed.</summary>
    public static TheoryData<string, string, int> Agree => Matrix(
        (Accounts.Admin, 403, 403, 404),
        (Accounts.Tutor, 409, 404, 404),
        (Accounts.Mentor, 403, 404, 404),
        (Accounts.Teacher, 403, 404, 404),
        (Accounts.Pastoral, 403, 403, 404),
        (Accounts.Student, 409, 404, 404),
        (Accounts.Parent, 409, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 403),
        (Accounts.CramlingtonStudent, 404, 404, 404),
        (Accounts.CramlingtonParent, 404, 404, 404));

    /// <summary>Everyone who reads the whole plan (201 with the comment); the teacher, who reads only subject targets, may not.</summary>
    public static TheoryData<string, string, int> Comment => Matrix(
        (Accounts.Admin, 201, 404, 404),
        (Accounts.Tutor, 201, 404, 404),
        (Accounts.Mentor, 201, 404, 404),
        (Accounts.Teacher, 403, 404, 404),
        (Accounts.Pastoral, 201, 404, 404),
        (Accounts.Student, 201, 404, 404),
        (Accounts.Parent, 201, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 404),
        (Accounts.CramlingtonStudent, 404, 404, 404),
        (Accounts.CramlingtonParent, 404, 404, 404));

    /// <summary>The personal tutor only.</summary>
    public static TheoryData<string, string, int> Review => Matrix(
        (Accounts.Admin, 403, 403, 404),
        (Accounts.Tutor, 200, 404, 404),
        (Accounts.Mentor, 403, 404, 404),
        (Accounts.Teacher, 403, 404, 404),
        (Accounts.Pastoral, 403, 403, 404),
        (Accounts.Student, 403, 404, 404),
        (Accounts.Parent, 403, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 403),
        (Accounts.CramlingtonStudent, 404, 404, 403),
        (Accounts.CramlingtonParent, 404, 404, 403));

    [Theory]
    [MemberData(nameof(PutPlan))]
    public async Task PutLearningPlan(string caller, string target, int expected)
    {
        var (etag, content) = await CurrentAsync(target);
        using var client = await factory.ClientFor(caller);

        var response = await client.PutPlanAsync(IdOf(target), content, etag);

        await AssertStatus(response, expected);
        if (expected == 200)
        {
            Assert.Equal(etag, response.ETag());
        }
    }

    [Theory]
    [MemberData(nameof(Propose))]
    public async Task ProposeLearningPlan(string caller, string target, int expected)
    {
        var (etag, _) = await CurrentAsync(target);
        using var client = await factory.ClientFor(caller);

        var response = await client.ActAsync(IdOf(target), "propose", etag);

        await AssertStatus(response, expected);
    }

    [Theory]
    [MemberData(nameof(Agree))]
    public async Task AgreeLearningPlan(string caller, string target, int expected)
    {
        var (etag, _) = await CurrentAsync(target);
        using var client = await factory.ClientFor(caller);

        var response = await client.ActAsync(IdOf(target), "agree", etag);

        await AssertStatus(response, expected);
    }

    [Theory]
    [MemberData(nameof(Comment))]
    public async Task CommentOnLearningPlan(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);

        var response = await client.PostAsJsonAsync($"{PlanApi.Url(IdOf(target))}/comments", new { text = $"A comment from {caller}." });

        await AssertStatus(response, expected);
        if (expected == 201)
        {
            var comment = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal($"A comment from {caller}.", comment.GetProperty("text").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(Review))]
    public async Task RecordReview(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);

        var response = await client.PostAsJsonAsync($"{PlanApi.Url(IdOf(target))}/reviews", new
        {
            date = "2026-11-16",
            studentMinutes = 15,
            familyMinutes = 15,
            attended = new[] { "Alex Morgan", "David Okafor" },
        });

        await AssertStatus(response, expected);
    }

    /// <summary>The demo plan's ETag and content as its tutor reads them; for a student without a plan, a made-up ETag and content.</summary>
    private async Task<(string ETag, object Content)> CurrentAsync(string target)
    {
        if (target != Demo)
        {
            return ("\"0\"", PlanApi.Content);
        }

        using var tutor = await factory.ClientFor(Accounts.Tutor);
        var response = await tutor.GetAsync(PlanApi.Url(DemoData.BridgemaryStudentId));
        var plan = await PlanApi.PlanOf(response);
        return (response.ETag(), plan.GetProperty("content"));
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

    private static TheoryData<string, string, int> Replace(TheoryData<string, string, int> source, int from, int to)
    {
        var data = new TheoryData<string, string, int>();
        foreach (var row in source)
        {
            var status = (int)row[2];
            data.Add((string)row[0], (string)row[1], status == from ? to : status);
        }

        return data;
    }
}

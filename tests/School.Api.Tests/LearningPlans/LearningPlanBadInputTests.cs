using System.Text;

namespace School.Api.Tests.LearningPlans;

/// <summary>
/// Bad plan input is a 400 problem naming the field (409 for a second plan in the same year), never a 500, and nothing
/// is half-saved. The demo student (tutored by the demo tutor, with a plan for 2026/27) is the target throughout; no
/// request here succeeds, so the tests share it safely.
/// </summary>
public sealed class LearningPlanBadInputTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private static readonly Guid AlexId = DemoData.BridgemaryStudentId;

    private static ContentSpec Valid => PlanApi.Content;

    /// <summary>Each invalid content by a readable name, with the field its 400 names (relative to the content).</summary>
    private static readonly Dictionary<string, (string Field, ContentSpec Content)> Invalid = new()
    {
        ["unknown rung"] = ("targets[0].currentRung", Valid.WithTarget(PlanApi.Maths, t => t with { CurrentRung = 7 })),
        ["rung 0"] = ("targets[0].currentRung", Valid.WithTarget(PlanApi.Maths, t => t with { CurrentRung = 0 })),
        ["unknown rung on the second target"] = ("targets[1].currentRung", Valid.WithTarget(PlanApi.Homework, t => t with { CurrentRung = 4 })),
        ["empty measure"] = ("targets[0].measure", Valid.WithTarget(PlanApi.Maths, t => t with { Measure = "" })),
        ["blank measure"] = ("targets[1].measure", Valid.WithTarget(PlanApi.Homework, t => t with { Measure = "   " })),
        ["no measure"] = ("targets[0].measure", Valid.WithTarget(PlanApi.Maths, t => t with { Measure = null })),
        ["home scored 0"] = ("selfAssessment.home", Valid with { SelfAssessment = new(null, Home: 0) }),
        ["enjoyment scored 6"] = ("selfAssessment.enjoymentOfLearning", Valid with { SelfAssessment = new(null, EnjoymentOfLearning: 6) }),
        ["confidence scored -1"] = ("selfAssessment.confidence", Valid with { SelfAssessment = new(null, Confidence: -1) }),
        ["a ladder with one rung"] = ("targets[0].ladder", Valid.WithTarget(PlanApi.Maths, t => t with { Ladder = [new(1, "Grade 6")], CurrentRung = 1 })),
        ["no ladder"] = ("targets[0].ladder", Valid.WithTarget(PlanApi.Maths, t => t with { Ladder = null })),
        ["two rungs at one level"] = ("targets[0].ladder", Valid.WithTarget(PlanApi.Maths, t => t with { Ladder = [new(1, "Grade 4"), new(1, "Grade 5")] })),
        ["a rung without a description"] = ("targets[0].ladder[1].description", Valid.WithTarget(PlanApi.Maths, t => t with { Ladder = [new(1, "Grade 4"), new(2, "")] })),
        ["a subject target naming no subject"] = ("targets[0].subject", Valid.WithTarget(PlanApi.Maths, t => t with { Subject = null })),
        ["a target without a description"] = ("targets[1].description", Valid.WithTarget(PlanApi.Homework, t => t with { Description = "" })),
        ["due in 1900"] = ("targets[0].dueDate", Valid.WithTarget(PlanApi.Maths, t => t with { DueDate = "1900-07-16" })),
        ["31 targets"] = ("targets", Valid with { Targets = Enumerable.Range(1, 31).Select(i => new TargetSpec($"Target {i}")).ToList() }),
        ["a blank option choice"] = ("optionChoices[0]", Valid with { OptionChoices = [" "] }),
    };

    public static TheoryData<string> InvalidContents => new(Invalid.Keys);

    [Theory]
    [MemberData(nameof(InvalidContents))]
    public async Task Create_InvalidContent_Is400NamingTheFieldUnderContent_AndCreatesNothing(string invalid)
    {
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        var (field, content) = Invalid[invalid];

        var response = await tutor.CreatePlanAsync(AlexId, content, "2027/28");

        await response.AssertValidationProblem($"content.{field}");
        Assert.Equal(PlanApi.Year, (await tutor.PlanAsync(AlexId)).GetProperty("academicYear").GetString());
    }

    /// <remarks>
    /// PUT's body is the content itself, yet the API names the field as POST does, under <c>content.</c> (the command's
    /// property): asserted as the API answers. A measure left out is refused while the body is read (the request
    /// contract), before the command exists, so it is named where it stands in the body.
    /// </remarks>
    [Theory]
    [MemberData(nameof(InvalidContents))]
    public async Task Put_InvalidContent_Is400NamingTheFieldUnderContent_AndChangesNothing(string invalid)
    {
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        var (field, content) = Invalid[invalid];
        var etag = await tutor.ETagAsync(AlexId);

        var response = await tutor.PutPlanAsync(AlexId, content, etag);

        // A missing required field is refused while the body is read, and named where it stands in that body.
        await response.AssertValidationProblem(invalid == "no measure" ? field : $"content.{field}");
        Assert.Equal(etag, await tutor.ETagAsync(AlexId));
    }

    [Theory]
    [InlineData("2026")]
    [InlineData("2026/2027")]
    [InlineData("")]
    public async Task Create_AnAcademicYearNotLike2026Slash27_Is400NamingAcademicYear(string academicYear)
    {
        using var tutor = await factory.ClientFor(Accounts.Tutor);

        var response = await tutor.CreatePlanAsync(AlexId, Valid, academicYear);

        await response.AssertValidationProblem("academicYear");
    }

    [Fact]
    public async Task Create_WithoutContent_Is400NamingContent()
    {
        using var tutor = await factory.ClientFor(Accounts.Tutor);

        var response = await tutor.PostAsJsonAsync(PlanApi.Url(AlexId), new { academicYear = "2027/28" });

        await response.AssertValidationProblem("content");
    }

    [Fact]
    public async Task Create_ASecondPlanForTheSameYear_Is409_AndTheFirstIsUntouched()
    {
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        var etag = await tutor.ETagAsync(AlexId);

        var response = await tutor.CreatePlanAsync(AlexId, Valid, PlanApi.Year);

        var problem = await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal("conflict.duplicate", problem.GetProperty("code").GetString());
        var plan = await tutor.PlanAsync(AlexId);
        Assert.Equal(etag, await tutor.ETagAsync(AlexId));
        Assert.Equal(4, plan.GetProperty("content").GetProperty("targets").GetArrayLength());
        Assert.Equal(2, plan.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Create_AnUnknownTargetArea_Is400NamingTheArea()
    {
        using var tutor = await factory.ClientFor(Accounts.Tutor);

        var response = await tutor.CreatePlanAsync(AlexId, Valid.WithTarget(PlanApi.Maths, t => t with { Area = "Spelling" }), "2027/28");

        await response.AssertValidationProblem("content.targets[0].area");
    }

    [Fact]
    public async Task Put_NotJson_Is400()
    {
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        using var request = new HttpRequestMessage(HttpMethod.Put, PlanApi.Url(AlexId))
        {
            Content = new StringContent("{ \"targets\": [", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", await tutor.ETagAsync(AlexId));

        var response = await tutor.SendAsync(request);

        await response.AssertValidationProblem("body");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Comment_Empty_Is400NamingText(string text)
    {
        using var parent = await factory.ClientFor(Accounts.Parent);

        var response = await parent.PostAsJsonAsync($"{PlanApi.Url(AlexId)}/comments", new { text });

        await response.AssertValidationProblem("text");
    }

    [Fact]
    public async Task Comment_TooLong_Is400NamingText()
    {
        using var parent = await factory.ClientFor(Accounts.Parent);

        var response = await parent.PostAsJsonAsync($"{PlanApi.Url(AlexId)}/comments", new { text = new string('x', 2001) });

        await response.AssertValidationProblem("text");
    }

    [Theory]
    [InlineData("studentMinutes", 241, 15, "2026-10-19")]
    [InlineData("familyMinutes", 15, -1, "2026-10-19")]
    [InlineData("date", 15, 15, "1999-10-19")]
    public async Task Review_Invalid_Is400NamingTheField(string field, int studentMinutes, int familyMinutes, string date)
    {
        using var tutor = await factory.ClientFor(Accounts.Tutor);
        var etag = await tutor.ETagAsync(AlexId);

        var response = await tutor.PostAsJsonAsync($"{PlanApi.Url(AlexId)}/reviews", new { date, studentMinutes, familyMinutes });

        await response.AssertValidationProblem(field);
        Assert.Equal(etag, await tutor.ETagAsync(AlexId));
    }
}

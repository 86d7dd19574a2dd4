namespace School.Api.Tests.Timetabling;

/// <summary>A partnership's joint blocks: the shared timetable crosses schools, no other record does.</summary>
public sealed class JointBlockTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private static object Block(string title, bool joint, params Guid[] studentIds) => new
    {
        title,
        subject = "Engineering",
        kind = "Lesson",
        studentIds,
        cycleWeek = (int?)null,
        day = "Wednesday",
        start = "16:00",
        durationMinutes = 90,
        isJoint = joint,
    };

    [Fact]
    public async Task AJointBlock_TakesAStudentOfAnotherPartnershipSchool_AndAppearsInTheirTimetable()
    {
        using var bridgemary = await factory.ClientFor(Accounts.Admin);
        using var cramlingtonStudent = await factory.ClientFor(Accounts.CramlingtonStudent);

        var created = await bridgemary.PostAsJsonAsync("/api/timetable/blocks", Block("Joint engineering", true, DemoData.CramlingtonStudentId));
        var timetable = await cramlingtonStudent.GetFromJsonAsync<JsonElement>(
            $"/api/students/{DemoData.CramlingtonStudentId}/timetable?from=2026-09-14&to=2026-09-18");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var session = Assert.Single(timetable.GetProperty("sessions").EnumerateArray(), s => s.GetProperty("title").GetString() == "Joint engineering");
        Assert.Equal("2026-09-16", session.GetProperty("date").GetString());
        Assert.Equal("16:00", session.GetProperty("start").GetString());
    }

    [Fact]
    public async Task AnOrdinaryBlock_RefusesAStudentOfAnotherSchool_NamingStudentIds()
    {
        using var bridgemary = await factory.ClientFor(Accounts.Admin);

        var response = await bridgemary.PostAsJsonAsync("/api/timetable/blocks", Block("Not joint", false, DemoData.CramlingtonStudentId));

        await response.AssertValidationProblem("studentIds");
    }

    [Fact]
    public async Task AJointBlock_DoesNotOpenTheOtherSchoolsRecords()
    {
        using var bridgemary = await factory.ClientFor(Accounts.Admin);
        await bridgemary.PostAsJsonAsync("/api/timetable/blocks", Block("Joint robotics", true, DemoData.CramlingtonStudentId));

        var student = await bridgemary.GetAsync($"/api/students/{DemoData.CramlingtonStudentId}");
        var timetable = await bridgemary.GetAsync($"/api/students/{DemoData.CramlingtonStudentId}/timetable");

        await student.AssertProblem(HttpStatusCode.NotFound);
        await timetable.AssertProblem(HttpStatusCode.NotFound);
    }
}

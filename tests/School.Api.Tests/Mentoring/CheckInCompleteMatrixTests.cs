using static School.Api.Tests.Mentoring.MatrixTargets;

namespace School.Api.Tests.Mentoring;

/// <summary>
/// Recording a check-in (POST /api/check-ins/{id}/complete) × every demo account × an open check-in of each of the three
/// students of <see cref="MatrixTargets"/>. Only the child's current mentor records it; whoever else may read the child's
/// mentoring gets 403; whoever may not (another school, a teacher, a tutor or mentor of other children) gets 404, exactly
/// as for a check-in that does not exist. Every row uses an open check-in, so a refusal is never a 409.
/// </summary>
public sealed class CheckInCompleteMatrixTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    /// <summary>The demo student's mentor is the demo mentor; the other two students' mentors have no demo sign-in.</summary>
    public static TheoryData<string, string, int> Record => Matrix(
        (Accounts.Admin, 403, 403, 404),
        (Accounts.Tutor, 403, 404, 404),
        (Accounts.Mentor, 200, 404, 404),
        (Accounts.Teacher, 404, 404, 404),
        (Accounts.Pastoral, 403, 403, 404),
        (Accounts.Student, 403, 404, 404),
        (Accounts.Parent, 403, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 403),
        (Accounts.CramlingtonStudent, 404, 404, 403),
        (Accounts.CramlingtonParent, 404, 404, 403));

    public static TheoryData<string> Everyone => new(MatrixTargets.Everyone);

    [Theory]
    [MemberData(nameof(Record))]
    public async Task CompleteCheckIn(string caller, string target, int expected)
    {
        var checkIn = await factory.OpenCheckInAsync(target);
        using var client = await factory.ClientFor(caller);

        var response = await client.PostAsJsonAsync(Complete(checkIn), CompleteBody(factory, "Matrix: noted by the mentor."));

        await AssertStatus(response, expected);
        var stored = (await factory.AdminCheckInsAsync(target)).Single(c => c.Id() == checkIn);
        Assert.Equal(expected == 200, !stored.IsOpen());
        if (expected == 200)
        {
            var recorded = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal((checkIn, IdOf(target), "Completed"), (recorded.Id(), recorded.GetProperty("studentId").GetGuid(), recorded.GetProperty("status").GetString()));
            Assert.Equal("Matrix: noted by the mentor.", recorded.GetProperty("privateNotes").GetString());
            Assert.Equal(20, stored.GetProperty("minutes").GetInt32());
        }
    }

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task CompleteCheckIn_ThatDoesNotExist_Is404(string caller)
    {
        using var client = await factory.ClientFor(caller);

        var response = await client.PostAsJsonAsync(Complete(Guid.NewGuid()), CompleteBody(factory));

        await AssertStatus(response, 404);
    }
}

using static School.Api.Tests.Mentoring.MatrixTargets;

namespace School.Api.Tests.Mentoring;

/// <summary>
/// Reading a student's mentoring (check-ins, preferences, mentor history) × every demo account × the three students of
/// <see cref="MatrixTargets"/>. Whoever may read the learning record reads the mentoring; a teacher sees the student on the
/// roster but not their mentoring (403); whoever may not see the student gets 404. Private notes reach only the child's
/// mentor and the pastoral lead.
/// </summary>
public sealed class MentoringReadMatrixTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private const string Note = "Matrix: worried about lunchtimes.";

    /// <summary>The student, a guardian with access, the tutor, the mentor, the pastoral lead and the school's admins.</summary>
    public static TheoryData<string, string, int> Read => Matrix(
        (Accounts.Admin, 200, 200, 404),
        (Accounts.Tutor, 200, 404, 404),
        (Accounts.Mentor, 200, 404, 404),
        (Accounts.Teacher, 403, 403, 404),
        (Accounts.Pastoral, 200, 200, 404),
        (Accounts.Student, 200, 404, 404),
        (Accounts.Parent, 200, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 200),
        (Accounts.CramlingtonStudent, 404, 404, 200),
        (Accounts.CramlingtonParent, 404, 404, 200));

    /// <summary>Who reads the private notes: the child's mentor and the pastoral lead (Bridgemary's; Cramlington has no pastoral sign-in).</summary>
    private static readonly HashSet<(string Caller, string Target)> SeesNotes =
    [
        (Accounts.Mentor, Demo),
        (Accounts.Pastoral, Demo),
        (Accounts.Pastoral, Other),
    ];

    [Theory]
    [MemberData(nameof(Read))]
    public async Task ListCheckIns(string caller, string target, int expected)
    {
        await CompletedCheckInAsync(target);
        using var client = await factory.ClientFor(caller);

        var response = await client.GetAsync(CheckIns(IdOf(target)));

        await AssertStatus(response, expected);
        if (expected == 200)
        {
            var checkIns = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
            Assert.All(checkIns, c => Assert.Equal(IdOf(target), c.GetProperty("studentId").GetGuid()));
            var held = Assert.Single(checkIns, c => c.GetProperty("studentSummary").GetString() == Summary(target));
            Assert.Equal("Completed", held.GetProperty("status").GetString());
            if (SeesNotes.Contains((caller, target)))
            {
                Assert.Equal(Note, held.GetProperty("privateNotes").GetString());
            }
            else
            {
                Assert.All(checkIns, c => Assert.Equal(JsonValueKind.Null, c.GetProperty("privateNotes").ValueKind));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Read))]
    public async Task GetMentorPreferences(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);

        var response = await client.GetAsync(Preferences(IdOf(target)));

        await AssertStatus(response, expected);
        if (expected == 200)
        {
            var preferences = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(IdOf(target), preferences.GetProperty("studentId").GetGuid());
            Assert.Equal(JsonValueKind.Array, preferences.GetProperty("mentors").ValueKind);
        }
    }

    [Theory]
    [MemberData(nameof(Read))]
    public async Task ListMentorAssignments(string caller, string target, int expected)
    {
        using var client = await factory.ClientFor(caller);

        var response = await client.GetAsync(Assignments(IdOf(target)));

        await AssertStatus(response, expected);
        if (expected == 200)
        {
            var history = await response.Content.ReadFromJsonAsync<JsonElement>();
            var current = Assert.Single(history.EnumerateArray(), a => a.GetProperty("endedAt").ValueKind == JsonValueKind.Null);
            Assert.Equal(await factory.CurrentMentorAsync(target), current.GetProperty("mentor").Id());
            if (target == Demo)
            {
                Assert.Equal(DemoData.BridgemaryMentorId, current.GetProperty("mentor").Id());
            }
        }
    }

    private static string Summary(string target) => $"Matrix: a check-in with {target}.";

    /// <summary>
    /// Makes sure the target has a completed check-in with <see cref="Note"/>: the demo mentor records the demo student's
    /// through the API; the other two students' mentors have no sign-in, so theirs is recorded in the database.
    /// </summary>
    private async Task CompletedCheckInAsync(string target)
    {
        if ((await factory.AdminCheckInsAsync(target)).Any(c => c.GetProperty("studentSummary").GetString() == Summary(target)))
        {
            return;
        }

        var open = await factory.OpenCheckInAsync(target);
        if (target == Demo)
        {
            using var mentor = await factory.ClientFor(Accounts.Mentor);
            await AssertStatus(await mentor.PostAsJsonAsync(Complete(open), CompleteBody(factory, Note, Summary(target))), 200);
        }
        else
        {
            await factory.CompleteInDatabaseAsync(open, Note, Summary(target));
        }
    }
}

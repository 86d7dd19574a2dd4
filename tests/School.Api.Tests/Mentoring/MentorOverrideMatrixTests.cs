using static School.Api.Tests.Mentoring.MatrixTargets;

namespace School.Api.Tests.Mentoring;

/// <summary>
/// Choosing a student's mentor directly (PUT /api/students/{id}/mentor) × every demo account × the three students of
/// <see cref="MatrixTargets"/>: only the school's admin; whoever else sees the student gets 403, whoever does not, 404.
/// An admin's change is put back at the end of the row, so every row starts from the demo data's mentors.
/// </summary>
public sealed class MentorOverrideMatrixTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    public static TheoryData<string, string, int> Override => Matrix(
        (Accounts.Admin, 200, 200, 404),
        (Accounts.Tutor, 403, 404, 404),
        (Accounts.Mentor, 403, 404, 404),
        (Accounts.Teacher, 403, 403, 404),
        (Accounts.Pastoral, 403, 403, 404),
        (Accounts.Student, 403, 404, 404),
        (Accounts.Parent, 403, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 200),
        (Accounts.CramlingtonStudent, 404, 404, 403),
        (Accounts.CramlingtonParent, 404, 404, 403));

    [Theory]
    [MemberData(nameof(Override))]
    public async Task OverrideMentor(string caller, string target, int expected)
    {
        var student = IdOf(target);
        var current = await factory.CurrentMentorAsync(target);
        var chosen = await StaffMentorWithRoomAsync(target, current);
        using var client = await factory.ClientFor(caller);

        var response = await client.PutAsJsonAsync($"/api/students/{student}/mentor", new { mentorId = chosen, reason = "Matrix: a better fit." });

        await AssertStatus(response, expected);
        if (expected != 200)
        {
            Assert.Equal(current, await factory.CurrentMentorAsync(target));
            return;
        }

        var assignment = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(chosen, assignment.GetProperty("mentor").Id());
        Assert.Equal(("Override", "Matrix: a better fit."), (assignment.GetProperty("source").GetString(), assignment.GetProperty("reason").GetString()));
        Assert.Equal(chosen, await factory.CurrentMentorAsync(target));

        using var admin = await factory.ClientFor(AdminOf(target));
        await AssertStatus(await admin.PutAsJsonAsync($"/api/students/{student}/mentor", new { mentorId = current, reason = "Matrix: put back." }), 200);
        Assert.Equal(current, await factory.CurrentMentorAsync(target));
    }

    /// <summary>An active staff mentor of the target's school with a place left, other than the current one.</summary>
    private async Task<Guid> StaffMentorWithRoomAsync(string target, Guid current)
    {
        var mentors = await factory.GetJsonAsync(AdminOf(target), "/api/mentors");
        return mentors.EnumerateArray()
            .Where(m => m.GetProperty("kind").GetString() == "Staff" && m.GetProperty("isActive").GetBoolean() && m.GetProperty("placesLeft").GetInt32() > 0)
            .Select(m => m.Id())
            .First(id => id != current);
    }
}

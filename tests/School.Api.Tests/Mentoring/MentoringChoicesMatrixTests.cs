using static School.Api.Tests.Mentoring.MatrixTargets;

namespace School.Api.Tests.Mentoring;

/// <summary>
/// The child's own mentoring choices × every demo account × the three students of <see cref="MatrixTargets"/>: ranking
/// mentors (the student, a guardian with access, an admin) and whether a guardian may sit in on check-ins (the child's wish:
/// the student, or an admin recording it; not a guardian). Who may see but not choose gets 403; who may not see, 404.
/// Every row checks, as the school's admin, that the choice was made or left alone.
/// </summary>
public sealed class MentoringChoicesMatrixTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    /// <summary>MakeChoices: the student, a guardian with access, the school's admins.</summary>
    public static TheoryData<string, string, int> RankMentors => Matrix(
        (Accounts.Admin, 200, 200, 404),
        (Accounts.Tutor, 403, 404, 404),
        (Accounts.Mentor, 403, 404, 404),
        (Accounts.Teacher, 403, 403, 404),
        (Accounts.Pastoral, 403, 403, 404),
        (Accounts.Student, 200, 404, 404),
        (Accounts.Parent, 200, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 200),
        (Accounts.CramlingtonStudent, 404, 404, 200),
        (Accounts.CramlingtonParent, 404, 404, 200));

    /// <summary>The student or an admin; a guardian, tutor, mentor or pastoral lead may read it but not set it; a teacher may not read it.</summary>
    public static TheoryData<string, string, int> GuardianAttendance => Matrix(
        (Accounts.Admin, 200, 200, 404),
        (Accounts.Tutor, 403, 404, 404),
        (Accounts.Mentor, 403, 404, 404),
        (Accounts.Teacher, 403, 403, 404),
        (Accounts.Pastoral, 403, 403, 404),
        (Accounts.Student, 200, 404, 404),
        (Accounts.Parent, 403, 404, 404),
        (Accounts.CramlingtonAdmin, 404, 404, 200),
        (Accounts.CramlingtonStudent, 404, 404, 200),
        (Accounts.CramlingtonParent, 404, 404, 403));

    [Theory]
    [MemberData(nameof(RankMentors))]
    public async Task SetMentorPreferences(string caller, string target, int expected)
    {
        var before = await PreferencesAsync(target);
        var choice = await StaffMentorNotRankedAsync(target, before);
        using var client = await factory.ClientFor(caller);

        var response = await client.PostAsJsonAsync(Preferences(IdOf(target)), new { mentorIds = new[] { choice }, noPreference = false });

        await AssertStatus(response, expected);
        var after = await PreferencesAsync(target);
        if (expected == 200)
        {
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(IdOf(target), answer.GetProperty("studentId").GetGuid());
            Assert.Equal([choice], Ranked(answer));
            Assert.Equal([choice], Ranked(after));
        }
        else
        {
            Assert.Equal(before.GetProperty("version").GetUInt32(), after.GetProperty("version").GetUInt32());
            Assert.Equal(Ranked(before), Ranked(after));
        }
    }

    [Theory]
    [MemberData(nameof(GuardianAttendance))]
    public async Task SetGuardianAttendance(string caller, string target, int expected)
    {
        var before = (await PreferencesAsync(target)).GetProperty("guardianMayAttend").GetBoolean();
        using var client = await factory.ClientFor(caller);

        var response = await client.PutAsJsonAsync($"{Preferences(IdOf(target))}/guardian-attendance", new { guardianMayAttend = !before });

        await AssertStatus(response, expected);
        var after = (await PreferencesAsync(target)).GetProperty("guardianMayAttend").GetBoolean();
        Assert.Equal(expected == 200 ? !before : before, after);
        if (expected == 200)
        {
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(IdOf(target), answer.GetProperty("studentId").GetGuid());
            Assert.Equal(!before, answer.GetProperty("guardianMayAttend").GetBoolean());
        }
    }

    private Task<JsonElement> PreferencesAsync(string target) => factory.GetJsonAsync(AdminOf(target), Preferences(IdOf(target)));

    private static List<Guid> Ranked(JsonElement preferences) => preferences.GetProperty("mentors").EnumerateArray().Select(m => m.Id()).ToList();

    /// <summary>An active staff mentor of the target's school (any year may rank one) that the target has not ranked yet.</summary>
    private async Task<Guid> StaffMentorNotRankedAsync(string target, JsonElement preferences)
    {
        var ranked = Ranked(preferences);
        var mentors = await factory.GetJsonAsync(AdminOf(target), "/api/mentors");
        return mentors.EnumerateArray()
            .Where(m => m.GetProperty("kind").GetString() == "Staff" && m.GetProperty("isActive").GetBoolean())
            .Select(m => m.Id())
            .First(id => !ranked.Contains(id));
    }
}

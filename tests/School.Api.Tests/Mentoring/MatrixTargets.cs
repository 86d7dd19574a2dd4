using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using School.Domain.Mentoring;
using School.Infrastructure.Persistence;

namespace School.Api.Tests.Mentoring;

/// <summary>
/// The three students every mentoring matrix asks about, and the steps the matrices share. The Bridgemary demo student
/// is the demo tutor's tutee, the demo mentor's mentee, the demo student themself and the demo parent's child; the other
/// Bridgemary student is linked to no demo account; the Cramlington demo student is at the other school. State is made
/// through the API, so the matrices do not depend on which check-ins the demo data happens to seed.
/// </summary>
internal static class MatrixTargets
{
    public const string Demo = "bridgemary-demo";
    public const string Other = "bridgemary-other";
    public const string Cram = "cramlington-demo";

    /// <summary>A Bridgemary Year 8 pupil whose tutor and mentor are generated staff without a sign-in.</summary>
    public static readonly Guid OtherStudentId = DemoData.IdFor("bridgemary:student:BMC08100");

    /// <summary>Every demo sign-in, in the order the matrices list them.</summary>
    public static readonly string[] Everyone =
    [
        Accounts.Admin, Accounts.Tutor, Accounts.Mentor, Accounts.Teacher, Accounts.Pastoral, Accounts.Student, Accounts.Parent,
        Accounts.CramlingtonAdmin, Accounts.CramlingtonStudent, Accounts.CramlingtonParent,
    ];

    public static Guid IdOf(string target) => target switch
    {
        Demo => DemoData.BridgemaryStudentId,
        Other => OtherStudentId,
        Cram => DemoData.CramlingtonStudentId,
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    /// <summary>The admin of the target's school, who may read and manage all of its mentoring.</summary>
    public static string AdminOf(string target) => target == Cram ? Accounts.CramlingtonAdmin : Accounts.Admin;

    public static bool AtCramlington(string account) => account.EndsWith("@cramlington.demo", StringComparison.Ordinal);

    /// <summary>The admin of the caller's own school.</summary>
    public static string AdminFor(string account) => AtCramlington(account) ? Accounts.CramlingtonAdmin : Accounts.Admin;

    /// <summary>One row per caller, with the expected status for the demo student, the other Bridgemary student and the Cramlington student.</summary>
    public static TheoryData<string, string, int> Matrix(params (string Caller, int Demo, int Other, int Cram)[] rows)
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

    /// <summary>One row per caller, with the expected status.</summary>
    public static TheoryData<string, int> Callers(params (string Caller, int Expected)[] rows)
    {
        var data = new TheoryData<string, int>();
        foreach (var (caller, expected) in rows)
        {
            data.Add(caller, expected);
        }

        return data;
    }

    /// <summary>A success is checked by status; a refusal is a problem document with that status.</summary>
    public static async Task AssertStatus(HttpResponseMessage response, int expected)
    {
        if (expected >= 400)
        {
            await response.AssertProblem((HttpStatusCode)expected);
            return;
        }

        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expected, $"Expected {expected} but got {(int)response.StatusCode}: {body}");
    }

    public static async Task<JsonElement> GetJsonAsync(this SchoolApiFactory factory, string account, string url)
    {
        using var client = await factory.ClientFor(account);
        var response = await client.GetAsync(url);
        await AssertStatus(response, 200);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static string CheckIns(Guid studentId) => $"/api/students/{studentId}/check-ins";

    public static string Preferences(Guid studentId) => $"/api/students/{studentId}/mentor-preferences";

    public static string Assignments(Guid studentId) => $"/api/students/{studentId}/mentor-assignments";

    public static string Complete(Guid checkInId) => $"/api/check-ins/{checkInId}/complete";

    /// <summary>The target's check-ins as their school's admin sees them.</summary>
    public static async Task<List<JsonElement>> AdminCheckInsAsync(this SchoolApiFactory factory, string target) =>
        (await factory.GetJsonAsync(AdminOf(target), CheckIns(IdOf(target)))).EnumerateArray().ToList();

    public static bool IsOpen(this JsonElement checkIn) => checkIn.GetProperty("status").GetString() != "Completed";

    /// <summary>The target's mentor now, from the assignment history their school's admin reads.</summary>
    public static async Task<Guid> CurrentMentorAsync(this SchoolApiFactory factory, string target)
    {
        var history = await factory.GetJsonAsync(AdminOf(target), Assignments(IdOf(target)));
        var current = Assert.Single(history.EnumerateArray(), a => a.GetProperty("endedAt").ValueKind == JsonValueKind.Null);
        return current.GetProperty("mentor").Id();
    }

    /// <summary>Runs the mentoring sweep for <paramref name="admin"/>'s school.</summary>
    public static async Task RunSweepAsync(this SchoolApiFactory factory, string admin)
    {
        using var client = await factory.ClientFor(admin);
        await AssertStatus(await client.PostAsync("/api/mentoring/sweep", null), 200);
    }

    /// <summary>
    /// An open check-in of the target in a half term that has begun: one already there, else one the sweep plans, else one
    /// the sweep plans once the school's policy asks for one more check-in a half term (when earlier rows used them up).
    /// </summary>
    public static async Task<Guid> OpenCheckInAsync(this SchoolApiFactory factory, string target)
    {
        for (var attempt = 0; ; attempt++)
        {
            var today = DateOnly.FromDateTime(factory.Time.GetUtcNow().UtcDateTime);
            var open = (await factory.AdminCheckInsAsync(target))
                .Where(c => c.IsOpen() && DateOnly.Parse(c.GetProperty("halfTermStart").GetString()!, System.Globalization.CultureInfo.InvariantCulture) <= today)
                .OrderBy(c => c.GetProperty("dueOn").GetString(), StringComparer.Ordinal)
                .ToList();
            if (open.Count > 0)
            {
                return open[0].Id();
            }

            switch (attempt)
            {
                case 0:
                    await factory.RunSweepAsync(AdminOf(target));
                    break;
                case 1:
                    await factory.AskForOneMoreCheckInAsync(AdminOf(target));
                    await factory.RunSweepAsync(AdminOf(target));
                    break;
                default:
                    Assert.Fail($"No open check-in could be planned for {target}.");
                    break;
            }
        }
    }

    /// <summary>What the child's mentor sends to record a check-in held an hour ago.</summary>
    public static object CompleteBody(SchoolApiFactory factory, string privateNotes = "Matrix: private.", string studentSummary = "Matrix: we talked about targets.") => new
    {
        heldAt = factory.Time.GetUtcNow().AddHours(-1),
        minutes = 20,
        privateNotes,
        studentSummary,
        guardianAttended = false,
    };

    /// <summary>
    /// Records an open check-in straight in the database, as the child's mentor would: for students whose mentor has no
    /// sign-in among the demo accounts.
    /// </summary>
    public static async Task CompleteInDatabaseAsync(this SchoolApiFactory factory, Guid checkInId, string privateNotes, string studentSummary)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SchoolDbContext>();
        var checkIn = await db.CheckIns.SingleAsync(c => c.Id == checkInId);
        var now = factory.Time.GetUtcNow();
        var completed = checkIn.Complete(
            checkIn.MentorId, now.AddHours(-1), 20, privateNotes, studentSummary, guardianAttended: false, guardianWanted: false,
            CheckInPolicy.Default(checkIn.SchoolId), now);
        Assert.True(completed.IsSuccess);
        await db.SaveChangesAsync();
    }

    private static async Task AskForOneMoreCheckInAsync(this SchoolApiFactory factory, string admin)
    {
        var policy = await factory.GetJsonAsync(admin, "/api/mentoring/policy");
        using var client = await factory.ClientFor(admin);
        var response = await client.PutAsJsonAsync("/api/mentoring/policy", new
        {
            minCheckInsPerHalfTerm = policy.GetProperty("minCheckInsPerHalfTerm").GetInt32() + 1,
            minMinutes = policy.GetProperty("minMinutes").GetInt32(),
            remindDaysAhead = policy.GetProperty("remindDaysAhead").GetInt32(),
            minutesPerMenteePerWeek = policy.GetProperty("minutesPerMenteePerWeek").GetInt32(),
        });
        await AssertStatus(response, 200);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using School.Domain.Mentoring;
using School.Domain.Notifications;
using School.Infrastructure.Persistence;

namespace School.Api.Tests.Mentoring;

/// <summary>
/// The seeded mentoring at Bridgemary as it stands on Monday 7 September 2026: staff, pupil and school-leaver mentors
/// within their capacities, one current mentor for every child, ranked preferences, and the demo mentor's check-ins
/// as that morning's sweep left them (so running the sweep again changes nothing for her mentees).
/// </summary>
public sealed class DemoMentoringTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    private static readonly Guid Alex = DemoData.BridgemaryStudentId;
    private static readonly DateOnly Autumn1 = new(2026, 9, 3);
    private static readonly Guid NewStarter = DemoData.IdFor("bridgemary:student:BMC07001");

    [Fact]
    public async Task Mentors_ListsStaffPupilAndSchoolLeaverMentors_EachWithinCapacity()
    {
        using var admin = await factory.ClientFor(Accounts.Admin);

        var mentors = (await admin.GetFromJsonAsync<JsonElement>("/api/mentors")).EnumerateArray().ToList();

        var byKind = mentors.ToLookup(m => m.GetProperty("kind").GetString());
        Assert.InRange(byKind["Staff"].Count(), 45, 60);
        Assert.All(byKind["Staff"], m => Assert.Equal((390, 26), (m.GetProperty("weeklyAllowanceMinutes").GetInt32(), m.GetProperty("capacity").GetInt32())));

        var pupils = byKind["Student"].ToList();
        Assert.Equal(10, pupils.Count);
        Assert.All(pupils, m =>
        {
            Assert.Equal((45, 3), (m.GetProperty("weeklyAllowanceMinutes").GetInt32(), m.GetProperty("capacity").GetInt32()));
            Assert.InRange(m.GetProperty("mentees").GetInt32(), 2, 3);
            Assert.Equal(DemoData.BridgemaryMentorId, m.GetProperty("supervisorId").GetGuid());
            Assert.Equal("2026-07-10", m.GetProperty("trainedOn").GetString());
        });

        var leaver = Assert.Single(byKind["SchoolLeaver"]);
        Assert.Equal(DemoData.BridgemarySchoolLeaverId, leaver.GetProperty("id").GetGuid());
        Assert.Equal(DemoData.BridgemaryPastoralId, leaver.GetProperty("supervisorId").GetGuid());
        Assert.Equal(4, leaver.GetProperty("mentees").GetInt32());
        Assert.True(leaver.GetProperty("placesLeft").GetInt32() > 0);

        Assert.All(mentors, m => Assert.True(
            m.GetProperty("mentees").GetInt32() <= m.GetProperty("capacity").GetInt32(),
            $"{m.GetProperty("name").GetString()} has {m.GetProperty("mentees").GetInt32()} mentees, capacity {m.GetProperty("capacity").GetInt32()}."));
        var demoMentor = mentors.Single(m => m.GetProperty("id").GetGuid() == DemoData.BridgemaryMentorId);
        Assert.InRange(demoMentor.GetProperty("mentees").GetInt32(), 10, 20);
        Assert.True(demoMentor.GetProperty("placesLeft").GetInt32() >= 5);
    }

    [Fact]
    public async Task EveryBridgemaryStudent_HasAMentor_AndExactlyOneCurrentAssignmentNamingThem()
    {
        var (students, current) = await WithDbAsync(async db => (
            await db.Students.AsNoTracking().Where(s => s.SchoolId == DemoData.BridgemaryId).Select(s => new { s.Id, s.MentorId }).ToListAsync(),
            await db.MentorAssignments.AsNoTracking().Where(a => a.SchoolId == DemoData.BridgemaryId && a.EndedAt == null)
                .Select(a => new { a.StudentId, a.MentorId }).ToListAsync()));

        Assert.InRange(students.Count, 1000, 1100);
        Assert.All(students, s => Assert.NotNull(s.MentorId));
        var byStudent = current.GroupBy(a => a.StudentId).ToDictionary(g => g.Key, g => g.ToList());
        Assert.All(students, s =>
        {
            var assignment = Assert.Single(byStudent[s.Id]);
            Assert.Equal(s.MentorId, assignment.MentorId);
        });
    }

    [Fact]
    public async Task PupilMentors_AreYear11s_MentoringYear7s_AndTheSchoolLeaverSignsInToSeeTheirMentees()
    {
        var pairs = await WithDbAsync(db => (
                from student in db.Students.AsNoTracking()
                join mentor in db.Mentors.AsNoTracking() on student.MentorId equals mentor.Id
                join pupil in db.Students.AsNoTracking() on mentor.Id equals pupil.Id
                where mentor.Kind == MentorKind.Student
                select new { MenteeYear = student.YearGroup, MentorYear = pupil.YearGroup })
            .ToListAsync());

        Assert.InRange(pairs.Count, 20, 30);
        Assert.All(pairs, p => Assert.Equal((7, 11), (p.MenteeYear, p.MentorYear)));

        using var leaver = await factory.ClientFor(DemoData.SchoolLeaverEmail);
        var mentees = await leaver.GetFromJsonAsync<JsonElement>("/api/mentors/me/mentees");
        Assert.Equal(4, mentees.GetArrayLength());
        Assert.All(mentees.EnumerateArray(), m => Assert.Equal(7, m.GetProperty("yearGroup").GetInt32()));
    }

    [Fact]
    public async Task DemoStudent_RankedTheDemoMentorFirst_AndWantsAGuardianThere_AndOthersRankedOrHaveNoPreference()
    {
        using var student = await factory.ClientFor(Accounts.Student);

        var preferences = await student.GetFromJsonAsync<JsonElement>($"/api/students/{Alex}/mentor-preferences");

        var ranked = preferences.GetProperty("mentors").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(3, ranked.Count);
        Assert.Equal(DemoData.BridgemaryMentorId, ranked[0]);
        Assert.False(preferences.GetProperty("noPreference").GetBoolean());
        Assert.True(preferences.GetProperty("guardianMayAttend").GetBoolean());

        var all = await WithDbAsync(db => db.MentoringPreferences.AsNoTracking().Where(p => p.SchoolId == DemoData.BridgemaryId).ToListAsync());
        Assert.True(all.Count(p => p.RankedMentorIds.Count > 0) >= 5);
        Assert.True(all.Count(p => p.NoPreference) >= 3);
        Assert.All(all.Where(p => p.NoPreference), p => Assert.Empty(p.RankedMentorIds));
    }

    [Fact]
    public async Task DemoMentorsMentees_HaveTheirAutumn1CheckIns_SomeHeld_OneOverdueAndEscalated_AlexsDueSoonAndReminded()
    {
        using var mentor = await factory.ClientFor(Accounts.Mentor);
        var mentees = (await mentor.GetFromJsonAsync<JsonElement>("/api/mentors/me/mentees")).EnumerateArray()
            .Select(m => m.GetProperty("studentId").GetGuid()).ToList();
        Assert.InRange(mentees.Count, 10, 20);
        Assert.Contains(Alex, mentees);
        Assert.Contains(NewStarter, mentees);

        var checkIns = await WithDbAsync(db => db.CheckIns.AsNoTracking().Where(c => mentees.Contains(c.StudentId) && c.HalfTermStart == Autumn1).ToListAsync());

        Assert.All(mentees, id => Assert.Equal([1, 2], checkIns.Where(c => c.StudentId == id).Select(c => c.Sequence).Order()));
        Assert.All(checkIns, c => Assert.Equal(DemoData.BridgemaryMentorId, c.MentorId));
        var held = checkIns.Where(c => c.Status == CheckInStatus.Completed).ToList();
        Assert.InRange(held.Count, 3, mentees.Count / 2);
        Assert.All(held, c =>
        {
            Assert.Equal((1, 20, true, false), (c.Sequence, c.Minutes, c.Counts, c.GuardianAttended));
            Assert.Contains(DateOnly.FromDateTime(c.HeldAt!.Value.UtcDateTime), new[] { new DateOnly(2026, 9, 3), new DateOnly(2026, 9, 4) });
            Assert.False(string.IsNullOrWhiteSpace(c.StudentSummary));
            Assert.False(string.IsNullOrWhiteSpace(c.PrivateNotes));
        });
        Assert.Contains(checkIns, c => c.Status == CheckInStatus.Scheduled);

        var overdue = Assert.Single(checkIns, c => c.Status == CheckInStatus.Overdue);
        Assert.Equal((NewStarter, 1, new DateOnly(2026, 9, 4)), (overdue.StudentId, overdue.Sequence, overdue.DueOn));
        var alexFirst = checkIns.Single(c => c.StudentId == Alex && c.Sequence == 1);
        Assert.Equal(CheckInStatus.Scheduled, alexFirst.Status);
        Assert.Equal(new DateTimeOffset(2026, 9, 7, 6, 0, 0, TimeSpan.Zero), alexFirst.RemindedAt);
        Assert.True(alexFirst.DueOn <= new DateOnly(2026, 9, 10));

        var escalation = Assert.Single(await WithDbAsync(db => db.MentoringEscalations.AsNoTracking().Where(e => mentees.Contains(e.StudentId)).ToListAsync()));
        Assert.Equal((NewStarter, Autumn1, DemoData.BridgemaryMentorId), (escalation.StudentId, escalation.HalfTermStart, escalation.MentorId));

        var notifications = await WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.StudentId != null && mentees.Contains(n.StudentId.Value)).ToListAsync());
        var toPastoral = Assert.Single(notifications, n => n.Kind == NotificationKind.MentoringEscalation);
        Assert.Equal(
            (DemoData.BridgemaryPastoralId, $"escalation:{NewStarter}:2026-09-03:{DemoData.BridgemaryPastoralId}", "pastoral@bridgemary.demo"),
            (toPastoral.RecipientId, toPastoral.Key, toPastoral.EmailTo));
        Assert.Equal($"check-in-overdue:{overdue.Id}", Assert.Single(notifications, n => n.Kind == NotificationKind.CheckInOverdue).Key);
        var reminder = Assert.Single(notifications, n => n.Kind == NotificationKind.CheckInReminder);
        Assert.Equal(($"check-in-reminder:{alexFirst.Id}:{DemoData.BridgemaryMentorId}", DemoData.BridgemaryMentorId), (reminder.Key, reminder.RecipientId));
        Assert.All(notifications.Where(n => n.EmailTo is not null), n => Assert.Equal(EmailStatus.Sent, n.EmailStatus));
    }

    [Fact]
    public async Task DemoMentor_WasToldOfNewMentees_OneNotificationRead_OneNot()
    {
        var assigned = await WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.RecipientId == DemoData.BridgemaryMentorId && n.Kind == NotificationKind.MentorAssigned && n.Key.StartsWith("mentor-assigned:"))
            .ToListAsync());

        Assert.Contains(assigned, n => n.ReadAt is not null);
        Assert.Contains(assigned, n => n.ReadAt is null);
        Assert.All(assigned, n => Assert.Equal(EmailStatus.Sent, n.EmailStatus));
        Assert.Equal(0, await WithDbAsync(db => db.Notifications.CountAsync(n => n.EmailStatus == EmailStatus.Pending)));
    }

    [Fact]
    public async Task SweepOnTheFirstMonday_PlansTheOtherPairs_ButChangesNothingForTheDemoMentorsMentees()
    {
        using var own = new SchoolApiFactory();
        var mentees = await WithDbAsync(own, db => db.Students.AsNoTracking()
            .Where(s => s.MentorId == DemoData.BridgemaryMentorId).Select(s => s.Id).ToListAsync());
        var before = await DemoMentorState(own, mentees);

        using var admin = await own.ClientFor(Accounts.Admin);
        var response = await admin.PostAsync("/api/mentoring/sweep", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        var pairs = report.GetProperty("pairsSeen").GetInt32();
        Assert.Equal(
            (2 * (pairs - mentees.Count), 0, 0, 0),
            (report.GetProperty("created").GetInt32(), report.GetProperty("reminded").GetInt32(),
                report.GetProperty("markedOverdue").GetInt32(), report.GetProperty("escalated").GetInt32()));
        Assert.Equal(before, await DemoMentorState(own, mentees));
        var ordinary = await WithDbAsync(own, db => db.Students.AsNoTracking()
            .Where(s => s.SchoolId == DemoData.BridgemaryId && s.MentorId != DemoData.BridgemaryMentorId)
            .Select(s => db.CheckIns.Count(c => c.StudentId == s.Id && c.HalfTermStart == Autumn1))
            .Distinct().ToListAsync());
        Assert.Equal([2], ordinary);
    }

    /// <summary>The demo mentor's mentees' check-ins (with versions), notifications and escalations, as one comparable string.</summary>
    private static Task<string> DemoMentorState(SchoolApiFactory factory, List<Guid> mentees) => WithDbAsync(factory, async db =>
    {
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => mentees.Contains(c.StudentId))
            .Select(c => new { c.Id, c.MentorId, c.Sequence, c.DueOn, c.Status, c.RemindedAt, c.Version }).ToListAsync();
        var notifications = await db.Notifications.AsNoTracking().Where(n => n.StudentId != null && mentees.Contains(n.StudentId.Value))
            .Select(n => new { n.Key, n.RecipientId, n.EmailStatus }).ToListAsync();
        var escalations = await db.MentoringEscalations.AsNoTracking().Where(e => mentees.Contains(e.StudentId))
            .Select(e => new { e.Id, e.StudentId, e.HalfTermStart }).ToListAsync();
        return string.Join('\n', checkIns.Select(c => c.ToString()).Order(StringComparer.Ordinal))
            + "\n--\n" + string.Join('\n', notifications.Select(n => n.ToString()).Order(StringComparer.Ordinal))
            + "\n--\n" + string.Join('\n', escalations.Select(e => e.ToString()).Order(StringComparer.Ordinal));
    });

    private Task<T> WithDbAsync<T>(Func<SchoolDbContext, Task<T>> read) => WithDbAsync(factory, read);

    private static async Task<T> WithDbAsync<T>(SchoolApiFactory factory, Func<SchoolDbContext, Task<T>> read)
    {
        using var scope = factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<SchoolDbContext>());
    }
}

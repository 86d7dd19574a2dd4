using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Timetabling;
using School.Domain.Mentoring;
using School.Domain.Notifications;
using School.Domain.Staff;

namespace School.Application.Mentoring.Sweep;

/// <summary>Settings of the daily mentoring sweep (section <c>Mentoring</c>).</summary>
public sealed class MentoringOptions
{
    public const string SectionName = "Mentoring";

    /// <summary>When the daily sweep runs (cron), in <see cref="SweepTimeZone"/>. Default 06:00 every day.</summary>
    public string SweepCron { get; set; } = "0 6 * * *";

    public string SweepTimeZone { get; set; } = "Europe/London";

    /// <summary>Students handled per transaction. Memory stays at one batch whatever the number of pairs.</summary>
    public int SweepBatchSize { get; set; } = 500;
}

/// <summary>What one sweep of one school did.</summary>
public sealed record SweepReport(
    Guid SchoolId,
    DateOnly Date,
    string? HalfTerm,
    int PairsSeen,
    int Created,
    int Reminded,
    int MarkedOverdue,
    int Escalated,
    int Batches)
{
    public static SweepReport Empty(Guid schoolId, DateOnly date, string? halfTerm) => new(schoolId, date, halfTerm, 0, 0, 0, 0, 0, 0);

    public SweepReport Add(BatchCounts counts) => this with
    {
        PairsSeen = PairsSeen + counts.Pairs,
        Created = Created + counts.Created,
        Reminded = Reminded + counts.Reminded,
        MarkedOverdue = MarkedOverdue + counts.Overdue,
        Escalated = Escalated + counts.Escalated,
        Batches = Batches + 1,
    };
}

public readonly record struct BatchCounts(int Pairs, int Created, int Reminded, int Overdue, int Escalated);

/// <summary>
/// The daily mentoring sweep for one school, for every student who has a mentor: creates the check-ins the half term still
/// needs (with a suggested time when both timetables are free), queues reminders, marks check-ins overdue once their due
/// date has passed, and raises each child who falls behind with the pastoral lead once per half term.
/// </summary>
/// <remarks>
/// The database is the source of truth, so the sweep is idempotent and safe to rerun after a crash: students are taken in
/// batches in id order, each batch is read, decided and saved in one short transaction, and every effect is guarded by a
/// unique key (a check-in's number within the half term, one escalation per child per half term, one notification per
/// event). A rerun finds the work already done and does nothing more; a run that stopped halfway redoes only what the
/// saved batches did not. Two runs at once cannot duplicate anything: the loser of a race fails on a unique key or a
/// version check and decides its batch again from the database.
/// </remarks>
public sealed partial class MentoringSweep(IApplicationDbContext db, TimeProvider time, IOptions<MentoringOptions> options, ILogger<MentoringSweep> logger)
{
    private const int MaxBatchAttempts = 3;

    /// <summary>Called after each batch is saved, with the number of batches done (a test throws here to simulate a crash halfway).</summary>
    public Action<int>? AfterBatchSaved { get; set; }

    public async Task<SweepReport> RunAsync(Guid schoolId, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().SingleAsync(s => s.Id == schoolId, ct);
        var zone = school.TimeZone;
        var today = time.Today(zone);
        var policy = await db.PolicyAsync(schoolId, ct);
        var years = await db.YearsOfAsync(schoolId, ct);
        var year = years.FirstOrDefault(y => y.Covers(today));
        var halfTerm = year?.HalfTermOn(today);
        var schedule = year is not null && halfTerm is not null ? new Domain.Mentoring.CheckInSchedule(year, halfTerm) : null;
        var slots = schedule is not null ? await FreeSlots.LoadAsync(db, schoolId, year!, zone, policy.MinMinutes, ct) : null;
        var pastoral = await PastoralLeadsAsync(schoolId, ct);

        var context = new SweepContext(schoolId, today, time.GetUtcNow(), policy, schedule, slots, pastoral);
        var report = SweepReport.Empty(schoolId, today, halfTerm?.Name);
        var batchSize = Math.Max(1, options.Value.SweepBatchSize);
        Guid? after = null;
        while (true)
        {
            var query = db.Students.AsNoTracking().Where(s => s.SchoolId == schoolId && s.MentorId != null);
            if (after is { } last)
            {
                query = query.Where(s => s.Id.CompareTo(last) > 0);
            }

            var students = await query
                .OrderBy(s => s.Id)
                .Take(batchSize)
                .Select(s => new Mentee(s.Id, s.MentorId!.Value, (s.PreferredName ?? s.GivenName) + " " + s.FamilyName))
                .ToListAsync(ct);
            if (students.Count == 0)
            {
                break;
            }

            var counts = await SweepBatchAsync(context, students, ct);
            report = report.Add(counts);
            AfterBatchSaved?.Invoke(report.Batches);
            after = students[^1].Id;
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation(
                "Mentoring sweep for {School} on {Date}: {Pairs} pairs, {Created} check-ins created, {Reminded} reminders, {Overdue} overdue, {Escalated} escalated",
                school.Name, today, report.PairsSeen, report.Created, report.Reminded, report.MarkedOverdue, report.Escalated);
        }

        return report;
    }

    private async Task<BatchCounts> SweepBatchAsync(SweepContext context, List<Mentee> students, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var counts = await DecideAsync(context, students, ct);
                await db.SaveChangesAsync(ct);
                return counts;
            }
            catch (Exception ex) when (attempt < MaxBatchAttempts && ex is UniqueConstraintViolationException or DbUpdateConcurrencyException)
            {
                // Another sweep did some of this batch at the same moment: forget our version and decide again from the database.
                LogRaced(logger, attempt);
            }
            finally
            {
                db.ClearTracked();
            }
        }
    }

    private async Task<BatchCounts> DecideAsync(SweepContext context, List<Mentee> students, CancellationToken ct)
    {
        var ids = students.Select(s => s.Id).ToList();
        var halfTermStart = context.Schedule?.HalfTerm.Start;
        // Open check-ins (of any half term, for overdue marking) and everything of the current half term (for counting).
        var checkIns = await db.CheckIns
            .Where(c => ids.Contains(c.StudentId) && (c.Status != CheckInStatus.Completed || c.HalfTermStart == halfTermStart))
            .ToListAsync(ct);
        var escalated = (await db.MentoringEscalations.AsNoTracking()
                .Where(e => ids.Contains(e.StudentId))
                .Select(e => new { e.StudentId, e.HalfTermStart })
                .ToListAsync(ct))
            .Select(e => (e.StudentId, e.HalfTermStart))
            .ToHashSet();
        var mentors = students.Select(s => s.MentorId).Distinct().ToList();
        var emailOf = (await db.UserAccounts.AsNoTracking().Where(a => mentors.Contains(a.PersonId))
                .Select(a => new { a.PersonId, a.Email }).ToListAsync(ct))
            .GroupBy(e => e.PersonId)
            .ToDictionary(g => g.Key, g => g.First().Email);

        int created = 0, reminded = 0, overdue = 0, escalations = 0;
        var byStudent = checkIns.ToLookup(c => c.StudentId);
        foreach (var student in students)
        {
            var mine = byStudent[student.Id].ToList();
            foreach (var open in mine.Where(c => c.IsOpen))
            {
                open.Reassign(student.MentorId);
            }

            if (context.Schedule is { } schedule)
            {
                created += Plan(context, schedule, student, mine);
            }

            foreach (var checkIn in mine)
            {
                if (checkIn.MarkOverdue(context.Today))
                {
                    overdue++;
                    Notify(context, checkIn.MentorId, emailOf, NotificationKind.CheckInOverdue, $"check-in-overdue:{checkIn.Id}",
                        $"Check-in with {student.Name} is overdue",
                        $"Check-in {checkIn.Sequence} with {student.Name} was due by {checkIn.DueOn:dddd d MMMM}. Please see them as soon as you can.",
                        student.Id);
                }
                else if (checkIn.Status == CheckInStatus.Scheduled
                    && checkIn.DueOn.AddDays(-context.Policy.RemindDaysAhead) <= context.Today
                    && checkIn.MarkReminded(context.Now))
                {
                    reminded++;
                    var when = checkIn.SuggestedStart is { } start ? $" A time when you are both free: {start:dddd d MMMM HH:mm} (UTC)." : string.Empty;
                    Notify(context, checkIn.MentorId, emailOf, NotificationKind.CheckInReminder, $"check-in-reminder:{checkIn.Id}:{checkIn.MentorId}",
                        $"Check-in with {student.Name} due by {checkIn.DueOn:d MMMM}",
                        $"Check-in {checkIn.Sequence} with {student.Name} is due by {checkIn.DueOn:dddd d MMMM}.{when}",
                        student.Id);
                }
            }

            foreach (var halfTerm in mine.Where(c => c.Status == CheckInStatus.Overdue).Select(c => c.HalfTermStart).Distinct())
            {
                if (escalated.Add((student.Id, halfTerm)))
                {
                    escalations++;
                    db.MentoringEscalations.Add(MentoringEscalation.Raise(Ids.New(time), context.SchoolId, student.Id, student.MentorId, halfTerm, context.Now));
                    foreach (var lead in context.PastoralLeads)
                    {
                        Notify(context, lead.Id, context.PastoralEmails, NotificationKind.MentoringEscalation, $"escalation:{student.Id}:{halfTerm:yyyy-MM-dd}:{lead.Id}",
                            $"{student.Name} has not been seen by their mentor",
                            $"{student.Name} has an overdue mentor check-in and will miss the school's check-in policy for the half term from {halfTerm:d MMMM}.",
                            student.Id);
                    }
                }
            }
        }

        return new BatchCounts(students.Count, created, reminded, overdue, escalations);
    }

    /// <summary>Adds the check-ins the half term still needs: the policy's number, less those that count or are still open.</summary>
    private int Plan(SweepContext context, Domain.Mentoring.CheckInSchedule schedule, Mentee student, List<CheckIn> mine)
    {
        var thisHalfTerm = mine.Where(c => c.HalfTermStart == schedule.HalfTerm.Start).ToList();
        var counted = thisHalfTerm.Count(c => c.Status == CheckInStatus.Completed && c.Counts);
        var open = thisHalfTerm.Count(c => c.IsOpen);
        var needed = context.Policy.MinCheckInsPerHalfTerm - counted - open;
        var next = thisHalfTerm.Count == 0 ? 1 : thisHalfTerm.Max(c => c.Sequence) + 1;
        for (var i = 0; i < needed; i++, next++)
        {
            var due = schedule.DueOn(next, context.Policy.MinCheckInsPerHalfTerm, context.Today);
            var slot = context.Slots?.Find(student.Id, student.MentorId, schedule.DaysBackFrom(due, context.Today));
            var checkIn = CheckIn.Plan(
                Ids.New(time), context.SchoolId, student.Id, student.MentorId, schedule.HalfTerm.Start, schedule.HalfTerm.End, next, due, slot);
            db.CheckIns.Add(checkIn);
            mine.Add(checkIn);
        }

        return Math.Max(0, needed);
    }

    private void Notify(
        SweepContext context, Guid recipient, IReadOnlyDictionary<Guid, string> emails, NotificationKind kind, string key, string title, string body, Guid studentId) =>
        db.Notifications.Add(Notification.Create(
            Ids.New(time), context.SchoolId, recipient, kind, key, title, body, context.Now, emails.GetValueOrDefault(recipient), studentId));

    private async Task<List<PastoralLead>> PastoralLeadsAsync(Guid schoolId, CancellationToken ct)
    {
        var leads = await db.StaffMembers.AsNoTracking()
            .Where(s => s.SchoolId == schoolId && (s.Roles & StaffRoles.PastoralLead) == StaffRoles.PastoralLead)
            .Select(s => s.Id)
            .ToListAsync(ct);
        var emails = await db.UserAccounts.AsNoTracking().Where(a => leads.Contains(a.PersonId)).ToDictionaryAsync(a => a.PersonId, a => a.Email, ct);
        return leads.Select(id => new PastoralLead(id, emails.GetValueOrDefault(id))).ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mentoring sweep batch raced another run; deciding it again from the database (attempt {Attempt}).")]
    private static partial void LogRaced(ILogger logger, int attempt);

    private sealed record Mentee(Guid Id, Guid MentorId, string Name);

    private sealed record PastoralLead(Guid Id, string? Email);

    private sealed record SweepContext(
        Guid SchoolId, DateOnly Today, DateTimeOffset Now, CheckInPolicy Policy, Domain.Mentoring.CheckInSchedule? Schedule, FreeSlots? Slots,
        List<PastoralLead> PastoralLeads)
    {
        public IReadOnlyDictionary<Guid, string> PastoralEmails { get; } =
            PastoralLeads.Where(l => l.Email is not null).ToDictionary(l => l.Id, l => l.Email!);
    }
}

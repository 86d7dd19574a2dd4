using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Models;
using School.Domain.Common;
using School.Domain.Mentoring;
using School.Domain.Notifications;
using School.Domain.Students;

namespace School.Application.Mentoring;

/// <summary>Loading and changing mentoring data, shared by the mentoring use cases (and the roster's mentor field).</summary>
internal static class MentoringData
{
    /// <summary>The school's check-in policy, or the default one (2 × 15 minutes) when it has not set its own.</summary>
    public static async Task<CheckInPolicy> PolicyAsync(this IApplicationDbContext db, Guid schoolId, CancellationToken ct) =>
        await db.CheckInPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == schoolId, ct) ?? CheckInPolicy.Default(schoolId);

    /// <summary>Names of people who may be mentors (staff or pupils), by id.</summary>
    public static async Task<Dictionary<Guid, string>> NamesAsync(this IApplicationDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var staff = await db.StaffMembers.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, Name = s.GivenName + " " + s.FamilyName }).ToListAsync(ct);
        var students = await db.Students.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, Name = (s.PreferredName ?? s.GivenName) + " " + s.FamilyName }).ToListAsync(ct);
        return staff.Concat(students).ToDictionary(p => p.Id, p => p.Name);
    }

    public static async Task<PersonRef?> PersonAsync(this IApplicationDbContext db, Guid? id, CancellationToken ct)
    {
        if (id is not { } personId)
        {
            return null;
        }

        var names = await db.NamesAsync([personId], ct);
        return names.TryGetValue(personId, out var name) ? new PersonRef(personId, name) : null;
    }

    /// <summary>How many current mentees each of the school's mentors has.</summary>
    public static async Task<Dictionary<Guid, int>> MenteeCountsAsync(this IApplicationDbContext db, Guid schoolId, CancellationToken ct) =>
        await db.Students.AsNoTracking()
            .Where(s => s.SchoolId == schoolId && s.MentorId != null)
            .GroupBy(s => s.MentorId!.Value)
            .Select(g => new { MentorId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.MentorId, x => x.Count, ct);

    /// <summary>
    /// Makes <paramref name="mentorId"/> the student's mentor (or removes the mentor when null): checks the rules and the
    /// mentor's capacity, ends the current assignment and starts a new one in the history, hands open check-ins to the new
    /// mentor and tells them. Saving is the caller's, in the same transaction as whatever else it changes.
    /// </summary>
    public static async Task<Result> AssignMentorAsync(
        this IApplicationDbContext db, Student student, Guid? mentorId, AssignmentSource source, MentorChange change, CancellationToken ct)
    {
        if (student.MentorId == mentorId)
        {
            return Result.Success();
        }

        Mentor? mentor = null;
        int? mentorYear = null;
        if (mentorId is { } id)
        {
            mentor = await db.Mentors.SingleOrDefaultAsync(m => m.Id == id && m.SchoolId == student.SchoolId, ct);
            if (mentor is null)
            {
                return Error.Validation("mentorId", "No mentor with that id works at this school.");
            }

            if (mentor.Kind == MentorKind.Student)
            {
                mentorYear = await db.Students.Where(s => s.Id == id).Select(s => (int?)s.YearGroup).SingleOrDefaultAsync(ct);
            }

            if (change.CheckCapacity)
            {
                var policy = await db.PolicyAsync(student.SchoolId, ct);
                var capacity = mentor.Capacity(policy.MinutesPerMenteePerWeek);
                var mentees = await db.Students.CountAsync(s => s.MentorId == id, ct);
                if (mentees >= capacity)
                {
                    return MentoringErrors.MentorFull(capacity);
                }
            }
        }

        var assigned = student.AssignMentor(mentor, mentorYear);
        if (!assigned.IsSuccess)
        {
            return assigned;
        }

        var current = await db.MentorAssignments.Where(a => a.StudentId == student.Id && a.EndedAt == null).ToListAsync(ct);
        current.ForEach(a => a.End(change.At));
        if (mentor is null)
        {
            return Result.Success();
        }

        var assignment = MentorAssignment.Start(
            Ids.New(change.Time), student.SchoolId, student.Id, mentor.Id, source, change.At, change.By, change.Reason, change.Rank);
        db.MentorAssignments.Add(assignment);

        var open = await db.CheckIns.Where(c => c.StudentId == student.Id && c.Status != CheckInStatus.Completed).ToListAsync(ct);
        open.ForEach(c => c.Reassign(mentor.Id));

        if (change.Notify)
        {
            var email = await db.EmailOfAsync(mentor.Id, ct);
            db.Notifications.Add(Notification.Create(
                Ids.New(change.Time), student.SchoolId, mentor.Id, NotificationKind.MentorAssigned, $"mentor-assigned:{assignment.Id}",
                "A new mentee", $"You are now the mentor of {student.PreferredName ?? student.GivenName} {student.FamilyName} (Year {student.YearGroup}).",
                change.At, email, student.Id));
        }

        return Result.Success();
    }

    /// <summary>The e-mail address a person signs in with, if they have an account.</summary>
    public static Task<string?> EmailOfAsync(this IApplicationDbContext db, Guid personId, CancellationToken ct) =>
        db.UserAccounts.AsNoTracking().Where(a => a.PersonId == personId).Select(a => a.Email).FirstOrDefaultAsync(ct);
}

/// <summary>Who changes a mentor, when and why; whether capacity is enforced and the mentor told.</summary>
internal sealed record MentorChange(TimeProvider Time, DateTimeOffset At, Guid? By, string? Reason, int? Rank = null, bool CheckCapacity = true, bool Notify = true);

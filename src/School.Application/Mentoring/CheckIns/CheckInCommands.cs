using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Application.Common.Models;
using School.Application.Timetabling;
using School.Domain.Common;
using School.Domain.Mentoring;

namespace School.Application.Mentoring.CheckIns;

/// <summary>
/// The student's check-ins, newest half term first (the child, their family, tutor, mentor, the pastoral lead and admins).
/// Private notes only for the child's mentor and the pastoral lead.
/// </summary>
public sealed record ListStudentCheckInsQuery(Guid StudentId) : IQuery<Result<IReadOnlyList<CheckInDto>>>;

internal sealed class ListStudentCheckInsQueryHandler(StudentAccess access, IApplicationDbContext db)
    : IQueryHandler<ListStudentCheckInsQuery, Result<IReadOnlyList<CheckInDto>>>
{
    public async ValueTask<Result<IReadOnlyList<CheckInDto>>> Handle(ListStudentCheckInsQuery query, CancellationToken cancellationToken)
    {
        var role = await access.MentoringAsync(query.StudentId, cancellationToken);
        if (!role.IsSuccess)
        {
            return role.Error!;
        }

        var checkIns = await db.CheckIns.AsNoTracking().Where(c => c.StudentId == query.StudentId).ToListAsync(cancellationToken);
        var names = await db.NamesAsync(checkIns.Select(c => c.MentorId).Distinct().ToList(), cancellationToken);
        var notes = role.Value.Mentoring.SeesPrivateNotes();
        return checkIns
            .OrderByDescending(c => c.HalfTermStart).ThenBy(c => c.Sequence)
            .Select(c => CheckInDto.From(c, names.TryGetValue(c.MentorId, out var n) ? new PersonRef(c.MentorId, n) : null, notes))
            .ToList();
    }
}

/// <summary>
/// The child's mentor records a check-in. One shorter than the policy's minimum is kept but does not count (the sweep plans
/// another); a guardian may have attended only if the student said they want them there.
/// </summary>
public sealed record CompleteCheckInCommand(Guid CheckInId, DateTimeOffset HeldAt, int Minutes, string? PrivateNotes, string? StudentSummary, bool GuardianAttended)
    : ICommand<Result<CheckInDto>>;

public sealed class CompleteCheckInCommandValidator : AbstractValidator<CompleteCheckInCommand>
{
    public CompleteCheckInCommandValidator()
    {
        RuleFor(c => c.HeldAt).NotEmpty();
        RuleFor(c => c.Minutes).InclusiveBetween(1, CheckIn.MaxMinutes);
        RuleFor(c => c.PrivateNotes).MaximumLength(CheckIn.MaxNotesLength);
        RuleFor(c => c.StudentSummary).MaximumLength(CheckIn.MaxSummaryLength);
    }
}

internal sealed class CompleteCheckInCommandHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<CompleteCheckInCommand, Result<CheckInDto>>
{
    public async ValueTask<Result<CheckInDto>> Handle(CompleteCheckInCommand command, CancellationToken cancellationToken)
    {
        var studentId = await db.CheckIns.Where(c => c.Id == command.CheckInId).Select(c => (Guid?)c.StudentId).SingleOrDefaultAsync(cancellationToken);
        if (studentId is null)
        {
            return Error.NotFound("Check-in");
        }

        var role = await access.MentoringAsync(studentId.Value, cancellationToken);
        if (!role.IsSuccess)
        {
            // Whoever may not read the child's mentoring is not told the check-in exists.
            return Error.NotFound("Check-in");
        }

        if (!role.Value.Mentoring.HasFlag(MentoringRole.Mentor))
        {
            return Error.Forbidden("Only the child's mentor records their check-ins.");
        }

        var checkIn = await db.CheckIns.SingleAsync(c => c.Id == command.CheckInId, cancellationToken);
        var heldOn = DateOnly.FromDateTime(command.HeldAt.UtcDateTime);
        if (heldOn < checkIn.HalfTermStart.AddDays(-1))
        {
            return Error.Validation("heldAt", $"This check-in belongs to the half term from {checkIn.HalfTermStart:d MMMM yyyy}; it cannot have been held before it.");
        }

        var wanted = await db.MentoringPreferences.Where(p => p.Id == checkIn.StudentId).Select(p => p.GuardianMayAttend).SingleOrDefaultAsync(cancellationToken);
        var policy = await db.PolicyAsync(checkIn.SchoolId, cancellationToken);
        var completed = checkIn.Complete(
            user.PersonId, command.HeldAt.ToUniversalTime(), command.Minutes, command.PrivateNotes, command.StudentSummary, command.GuardianAttended,
            wanted, policy, time.GetUtcNow());
        if (!completed.IsSuccess)
        {
            return completed.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        return CheckInDto.From(checkIn, await db.PersonAsync(checkIn.MentorId, cancellationToken), withPrivateNotes: true);
    }
}

/// <summary>The caller's mentees with each one's next and last check-in (any registered mentor: staff, school leaver or pupil).</summary>
public sealed record ListMyMenteesQuery : IQuery<Result<IReadOnlyList<MenteeDto>>>;

internal sealed class ListMyMenteesQueryHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : IQueryHandler<ListMyMenteesQuery, Result<IReadOnlyList<MenteeDto>>>
{
    public async ValueTask<Result<IReadOnlyList<MenteeDto>>> Handle(ListMyMenteesQuery query, CancellationToken cancellationToken)
    {
        if (user is not { IsAuthenticated: true, SchoolId: { } schoolId }
            || !await db.Mentors.AnyAsync(m => m.Id == user.PersonId && m.SchoolId == schoolId, cancellationToken))
        {
            return Error.Forbidden("Only mentors have mentees.");
        }

        var me = user.PersonId;
        var mentees = await db.Students.AsNoTracking()
            .Where(s => s.SchoolId == schoolId && s.MentorId == me)
            .Select(s => new { s.Id, Name = (s.PreferredName ?? s.GivenName) + " " + s.FamilyName, s.FamilyName, s.YearGroup })
            .ToListAsync(cancellationToken);
        var ids = mentees.Select(m => m.Id).ToList();
        var checkIns = (await db.CheckIns.AsNoTracking().Where(c => ids.Contains(c.StudentId)).ToListAsync(cancellationToken)).ToLookup(c => c.StudentId);
        var wanted = await db.MentoringPreferences.AsNoTracking().Where(p => ids.Contains(p.Id) && p.GuardianMayAttend).Select(p => p.Id).ToListAsync(cancellationToken);
        var policy = await db.PolicyAsync(schoolId, cancellationToken);
        var today = await db.TodayAtAsync(schoolId, time, cancellationToken);
        var halfTerm = (await db.YearsOfAsync(schoolId, cancellationToken)).YearFor(today)?.HalfTermOn(today);

        return mentees
            .OrderBy(m => m.FamilyName, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal)
            .Select(m =>
            {
                var mine = checkIns[m.Id].ToList();
                var next = mine.Where(c => c.IsOpen).OrderBy(c => c.DueOn).ThenBy(c => c.Sequence).FirstOrDefault();
                var last = mine.Where(c => !c.IsOpen).OrderByDescending(c => c.HeldAt).FirstOrDefault();
                var counted = halfTerm is null ? 0 : mine.Count(c => c.HalfTermStart == halfTerm.Start && !c.IsOpen && c.Counts);
                return new MenteeDto(m.Id, m.Name, m.YearGroup, wanted.Contains(m.Id), Brief(next), Brief(last), counted, policy.MinCheckInsPerHalfTerm);
            })
            .ToList();
    }

    private static CheckInBriefDto? Brief(CheckIn? c) =>
        c is null ? null : new CheckInBriefDto(c.Id, c.Sequence, c.DueOn, c.SuggestedStart, c.Status, c.HeldAt, c.Minutes, c.Counts);
}

internal static class MentoringRoleExtensions
{
    /// <summary>Private notes are for the child's mentor and the pastoral lead only: never the child, their family or other staff.</summary>
    public static bool SeesPrivateNotes(this MentoringRole role) => (role & (MentoringRole.Mentor | MentoringRole.Pastoral)) != 0;
}

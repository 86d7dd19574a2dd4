using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Application.Common.Models;
using School.Domain.Common;
using School.Domain.Mentoring;

namespace School.Application.Mentoring.Assignments;

/// <summary>
/// An admin chooses a student's mentor directly, overriding matching (or removes the mentor with a null id). The mentor's
/// capacity and the pupil-mentor rules still apply; the reason is kept in the history.
/// </summary>
public sealed record OverrideMentorCommand(Guid StudentId, Guid? MentorId, string Reason) : ICommand<Result<MentorAssignmentDto?>>;

public sealed class OverrideMentorCommandValidator : AbstractValidator<OverrideMentorCommand>
{
    public OverrideMentorCommandValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(MentorAssignment.MaxReasonLength);
}

internal sealed class OverrideMentorCommandHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<OverrideMentorCommand, Result<MentorAssignmentDto?>>
{
    public async ValueTask<Result<MentorAssignmentDto?>> Handle(OverrideMentorCommand command, CancellationToken cancellationToken)
    {
        var allowed = await access.CheckAsync(command.StudentId, StudentPermissions.Manage, cancellationToken);
        if (!allowed.IsSuccess)
        {
            return allowed.Error!;
        }

        var student = await db.Students.SingleAsync(s => s.Id == command.StudentId, cancellationToken);
        if (student.MentorId == command.MentorId)
        {
            return Error.Conflict("mentoring.same_mentor", "That is already the student's mentor.");
        }

        var assigned = await db.AssignMentorAsync(
            student, command.MentorId, AssignmentSource.Override, new MentorChange(time, time.GetUtcNow(), user.PersonId, command.Reason), cancellationToken);
        if (!assigned.IsSuccess)
        {
            return assigned.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        var current = await db.AssignmentsAsync(command.StudentId, cancellationToken);
        return current.FirstOrDefault(a => a.EndedAt is null);
    }
}

/// <summary>The student's mentors over time, newest first (whoever may read the child's mentoring).</summary>
public sealed record ListMentorAssignmentsQuery(Guid StudentId) : IQuery<Result<IReadOnlyList<MentorAssignmentDto>>>;

internal sealed class ListMentorAssignmentsQueryHandler(StudentAccess access, IApplicationDbContext db)
    : IQueryHandler<ListMentorAssignmentsQuery, Result<IReadOnlyList<MentorAssignmentDto>>>
{
    public async ValueTask<Result<IReadOnlyList<MentorAssignmentDto>>> Handle(ListMentorAssignmentsQuery query, CancellationToken cancellationToken)
    {
        var role = await access.MentoringAsync(query.StudentId, cancellationToken);
        return role.IsSuccess
            ? Result<IReadOnlyList<MentorAssignmentDto>>.Success(await db.AssignmentsAsync(query.StudentId, cancellationToken))
            : role.Error!;
    }
}

internal static class AssignmentHistory
{
    public static async Task<IReadOnlyList<MentorAssignmentDto>> AssignmentsAsync(this IApplicationDbContext db, Guid studentId, CancellationToken ct)
    {
        var rows = await db.MentorAssignments.AsNoTracking().Where(a => a.StudentId == studentId).ToListAsync(ct);
        var names = await db.NamesAsync(rows.Select(r => r.MentorId).Distinct().ToList(), ct);
        return rows
            .OrderBy(r => r.EndedAt is null ? 0 : 1).ThenByDescending(r => r.StartedAt).ThenByDescending(r => r.EndedAt)
            .Select(r => new MentorAssignmentDto(
                r.Id, new PersonRef(r.MentorId, names.GetValueOrDefault(r.MentorId, "(unknown)")), r.Source, r.Rank, r.Reason, r.AssignedBy, r.StartedAt, r.EndedAt))
            .ToList();
    }
}

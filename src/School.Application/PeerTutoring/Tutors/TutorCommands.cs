using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Application.Timetabling;
using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.PeerTutoring;
using School.Domain.Staff;

namespace School.Application.PeerTutoring.Tutors;

/// <summary>
/// A pupil applies to tutor on a programme (no student id), or a teacher nominates a pupil (naming them), with the pupil's
/// level in the subject. The pupil must be in one of the programme's tutor year groups; once per programme.
/// </summary>
public sealed record ApplyToTutorCommand(Guid ProgrammeId, Guid? StudentId, int Level) : ICommand<Result<PeerTutorDto>>;

public sealed class ApplyToTutorCommandValidator : AbstractValidator<ApplyToTutorCommand>
{
    public ApplyToTutorCommandValidator() => RuleFor(c => c.Level).SubjectLevel();
}

internal sealed class ApplyToTutorCommandHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<ApplyToTutorCommand, Result<PeerTutorDto>>
{
    public async ValueTask<Result<PeerTutorDto>> Handle(ApplyToTutorCommand command, CancellationToken cancellationToken)
    {
        var programme = await db.ProgrammeAsync(user, command.ProgrammeId, cancellationToken);
        if (!programme.IsSuccess)
        {
            return programme.Error!;
        }

        Guid studentId;
        Guid? nominatedBy = null;
        if (user.Kind == PersonKind.Student && (command.StudentId is null || command.StudentId == user.PersonId))
        {
            studentId = user.PersonId;
        }
        else if (user.Kind == PersonKind.Staff && command.StudentId is { } nominee)
        {
            if ((user.StaffRoles & (StaffRoles.Teacher | StaffRoles.SchoolAdmin)) == 0 && user.PersonId != programme.Value.SupervisorId)
            {
                return Error.Forbidden("Teachers, the supervisor and admins nominate tutors.");
            }

            var visible = await access.CheckAsync(nominee, StudentPermissions.ViewRoster, cancellationToken);
            if (!visible.IsSuccess)
            {
                return visible.Error!;
            }

            studentId = nominee;
            nominatedBy = user.PersonId;
        }
        else
        {
            return Error.Forbidden("A pupil applies for themself; staff nominate a pupil by naming them.");
        }

        var year = await db.Students.Where(s => s.Id == studentId).Select(s => s.YearGroup).SingleAsync(cancellationToken);
        if (!programme.Value.TutorYearGroups.Contains(year))
        {
            return Error.Conflict("peer.tutor_year", $"This programme's tutors are in Year {string.Join(", ", programme.Value.TutorYearGroups)}.");
        }

        if (await db.PeerTutors.AnyAsync(t => t.ProgrammeId == command.ProgrammeId && t.StudentId == studentId, cancellationToken))
        {
            return Error.Conflict("peer.already_applied", "That pupil has already applied to tutor on this programme.");
        }

        var tutor = PeerTutor.Apply(Ids.New(time), command.ProgrammeId, studentId, command.Level, time.GetUtcNow(), nominatedBy);
        db.PeerTutors.Add(tutor);
        await db.SaveChangesAsync(cancellationToken);
        return (await db.DescribeTutorsAsync([tutor], cancellationToken))[0];
    }
}

/// <summary>The programme's tutors and applicants (staff of the school).</summary>
public sealed record ListTutorsQuery(Guid ProgrammeId) : IQuery<Result<IReadOnlyList<PeerTutorDto>>>;

internal sealed class ListTutorsQueryHandler(ICurrentUser user, IApplicationDbContext db) : IQueryHandler<ListTutorsQuery, Result<IReadOnlyList<PeerTutorDto>>>
{
    public async ValueTask<Result<IReadOnlyList<PeerTutorDto>>> Handle(ListTutorsQuery query, CancellationToken cancellationToken)
    {
        var programme = await db.ProgrammeAsync(user, query.ProgrammeId, cancellationToken);
        if (!programme.IsSuccess)
        {
            return programme.Error!;
        }

        if (!user.IsStaff())
        {
            return Error.Forbidden("Only staff see a programme's tutors.");
        }

        var tutors = await db.PeerTutors.AsNoTracking().Where(t => t.ProgrammeId == query.ProgrammeId).ToListAsync(cancellationToken);
        return Result<IReadOnlyList<PeerTutorDto>>.Success(await db.DescribeTutorsAsync(tutors, cancellationToken));
    }
}

/// <summary>The supervisor (or an admin) approves or declines an application.</summary>
public sealed record DecideTutorCommand(Guid ProgrammeId, Guid TutorId, bool Approve) : ICommand<Result<PeerTutorDto>>;

internal sealed class DecideTutorCommandHandler(ICurrentUser user, IApplicationDbContext db) : ICommandHandler<DecideTutorCommand, Result<PeerTutorDto>>
{
    public async ValueTask<Result<PeerTutorDto>> Handle(DecideTutorCommand command, CancellationToken cancellationToken)
    {
        var tutor = await db.RunnersTutorAsync(user, command.ProgrammeId, command.TutorId, cancellationToken);
        if (!tutor.IsSuccess)
        {
            return tutor.Error!;
        }

        var decided = tutor.Value.Decide(command.Approve, user.PersonId);
        if (!decided.IsSuccess)
        {
            return decided.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        return (await db.DescribeTutorsAsync([tutor.Value], cancellationToken))[0];
    }
}

/// <summary>The supervisor (or an admin) records that an approved tutor completed the programme's training.</summary>
public sealed record CompleteTrainingCommand(Guid ProgrammeId, Guid TutorId, DateOnly? On) : ICommand<Result<PeerTutorDto>>;

public sealed class CompleteTrainingCommandValidator : AbstractValidator<CompleteTrainingCommand>
{
    public CompleteTrainingCommandValidator() =>
        RuleFor(c => c.On).Must(ValidationRules.IsPlausibleSchoolDate).WithMessage(ValidationRules.PlausibleDateMessage);
}

internal sealed class CompleteTrainingCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time) : ICommandHandler<CompleteTrainingCommand, Result<PeerTutorDto>>
{
    public async ValueTask<Result<PeerTutorDto>> Handle(CompleteTrainingCommand command, CancellationToken cancellationToken)
    {
        var tutor = await db.RunnersTutorAsync(user, command.ProgrammeId, command.TutorId, cancellationToken);
        if (!tutor.IsSuccess)
        {
            return tutor.Error!;
        }

        var today = await db.TodayAtAsync(user.SchoolId!.Value, time, cancellationToken);
        if (command.On > today)
        {
            return Error.Validation("on", "Training cannot be recorded before it has happened.");
        }

        var trained = tutor.Value.CompleteTraining(command.On ?? today);
        if (!trained.IsSuccess)
        {
            return trained.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        return (await db.DescribeTutorsAsync([tutor.Value], cancellationToken))[0];
    }
}

internal static class TutorData
{
    /// <summary>A tutor of a programme the user runs, tracked; 404 when unknown, 403 when the user does not run the programme.</summary>
    public static async Task<Result<PeerTutor>> RunnersTutorAsync(this IApplicationDbContext db, ICurrentUser user, Guid programmeId, Guid tutorId, CancellationToken ct)
    {
        var programme = await db.ProgrammeAsync(user, programmeId, ct);
        if (!programme.IsSuccess)
        {
            return programme.Error!;
        }

        var runner = user.RequireRunner(programme.Value);
        if (!runner.IsSuccess)
        {
            return user.IsStaff() ? runner.Error! : Error.NotFound("Tutor");
        }

        var tutor = await db.PeerTutors.SingleOrDefaultAsync(t => t.Id == tutorId && t.ProgrammeId == programmeId, ct);
        return tutor is null ? Error.NotFound("Tutor") : tutor;
    }

    public static async Task<IReadOnlyList<PeerTutorDto>> DescribeTutorsAsync(this IApplicationDbContext db, IReadOnlyList<PeerTutor> tutors, CancellationToken ct)
    {
        var ids = tutors.Select(t => t.StudentId).ToList();
        var students = await db.Students.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, Name = (s.PreferredName ?? s.GivenName) + " " + s.FamilyName, s.YearGroup }).ToDictionaryAsync(s => s.Id, ct);
        var programmeIds = tutors.Select(t => t.ProgrammeId).Distinct().ToList();
        var pairs = await db.PeerPairs.AsNoTracking().Where(p => programmeIds.Contains(p.ProgrammeId) && ids.Contains(p.TutorStudentId) && p.EndedAt == null)
            .GroupBy(p => new { p.ProgrammeId, p.TutorStudentId }).Select(g => new { g.Key.ProgrammeId, g.Key.TutorStudentId, Count = g.Count() }).ToListAsync(ct);
        return tutors
            .OrderBy(t => students[t.StudentId].Name, StringComparer.Ordinal)
            .Select(t => new PeerTutorDto(
                t.Id, t.ProgrammeId, t.StudentId, students[t.StudentId].Name, students[t.StudentId].YearGroup, t.Level, t.Status, t.NominatedBy, t.TrainedOn,
                t.CanTutor, pairs.FirstOrDefault(p => p.ProgrammeId == t.ProgrammeId && p.TutorStudentId == t.StudentId)?.Count ?? 0, t.Version))
            .ToList();
    }
}

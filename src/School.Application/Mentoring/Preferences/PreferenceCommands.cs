using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Application.Common.Models;
using School.Domain.Common;
using School.Domain.Mentoring;

namespace School.Application.Mentoring.Preferences;

/// <summary>
/// A student ranks up to three mentors they would like, best first, or says they have no preference (the student, a
/// guardian on their behalf, or an admin). The matching run uses the latest ranking.
/// </summary>
public sealed record SetMentorPreferencesCommand(Guid StudentId, IReadOnlyList<Guid>? MentorIds, bool NoPreference) : ICommand<Result<MentorPreferencesDto>>;

public sealed class SetMentorPreferencesCommandValidator : AbstractValidator<SetMentorPreferencesCommand>
{
    public SetMentorPreferencesCommandValidator()
    {
        RuleFor(c => c.MentorIds)
            .Must(ids => ids is null || ids.Count <= MentoringPreference.MaxChoices).WithMessage($"Rank at most {MentoringPreference.MaxChoices} mentors.")
            .Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage("Each mentor can be ranked once.")
            .Must(ids => ids is null || ids.All(id => id != Guid.Empty)).WithMessage("Each mentor id is required.");
        RuleFor(c => c.MentorIds)
            .Must((c, ids) => c.NoPreference || ids is { Count: > 0 }).WithMessage("Rank at least one mentor, or say you have no preference.")
            .Must((c, ids) => !c.NoPreference || ids is not { Count: > 0 }).WithMessage("Either rank mentors or say you have no preference, not both.");
    }
}

internal sealed class SetMentorPreferencesCommandHandler(StudentAccess access, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<SetMentorPreferencesCommand, Result<MentorPreferencesDto>>
{
    public async ValueTask<Result<MentorPreferencesDto>> Handle(SetMentorPreferencesCommand command, CancellationToken cancellationToken)
    {
        var allowed = await access.CheckAsync(command.StudentId, StudentPermissions.MakeChoices, cancellationToken);
        if (!allowed.IsSuccess)
        {
            return allowed.Error!;
        }

        var student = await db.Students.AsNoTracking().SingleAsync(s => s.Id == command.StudentId, cancellationToken);
        var ids = command.MentorIds ?? [];
        var mentors = await db.Mentors.AsNoTracking().Where(m => ids.Contains(m.Id) && m.SchoolId == student.SchoolId && m.IsActive).ToListAsync(cancellationToken);
        if (mentors.Count != ids.Count)
        {
            return Error.Validation("mentorIds", "Each ranked mentor must be an active mentor at this school.");
        }

        var pupilMentors = mentors.Where(m => m.Kind == MentorKind.Student).Select(m => m.Id).ToList();
        var tooYoung = await db.Students.AnyAsync(s => pupilMentors.Contains(s.Id) && s.YearGroup <= student.YearGroup, cancellationToken);
        if (tooYoung)
        {
            return MentoringErrors.MentorNotOlder;
        }

        var preference = await db.MentoringPreferences.SingleOrDefaultAsync(p => p.Id == student.Id, cancellationToken);
        if (preference is null)
        {
            preference = MentoringPreference.For(student.Id, student.SchoolId);
            db.MentoringPreferences.Add(preference);
        }

        var ranked = preference.Rank(ids, command.NoPreference, time.GetUtcNow());
        if (!ranked.IsSuccess)
        {
            return ranked.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.PreferencesDtoAsync(preference, cancellationToken);
    }
}

/// <summary>What the student said about mentoring (whoever may read the child's mentoring).</summary>
public sealed record GetMentorPreferencesQuery(Guid StudentId) : IQuery<Result<MentorPreferencesDto>>;

internal sealed class GetMentorPreferencesQueryHandler(StudentAccess access, IApplicationDbContext db) : IQueryHandler<GetMentorPreferencesQuery, Result<MentorPreferencesDto>>
{
    public async ValueTask<Result<MentorPreferencesDto>> Handle(GetMentorPreferencesQuery query, CancellationToken cancellationToken)
    {
        var role = await access.MentoringAsync(query.StudentId, cancellationToken);
        if (!role.IsSuccess)
        {
            return role.Error!;
        }

        var preference = await db.MentoringPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.Id == query.StudentId, cancellationToken);
        return preference is null
            ? new MentorPreferencesDto(query.StudentId, [], false, false, null, 0)
            : await db.PreferencesDtoAsync(preference, cancellationToken);
    }
}

/// <summary>
/// The student says whether they want a guardian to sit in on their check-ins. It is the child's wish: only the student
/// (or an admin recording what the child said) may set it; a guardian may not.
/// </summary>
public sealed record SetGuardianAttendanceCommand(Guid StudentId, bool GuardianMayAttend) : ICommand<Result<MentorPreferencesDto>>;

internal sealed class SetGuardianAttendanceCommandHandler(StudentAccess access, IApplicationDbContext db)
    : ICommandHandler<SetGuardianAttendanceCommand, Result<MentorPreferencesDto>>
{
    public async ValueTask<Result<MentorPreferencesDto>> Handle(SetGuardianAttendanceCommand command, CancellationToken cancellationToken)
    {
        var role = await access.MentoringAsync(command.StudentId, cancellationToken);
        if (!role.IsSuccess)
        {
            return role.Error!;
        }

        if ((role.Value.Mentoring & (MentoringRole.Self | MentoringRole.Admin)) == 0)
        {
            return Error.Forbidden("Only the student says whether they want a guardian at their check-ins.");
        }

        var schoolId = await db.Students.Where(s => s.Id == command.StudentId).Select(s => s.SchoolId).SingleAsync(cancellationToken);
        var preference = await db.MentoringPreferences.SingleOrDefaultAsync(p => p.Id == command.StudentId, cancellationToken);
        if (preference is null)
        {
            preference = MentoringPreference.For(command.StudentId, schoolId);
            db.MentoringPreferences.Add(preference);
        }

        preference.SetGuardianMayAttend(command.GuardianMayAttend);
        await db.SaveChangesAsync(cancellationToken);
        return await db.PreferencesDtoAsync(preference, cancellationToken);
    }
}

internal static class PreferenceDtos
{
    public static async Task<MentorPreferencesDto> PreferencesDtoAsync(this IApplicationDbContext db, MentoringPreference preference, CancellationToken ct)
    {
        var names = await db.NamesAsync(preference.RankedMentorIds.ToList(), ct);
        return new MentorPreferencesDto(
            preference.StudentId,
            preference.RankedMentorIds.Select(id => new PersonRef(id, names.GetValueOrDefault(id, "(unknown)"))).ToList(),
            preference.NoPreference, preference.GuardianMayAttend, preference.RankedAt, preference.Version);
    }
}

using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Accounts;
using School.Domain.Challenges;
using School.Domain.Common;

namespace School.Application.Challenges.Preferences;

/// <summary>
/// A pupil ranks challenges on a menu, best first (a guardian or an admin may do it for them, naming the student). Exactly
/// the menu's number of distinct choices, each open to the pupil's year, and only while the window is open (409).
/// Submitting again replaces the ranking.
/// </summary>
public sealed record SubmitChallengePreferencesCommand(Guid MenuId, Guid? StudentId, IReadOnlyList<Guid>? ChallengeIds) : ICommand<Result<StudentChoicesDto>>;

public sealed class SubmitChallengePreferencesCommandValidator : AbstractValidator<SubmitChallengePreferencesCommand>
{
    public SubmitChallengePreferencesCommandValidator()
    {
        RuleFor(c => c.ChallengeIds).NotNull()
            .Must(ids => ids!.Distinct().Count() == ids!.Count).WithMessage("Each challenge can be ranked once.")
            .Must(ids => ids!.Count <= ChallengeMenu.MaxChoices).WithMessage($"Rank at most {ChallengeMenu.MaxChoices} challenges.");
    }
}

internal sealed class SubmitChallengePreferencesCommandHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<SubmitChallengePreferencesCommand, Result<StudentChoicesDto>>
{
    public async ValueTask<Result<StudentChoicesDto>> Handle(SubmitChallengePreferencesCommand command, CancellationToken cancellationToken)
    {
        var studentId = command.StudentId ?? (user.Kind == PersonKind.Student ? user.PersonId : Guid.Empty);
        if (studentId == Guid.Empty)
        {
            return Error.Validation("studentId", "Name the student the choices are for.");
        }

        var menu = await db.VisibleMenuAsync(access, user, command.MenuId, cancellationToken);
        if (!menu.IsSuccess)
        {
            return menu.Error!;
        }

        var allowed = await access.CheckAsync(studentId, StudentPermissions.MakeChoices, cancellationToken);
        if (!allowed.IsSuccess)
        {
            return allowed.Error!;
        }

        var yearGroup = await db.Students.Where(s => s.Id == studentId).Select(s => s.YearGroup).SingleAsync(cancellationToken);
        if (!menu.Value.IsOpenTo(yearGroup))
        {
            return Error.Conflict("challenges.not_for_year", $"This menu is not for Year {yearGroup}.");
        }

        var preference = await db.ChallengePreferences.SingleOrDefaultAsync(p => p.MenuId == command.MenuId && p.StudentId == studentId, cancellationToken);
        if (preference is null)
        {
            preference = ChallengePreference.Create(Ids.New(time), command.MenuId, studentId);
            db.ChallengePreferences.Add(preference);
        }

        var submitted = preference.Submit(menu.Value, yearGroup, command.ChallengeIds!, time.GetUtcNow());
        if (!submitted.IsSuccess)
        {
            return submitted.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new StudentChoicesDto(preference.MenuId, preference.RankedChallengeIds, preference.SubmittedAt, preference.Version);
    }
}

/// <summary>A student's challenges on every menu: their choices, placement, team and outcome (whoever may read the child's learning record, and coaches of their team).</summary>
public sealed record GetStudentChallengesQuery(Guid StudentId) : IQuery<Result<IReadOnlyList<StudentChallengeDto>>>;

internal sealed class GetStudentChallengesQueryHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db)
    : IQueryHandler<GetStudentChallengesQuery, Result<IReadOnlyList<StudentChallengeDto>>>
{
    public async ValueTask<Result<IReadOnlyList<StudentChallengeDto>>> Handle(GetStudentChallengesQuery query, CancellationToken cancellationToken)
    {
        // A coach reads the challenges of a pupil placed in a challenge they coach, even one their role does not otherwise show.
        var placements = await db.ChallengePlacements.AsNoTracking().Where(p => p.StudentId == query.StudentId && user.SchoolId != null)
            .Join(db.ChallengeMenus.Where(m => m.SchoolId == user.SchoolId), p => p.MenuId, m => m.Id, (p, _) => p)
            .ToListAsync(cancellationToken);
        var menus = await db.ChallengeMenus.AsNoTracking().Include(m => m.Challenges)
            .Where(m => m.SchoolId == user.SchoolId).ToListAsync(cancellationToken);
        var coach = menus.SelectMany(m => m.Challenges).Any(c => placements.Any(p => p.ChallengeId == c.Id) && user.Coaches(c));
        if (!coach)
        {
            var allowed = await access.CheckAsync(query.StudentId, StudentPermissions.ViewRoster, cancellationToken);
            if (!allowed.IsSuccess)
            {
                return allowed.Error!;
            }

            if (!allowed.Value.Has(StudentPermissions.ReadLearningRecord))
            {
                return Error.Forbidden("Only the child, their family, tutor, mentor, the pastoral team and their challenge coach see their challenges.");
            }
        }

        var teamIds = placements.Where(p => p.TeamId != null).Select(p => p.TeamId!.Value).ToList();
        var teams = await db.ChallengeTeams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var preferences = await db.ChallengePreferences.AsNoTracking().Where(p => p.StudentId == query.StudentId).ToDictionaryAsync(p => p.MenuId, cancellationToken);
        return menus
            .Where(m => preferences.ContainsKey(m.Id) || placements.Any(p => p.MenuId == m.Id))
            .OrderByDescending(m => m.OpensAt)
            .Select(m =>
            {
                var placement = placements.FirstOrDefault(p => p.MenuId == m.Id);
                var challenge = placement is null ? null : m.Challenges.FirstOrDefault(c => c.Id == placement.ChallengeId);
                var team = placement?.TeamId is { } t ? teams.GetValueOrDefault(t) : null;
                return new StudentChallengeDto(
                    m.Id, m.Name, preferences.GetValueOrDefault(m.Id)?.RankedChallengeIds ?? [], challenge?.Id, challenge?.Title, placement?.Rank,
                    team?.Id, team?.Name, team?.Outcome);
            })
            .ToList();
    }
}

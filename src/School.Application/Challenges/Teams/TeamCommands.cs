using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Application.Timetabling;
using School.Domain.Accounts;
using School.Domain.Challenges;
using School.Domain.Common;
using School.Domain.Portfolios;

namespace School.Application.Challenges.Teams;

/// <summary>
/// The teams of a published menu: a school admin sees every team, a coach the teams of the challenges they coach, a pupil
/// their own team; anyone else who may see the menu gets none.
/// </summary>
public sealed record ListTeamsQuery(Guid MenuId) : IQuery<Result<IReadOnlyList<TeamDto>>>;

internal sealed class ListTeamsQueryHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db) : IQueryHandler<ListTeamsQuery, Result<IReadOnlyList<TeamDto>>>
{
    public async ValueTask<Result<IReadOnlyList<TeamDto>>> Handle(ListTeamsQuery query, CancellationToken cancellationToken)
    {
        var menu = await db.VisibleMenuAsync(access, user, query.MenuId, cancellationToken);
        if (!menu.IsSuccess)
        {
            return menu.Error!;
        }

        var challenges = menu.Value.Challenges.ToDictionary(c => c.Id);
        var teams = await db.ChallengeTeams.AsNoTracking().Where(t => t.MenuId == query.MenuId).ToListAsync(cancellationToken);
        var visibleStudents = user.Kind == PersonKind.Staff
            ? []
            : (await access.VisibleStudents().Select(s => s.Id).ToListAsync(cancellationToken)).ToHashSet();
        return teams
            .Where(t => user.Coaches(challenges[t.ChallengeId]) || t.MemberIds.Any(visibleStudents.Contains))
            .OrderBy(t => t.ShowcaseAt)
            .Select(t => TeamDto.From(t, challenges[t.ChallengeId].Title))
            .ToList();
    }
}

/// <summary>A coach (or admin) marks one of a team's milestones done: Plan, Prepare or Open day.</summary>
public sealed record CompleteMilestoneCommand(Guid MenuId, Guid TeamId, string Milestone) : ICommand<Result<TeamDto>>;

public sealed class CompleteMilestoneCommandValidator : AbstractValidator<CompleteMilestoneCommand>
{
    public CompleteMilestoneCommandValidator() =>
        RuleFor(c => c.Milestone).NotEmpty()
            .Must(m => ChallengeTeam.MilestoneNames.Contains(m, StringComparer.OrdinalIgnoreCase))
            .WithMessage($"A milestone is one of: {string.Join(", ", ChallengeTeam.MilestoneNames)}.");
}

internal sealed class CompleteMilestoneCommandHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<CompleteMilestoneCommand, Result<TeamDto>>
{
    public async ValueTask<Result<TeamDto>> Handle(CompleteMilestoneCommand command, CancellationToken cancellationToken)
    {
        var coached = await db.CoachedTeamAsync(access, user, command.MenuId, command.TeamId, cancellationToken);
        if (!coached.IsSuccess)
        {
            return coached.Error!;
        }

        var (team, challenge) = coached.Value;
        var today = await db.TodayAtAsync(user.SchoolId!.Value, time, cancellationToken);
        var done = team.CompleteMilestone(command.Milestone, today);
        if (!done.IsSuccess)
        {
            return done.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        return TeamDto.From(team, challenge.Title);
    }
}

/// <summary>
/// A coach (or admin) records that a team has completed its challenge, with the outcome. Every member gets a portfolio entry
/// of kind Challenge, shared with their family and counted in their record of achievement, and the learning plan shows it
/// on its challenge line.
/// </summary>
public sealed record CompleteTeamChallengeCommand(Guid MenuId, Guid TeamId, string Outcome) : ICommand<Result<TeamDto>>;

public sealed class CompleteTeamChallengeCommandValidator : AbstractValidator<CompleteTeamChallengeCommand>
{
    public CompleteTeamChallengeCommandValidator() => RuleFor(c => c.Outcome).NotEmpty().MaximumLength(2000);
}

internal sealed class CompleteTeamChallengeCommandHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<CompleteTeamChallengeCommand, Result<TeamDto>>
{
    public async ValueTask<Result<TeamDto>> Handle(CompleteTeamChallengeCommand command, CancellationToken cancellationToken)
    {
        var coached = await db.CoachedTeamAsync(access, user, command.MenuId, command.TeamId, cancellationToken);
        if (!coached.IsSuccess)
        {
            return coached.Error!;
        }

        var (team, challenge) = coached.Value;
        var now = time.GetUtcNow();
        var completed = team.Complete(command.Outcome, now);
        if (!completed.IsSuccess)
        {
            return completed.Error!;
        }

        var schoolId = user.SchoolId!.Value;
        var today = await db.TodayAtAsync(schoolId, time, cancellationToken);
        var coach = await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == user.PersonId, cancellationToken);
        foreach (var member in team.MemberIds)
        {
            var entry = PortfolioEntry.Create(
                Ids.New(time), schoolId, member, $"Personal challenge: {challenge.Title}", command.Outcome, today, PortfolioEntryKind.Challenge,
                ["Personal challenge"], PortfolioVisibility.Family, 0, user.PersonId, now);
            if (coach is not null)
            {
                entry.Endorse(coach.Id, coach.DisplayName, now);
            }

            db.PortfolioEntries.Add(entry);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TeamDto.From(team, challenge.Title);
    }
}

/// <summary>The open day's showcase: each team's slot, in order (whoever may see the menu).</summary>
public sealed record GetOpenDayQuery(Guid MenuId) : IQuery<Result<IReadOnlyList<ShowcaseSlotDto>>>;

internal sealed class GetOpenDayQueryHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db) : IQueryHandler<GetOpenDayQuery, Result<IReadOnlyList<ShowcaseSlotDto>>>
{
    public async ValueTask<Result<IReadOnlyList<ShowcaseSlotDto>>> Handle(GetOpenDayQuery query, CancellationToken cancellationToken)
    {
        var menu = await db.VisibleMenuAsync(access, user, query.MenuId, cancellationToken);
        if (!menu.IsSuccess)
        {
            return menu.Error!;
        }

        var titles = menu.Value.Challenges.ToDictionary(c => c.Id, c => c.Title);
        var teams = await db.ChallengeTeams.AsNoTracking().Where(t => t.MenuId == query.MenuId && t.ShowcaseAt != null).ToListAsync(cancellationToken);
        return teams.OrderBy(t => t.ShowcaseAt)
            .Select(t => new ShowcaseSlotDto(t.ShowcaseAt!.Value, Allocation.OpenDaySchedule.SlotMinutes, t.Id, t.Name, titles[t.ChallengeId]))
            .ToList();
    }
}

internal static class CoachedTeams
{
    /// <summary>A team the user coaches (or any team, for an admin), tracked; 404 when the user may not see the menu or the team, 403 when they see it but do not coach it.</summary>
    public static async Task<Result<(ChallengeTeam Team, Challenge Challenge)>> CoachedTeamAsync(
        this IApplicationDbContext db, StudentAccess access, ICurrentUser user, Guid menuId, Guid teamId, CancellationToken ct)
    {
        var menu = await db.VisibleMenuAsync(access, user, menuId, ct);
        if (!menu.IsSuccess)
        {
            return menu.Error!;
        }

        var team = await db.ChallengeTeams.SingleOrDefaultAsync(t => t.Id == teamId && t.MenuId == menuId, ct);
        if (team is null)
        {
            return Error.NotFound("Team");
        }

        var challenge = menu.Value.Challenges.Single(c => c.Id == team.ChallengeId);
        return user.Coaches(challenge) ? (team, challenge) : Error.Forbidden("Only the challenge's coaches and the school's admins change its teams.");
    }
}

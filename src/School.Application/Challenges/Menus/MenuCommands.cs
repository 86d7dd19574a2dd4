using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Challenges;
using School.Domain.Common;

namespace School.Application.Challenges.Menus;

/// <summary>The challenge menus the user may see (staff: all of the school's; students and guardians: those open to their year).</summary>
public sealed record ListChallengeMenusQuery : IQuery<Result<IReadOnlyList<ChallengeMenuSummaryDto>>>;

internal sealed class ListChallengeMenusQueryHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db)
    : IQueryHandler<ListChallengeMenusQuery, Result<IReadOnlyList<ChallengeMenuSummaryDto>>>
{
    public async ValueTask<Result<IReadOnlyList<ChallengeMenuSummaryDto>>> Handle(ListChallengeMenusQuery query, CancellationToken cancellationToken)
    {
        var menus = await db.ChallengeMenus.AsNoTracking().Include(m => m.Challenges).Where(m => m.SchoolId == user.SchoolId)
            .OrderByDescending(m => m.OpensAt).ToListAsync(cancellationToken);
        var viewer = await access.MenuViewerAsync(user, cancellationToken);
        return menus.Where(viewer.MaySee).Select(ChallengeMenuSummaryDto.From).ToList();
    }
}

/// <summary>One menu with its challenges (each with its id and capacity).</summary>
public sealed record GetChallengeMenuQuery(Guid Id) : IQuery<Result<ChallengeMenuDto>>;

internal sealed class GetChallengeMenuQueryHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db)
    : IQueryHandler<GetChallengeMenuQuery, Result<ChallengeMenuDto>>
{
    public async ValueTask<Result<ChallengeMenuDto>> Handle(GetChallengeMenuQuery query, CancellationToken cancellationToken)
    {
        var menu = await db.VisibleMenuAsync(access, user, query.Id, cancellationToken);
        return menu.IsSuccess ? ChallengeMenuDto.From(menu.Value) : menu.Error!;
    }
}

/// <summary>An admin creates a menu: its year groups (7–9 by default), choosing window, number of choices (5 by default) and open day.</summary>
public sealed record CreateChallengeMenuCommand(
    string Name, IReadOnlyList<int>? YearGroups, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int? ChoicesRequired, DateOnly OpenDay)
    : ICommand<Result<ChallengeMenuDto>>;

public sealed class CreateChallengeMenuCommandValidator : AbstractValidator<CreateChallengeMenuCommand>
{
    public CreateChallengeMenuCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleForEach(c => c.YearGroups).YearGroup();
        RuleFor(c => c.OpensAt).NotEmpty();
        RuleFor(c => c.ClosesAt).NotEmpty().GreaterThan(c => c.OpensAt).WithMessage("The choosing window closes after it opens.");
        RuleFor(c => c.ChoicesRequired).InclusiveBetween(1, ChallengeMenu.MaxChoices);
        RuleFor(c => c.OpenDay).Must(ValidationRules.IsPlausibleSchoolDate).WithMessage("Give the open day's date.");
    }
}

internal sealed class CreateChallengeMenuCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<CreateChallengeMenuCommand, Result<ChallengeMenuDto>>
{
    public async ValueTask<Result<ChallengeMenuDto>> Handle(CreateChallengeMenuCommand command, CancellationToken cancellationToken)
    {
        var school = user.RequireSchoolAdmin();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var menu = ChallengeMenu.Create(
            Ids.New(time), school.Value.SchoolId, command.Name, command.YearGroups, command.OpensAt, command.ClosesAt,
            command.ChoicesRequired ?? ChallengeMenu.DefaultChoices, command.OpenDay);
        db.ChallengeMenus.Add(menu);
        await db.SaveChangesAsync(cancellationToken);
        return ChallengeMenuDto.From(menu);
    }
}

/// <summary>An admin adds a challenge to a menu (not once its allocation is published).</summary>
public sealed record AddChallengeCommand(
    Guid MenuId, string Title, string? Description, int TeamMin, int TeamMax, int Capacity, IReadOnlyList<Guid>? CoachIds, string? CommunityPartner,
    bool NeedsGuardianConsent, IReadOnlyList<int>? YearGroups) : ICommand<Result<ChallengeDto>>;

public sealed class AddChallengeCommandValidator : AbstractValidator<AddChallengeCommand>
{
    public AddChallengeCommandValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Description).MaximumLength(2000);
        RuleFor(c => c.CommunityPartner).MaximumLength(200);
        RuleFor(c => c.TeamMin).InclusiveBetween(1, 100);
        RuleFor(c => c.TeamMax).InclusiveBetween(1, 100).GreaterThanOrEqualTo(c => c.TeamMin).WithMessage("A team's maximum size is at least its minimum.");
        RuleFor(c => c.Capacity).InclusiveBetween(0, 10_000);
        RuleForEach(c => c.YearGroups).YearGroup();
    }
}

internal sealed class AddChallengeCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<AddChallengeCommand, Result<ChallengeDto>>
{
    public async ValueTask<Result<ChallengeDto>> Handle(AddChallengeCommand command, CancellationToken cancellationToken)
    {
        var menu = await db.AdminMenuAsync(user, command.MenuId, cancellationToken);
        if (!menu.IsSuccess)
        {
            return menu.Error!;
        }

        var coaches = command.CoachIds?.Distinct().ToList() ?? [];
        var known = await db.StaffMembers.CountAsync(s => coaches.Contains(s.Id) && s.SchoolId == menu.Value.SchoolId, cancellationToken);
        if (known != coaches.Count)
        {
            return Error.Validation("coachIds", "Each coach must be a member of staff at this school.");
        }

        var added = menu.Value.AddChallenge(Ids.New(time), new ChallengeDetails(
            command.Title, command.Description, command.TeamMin, command.TeamMax, command.Capacity, coaches, command.CommunityPartner,
            command.NeedsGuardianConsent, command.YearGroups));
        if (!added.IsSuccess)
        {
            return added.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        return ChallengeDto.From(added.Value);
    }
}

/// <summary>An admin reopens a published menu: the placements and teams are withdrawn so it can be changed and allocated again.</summary>
public sealed record ReopenChallengeMenuCommand(Guid MenuId) : ICommand<Result<ChallengeMenuDto>>;

internal sealed class ReopenChallengeMenuCommandHandler(ICurrentUser user, IApplicationDbContext db) : ICommandHandler<ReopenChallengeMenuCommand, Result<ChallengeMenuDto>>
{
    public async ValueTask<Result<ChallengeMenuDto>> Handle(ReopenChallengeMenuCommand command, CancellationToken cancellationToken)
    {
        var menu = await db.AdminMenuAsync(user, command.MenuId, cancellationToken);
        if (!menu.IsSuccess)
        {
            return menu.Error!;
        }

        if (await db.ChallengeTeams.AnyAsync(t => t.MenuId == command.MenuId && t.CompletedAt != null, cancellationToken))
        {
            return Error.Conflict("challenges.teams_completed", "Some teams have completed their challenge; the allocation can no longer be withdrawn.");
        }

        var reopened = menu.Value.Reopen();
        if (!reopened.IsSuccess)
        {
            return reopened.Error!;
        }

        db.ChallengePlacements.RemoveRange(await db.ChallengePlacements.Where(p => p.MenuId == command.MenuId).ToListAsync(cancellationToken));
        db.ChallengeTeams.RemoveRange(await db.ChallengeTeams.Where(t => t.MenuId == command.MenuId).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return ChallengeMenuDto.From(menu.Value);
    }
}

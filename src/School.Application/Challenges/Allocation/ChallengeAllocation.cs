using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Allocation;
using School.Domain.Challenges;
using School.Domain.Common;

namespace School.Application.Challenges.Allocation;

/// <summary>
/// An admin allocates a menu: every pupil of its year groups gets at most one challenge, no capacity is exceeded, and as
/// many pupils as possible get their first choice, then their second, and so on (rank-maximal, deterministic — the
/// shared <see cref="RankedChoiceAllocator"/>). Pupils who did not choose are placed where room remains. With
/// <c>Publish</c> false it is a preview that saves nothing; published, the placements are saved and teams formed, and the
/// menu cannot be allocated again until it is reopened (409).
/// </summary>
public sealed record AllocateChallengeMenuCommand(Guid MenuId, bool Publish) : ICommand<Result<AllocationDto>>;

internal sealed class AllocateChallengeMenuCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<AllocateChallengeMenuCommand, Result<AllocationDto>>
{
    public async ValueTask<Result<AllocationDto>> Handle(AllocateChallengeMenuCommand command, CancellationToken cancellationToken)
    {
        var found = await db.AdminMenuAsync(user, command.MenuId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var menu = found.Value;
        if (menu.Status == MenuStatus.Published)
        {
            return ChallengeErrors.Published;
        }

        var pupils = await db.Students.AsNoTracking()
            .Where(s => s.SchoolId == menu.SchoolId && menu.YearGroups.Contains(s.YearGroup))
            .OrderBy(s => s.Id)
            .Select(s => new Pupil(s.Id, s.YearGroup))
            .ToListAsync(cancellationToken);
        var rankings = await db.ChallengePreferences.AsNoTracking().Where(p => p.MenuId == menu.Id)
            .ToDictionaryAsync(p => p.StudentId, p => p.RankedChallengeIds, cancellationToken);
        var (allocation, placements) = Allocate(menu, pupils, rankings);

        if (command.Publish)
        {
            var published = menu.Publish(time.GetUtcNow());
            if (!published.IsSuccess)
            {
                return published.Error!;
            }

            Save(menu, pupils, placements);
            await db.SaveChangesAsync(cancellationToken);
        }

        return allocation with { Published = command.Publish };
    }

    /// <summary>
    /// The optimal allocation of <paramref name="pupils"/> to the menu's challenges (pure: used by the preview, publishing
    /// and the benchmark). First the pupils who chose are placed only among their choices: as many as possible, then as
    /// many first choices as possible, then second, and so on. Then everyone still without a place (who did not choose, or
    /// none of whose choices had room) is placed where room remains in a challenge open to their year that needs no
    /// guardian consent — year by year, the years with the fewest such challenges first, so a year with fewer options is
    /// not crowded out by one with more.
    /// </summary>
    internal static (AllocationDto Result, IReadOnlyList<PlacementDto> Placements) Allocate(
        ChallengeMenu menu, IReadOnlyList<Pupil> pupils, IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> rankings)
    {
        // A ranking only counts what is still open to the pupil's year (a challenge may have been restricted since).
        var ranked = pupils
            .Select(p => new Chooser(
                p.StudentId,
                rankings.TryGetValue(p.StudentId, out var list) ? list.Where(id => menu.Challenges.Any(c => c.Id == id && c.IsOpenTo(p.YearGroup))).ToList() : [],
                MustBePlaced: false))
            .Where(c => c.RankedOptionIds.Count > 0)
            .ToList();
        var room = menu.Challenges.OrderBy(c => c.Id).ToDictionary(c => c.Id, c => c.Capacity);
        var first = RankedChoiceAllocator.Allocate(new AllocationRequest(ranked, room.Select(r => new Option(r.Key, r.Value)).ToList()));
        var placed = first.Placements.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!.Value);
        foreach (var challenge in placed.Values)
        {
            room[challenge]--;
        }

        var fallbackFor = pupils.Select(p => p.YearGroup).Distinct()
            .ToDictionary(y => y, y => menu.Challenges.Where(c => c.IsOpenTo(y) && !c.NeedsGuardianConsent).Select(c => c.Id).Order().ToList());
        foreach (var year in fallbackFor.Keys.OrderBy(y => fallbackFor[y].Count).ThenBy(y => y))
        {
            var rest = pupils.Where(p => p.YearGroup == year && !placed.ContainsKey(p.StudentId)).Select(p => new Chooser(p.StudentId, [])).ToList();
            var options = fallbackFor[year].Select(id => new Option(id, room[id])).ToList();
            var fill = RankedChoiceAllocator.Allocate(new AllocationRequest(rest, options));
            foreach (var (student, challenge) in fill.Placements)
            {
                if (challenge is { } id)
                {
                    placed[student] = id;
                    room[id]--;
                }
            }
        }

        var rankingOf = ranked.ToDictionary(c => c.Id, c => c.RankedOptionIds.ToList());
        int[] byRank = new int[Math.Max(menu.ChoicesRequired, ranked.Select(c => c.RankedOptionIds.Count).DefaultIfEmpty(0).Max())];
        int noChoice = 0, outside = 0;
        var placements = pupils.Select(p =>
        {
            var choices = rankingOf.GetValueOrDefault(p.StudentId) ?? [];
            Guid? challenge = placed.TryGetValue(p.StudentId, out var c) ? c : null;
            int? rank = challenge is { } id && choices.IndexOf(id) is var i and >= 0 ? i + 1 : null;
            string reason;
            if (challenge is null)
            {
                reason = "No challenge open to their year had room left.";
            }
            else if (rank is { } r)
            {
                byRank[r - 1]++;
                reason = first.Reasons[p.StudentId];
            }
            else if (choices.Count == 0)
            {
                noChoice++;
                reason = "Did not choose: placed where there was room.";
            }
            else
            {
                outside++;
                reason = "None of their choices had room: placed where there was room.";
            }

            return new PlacementDto(p.StudentId, challenge, rank, reason);
        }).ToList();

        var dto = new AllocationDto(menu.Id, false, pupils.Count, byRank, noChoice, outside, placements.Count(p => p.ChallengeId is null), placements);
        return (dto, placements);
    }

    private void Save(ChallengeMenu menu, IReadOnlyList<Pupil> pupils, IReadOnlyList<PlacementDto> placements)
    {
        var years = pupils.ToDictionary(p => p.StudentId, p => p.YearGroup);
        var saved = placements
            .Where(p => p.ChallengeId is not null)
            .Select(p => ChallengePlacement.Create(Ids.New(time), menu.Id, p.StudentId, p.ChallengeId!.Value, p.Rank, p.Reason))
            .ToList();
        db.ChallengePlacements.AddRange(saved);

        var schedule = OpenDaySchedule.Start(menu);
        foreach (var challenge in menu.Challenges.OrderBy(c => c.Title, StringComparer.Ordinal))
        {
            var members = saved.Where(p => p.ChallengeId == challenge.Id).Select(p => (p.StudentId, years[p.StudentId])).ToList();
            var teams = ChallengeTeam.Split(members, challenge.TeamMin, challenge.TeamMax);
            for (var t = 0; t < teams.Count; t++)
            {
                var team = ChallengeTeam.Form(
                    Ids.New(time), menu.Id, challenge.Id, teams.Count == 1 ? challenge.Title : $"{challenge.Title} — team {t + 1}", teams[t],
                    planBy: DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(14), prepareBy: menu.OpenDay.AddDays(-7), openDay: menu.OpenDay,
                    showcaseAt: schedule.Next());
                db.ChallengeTeams.Add(team);
                foreach (var placement in saved.Where(p => team.MemberIds.Contains(p.StudentId)))
                {
                    placement.JoinTeam(team.Id);
                }
            }
        }
    }

    internal sealed record Pupil(Guid StudentId, int YearGroup);
}

/// <summary>The open day's showcase slots: 15 minutes a team from 09:00 UTC, in challenge order.</summary>
internal sealed class OpenDaySchedule
{
    public const int SlotMinutes = 15;

    private DateTimeOffset _next;

    private OpenDaySchedule(DateTimeOffset first) => _next = first;

    public static OpenDaySchedule Start(ChallengeMenu menu) =>
        new(new DateTimeOffset(menu.OpenDay.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));

    public DateTimeOffset Next()
    {
        var slot = _next;
        _next = _next.AddMinutes(SlotMinutes);
        return slot;
    }
}

/// <summary>The published allocation of a menu (admin).</summary>
public sealed record GetChallengeAllocationQuery(Guid MenuId) : IQuery<Result<AllocationDto>>;

internal sealed class GetChallengeAllocationQueryHandler(ICurrentUser user, IApplicationDbContext db) : IQueryHandler<GetChallengeAllocationQuery, Result<AllocationDto>>
{
    public async ValueTask<Result<AllocationDto>> Handle(GetChallengeAllocationQuery query, CancellationToken cancellationToken)
    {
        var menu = await db.AdminMenuAsync(user, query.MenuId, cancellationToken);
        if (!menu.IsSuccess)
        {
            return menu.Error!;
        }

        if (menu.Value.Status != MenuStatus.Published)
        {
            return Error.NotFound("Published allocation");
        }

        var saved = await db.ChallengePlacements.AsNoTracking().Where(p => p.MenuId == query.MenuId).ToListAsync(cancellationToken);
        var pupils = await db.Students.AsNoTracking()
            .Where(s => s.SchoolId == menu.Value.SchoolId && menu.Value.YearGroups.Contains(s.YearGroup)).Select(s => s.Id).ToListAsync(cancellationToken);
        var byStudent = saved.ToDictionary(p => p.StudentId);
        var placements = pupils.Order()
            .Select(id => byStudent.TryGetValue(id, out var p) ? new PlacementDto(id, p.ChallengeId, p.Rank, p.Reason) : new PlacementDto(id, null, null, "No challenge had room left."))
            .ToList();
        var maxRank = Math.Max(menu.Value.ChoicesRequired, saved.Select(p => p.Rank ?? 0).DefaultIfEmpty(0).Max());
        var byRank = Enumerable.Range(1, maxRank).Select(r => saved.Count(p => p.Rank == r)).ToList();
        var unranked = saved.Count(p => p.Rank is null);
        return new AllocationDto(menu.Value.Id, true, pupils.Count, byRank, unranked, 0, placements.Count(p => p.ChallengeId is null), placements);
    }
}

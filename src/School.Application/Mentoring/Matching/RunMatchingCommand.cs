using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Application.Common.Allocation;
using School.Application.Common.Authorization;
using School.Domain.Common;
using School.Domain.Mentoring;

namespace School.Application.Mentoring.Matching;

/// <summary>
/// An admin assigns a mentor to every student of the school who has none, respecting each mentor's capacity and giving as
/// many students as possible their higher choices (an optimal ranked assignment, <see cref="RankedChoiceAllocator"/>).
/// </summary>
/// <remarks>
/// Two passes of the same allocator. First, students who ranked mentors are placed only among their choices: as many as
/// possible, then as many first choices as possible, then second, then third. Then everyone still without a mentor (no
/// preference, or none of their choices had room) is placed wherever an adult mentor (staff or school leaver) has room:
/// a pupil mentor only takes the younger pupils who asked for them.
/// </remarks>
public sealed record RunMatchingCommand : ICommand<Result<MatchingResultDto>>;

internal sealed class RunMatchingCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<RunMatchingCommand, Result<MatchingResultDto>>
{
    public async ValueTask<Result<MatchingResultDto>> Handle(RunMatchingCommand command, CancellationToken cancellationToken)
    {
        var school = user.RequireSchoolAdmin();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var schoolId = school.Value.SchoolId;
        var students = await db.Students.Where(s => s.SchoolId == schoolId && s.MentorId == null).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var mentors = await db.Mentors.Where(m => m.SchoolId == schoolId && m.IsActive).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var policy = await db.PolicyAsync(schoolId, cancellationToken);
        var counts = await db.MenteeCountsAsync(schoolId, cancellationToken);
        var room = mentors.ToDictionary(m => m.Id, m => Math.Max(0, m.Capacity(policy.MinutesPerMenteePerWeek) - counts.GetValueOrDefault(m.Id)));
        var studentIds = students.Select(s => s.Id).ToList();
        var rankings = await db.MentoringPreferences.AsNoTracking().Where(p => studentIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.RankedMentorIds.Where(room.ContainsKey).ToList(), cancellationToken);
        var pupilMentorYears = await PupilMentorYearsAsync(mentors, cancellationToken);

        // Pass 1: ranked choices only (a pupil mentor only for a younger pupil).
        var ranked = students
            .Select(s => new Chooser(
                s.Id,
                rankings.GetValueOrDefault(s.Id, []).Where(m => !pupilMentorYears.TryGetValue(m, out var year) || year > s.YearGroup).ToList(),
                MustBePlaced: false))
            .Where(c => c.RankedOptionIds.Count > 0)
            .ToList();
        var first = RankedChoiceAllocator.Allocate(new AllocationRequest(ranked, room.Select(r => new Option(r.Key, r.Value)).ToList()));
        var placed = first.Placements.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!.Value);
        foreach (var mentorId in placed.Values)
        {
            room[mentorId]--;
        }

        // Pass 2: everyone else, wherever an adult mentor has room.
        var rest = students.Where(s => !placed.ContainsKey(s.Id)).Select(s => new Chooser(s.Id, [])).ToList();
        var adults = room.Where(r => !pupilMentorYears.ContainsKey(r.Key)).Select(r => new Option(r.Key, r.Value)).ToList();
        var second = RankedChoiceAllocator.Allocate(new AllocationRequest(rest, adults));

        var rankingOf = ranked.ToDictionary(c => c.Id, c => c.RankedOptionIds.ToList());
        var now = time.GetUtcNow();
        var matches = new List<MatchDto>();
        int[] byRank = [0, 0, 0];
        int noPreference = 0, outside = 0, unassigned = 0;
        foreach (var student in students)
        {
            var ranking = rankingOf.GetValueOrDefault(student.Id) ?? [];
            Guid? mentorId = placed.TryGetValue(student.Id, out var p) ? p : second.Placements.GetValueOrDefault(student.Id);
            int? rank = mentorId is { } m && ranking.IndexOf(m) is var i and >= 0 ? i + 1 : null;
            string reason;
            if (mentorId is null)
            {
                unassigned++;
                reason = "No mentor had room: raise a mentor's allowance or register another mentor, then match again.";
            }
            else if (rank is { } r)
            {
                byRank[r - 1]++;
                reason = first.Reasons[student.Id];
            }
            else if (ranking.Count == 0)
            {
                noPreference++;
                reason = "No preference: placed with a mentor who had room.";
            }
            else
            {
                outside++;
                reason = "None of their choices had room: placed with a mentor who had room.";
            }

            if (mentorId is { } chosen)
            {
                var assigned = await db.AssignMentorAsync(
                    student, chosen, AssignmentSource.Matching,
                    new MentorChange(time, now, user.PersonId, reason, rank, CheckCapacity: false), cancellationToken);
                if (!assigned.IsSuccess)
                {
                    return assigned.Error!;
                }
            }

            matches.Add(new MatchDto(student.Id, mentorId, rank, reason));
        }

        await db.SaveChangesAsync(cancellationToken);
        return new MatchingResultDto(
            students.Count, students.Count - unassigned, byRank[0], byRank[1], byRank[2], noPreference, outside, unassigned, matches);
    }

    private async Task<Dictionary<Guid, int>> PupilMentorYearsAsync(List<Mentor> mentors, CancellationToken ct)
    {
        var pupils = mentors.Where(m => m.Kind == MentorKind.Student).Select(m => m.Id).ToList();
        return await db.Students.AsNoTracking().Where(s => pupils.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.YearGroup, ct);
    }
}

using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Application.Mentoring.Sweep;
using School.Application.PeerTutoring.Tutors;
using School.Application.Timetabling;
using School.Domain.Common;
using School.Domain.PeerTutoring;

namespace School.Application.PeerTutoring.Pairs;

/// <summary>
/// Candidate tutors for a tutee, best first (staff of the school): approved, trained tutors the programme lets tutor them
/// (older, or the same age where allowed, and ahead in the subject) with room under the cap, ranked by how far ahead they
/// are (a little ahead is best), the year gap (one or two years is best), school days in the next fortnight with a free
/// half hour in common (from the timetables) and how loaded they already are.
/// </summary>
public sealed record SuggestTutorsQuery(Guid ProgrammeId, Guid TuteeId, int TuteeLevel) : IQuery<Result<IReadOnlyList<TutorSuggestionDto>>>;

public sealed class SuggestTutorsQueryValidator : AbstractValidator<SuggestTutorsQuery>
{
    public SuggestTutorsQueryValidator() => RuleFor(q => q.TuteeLevel).SubjectLevel();
}

internal sealed class SuggestTutorsQueryHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : IQueryHandler<SuggestTutorsQuery, Result<IReadOnlyList<TutorSuggestionDto>>>
{
    private const int SessionMinutes = 30;
    private const int DaysLookedAhead = 10;

    public async ValueTask<Result<IReadOnlyList<TutorSuggestionDto>>> Handle(SuggestTutorsQuery query, CancellationToken cancellationToken)
    {
        var programme = await db.ProgrammeAsync(user, query.ProgrammeId, cancellationToken);
        if (!programme.IsSuccess)
        {
            return programme.Error!;
        }

        if (!user.IsStaff())
        {
            return Error.Forbidden("Only staff pair pupils.");
        }

        var tutee = await access.CheckAsync(query.TuteeId, StudentPermissions.ViewRoster, cancellationToken);
        if (!tutee.IsSuccess)
        {
            return tutee.Error!;
        }

        var tuteeYear = await db.Students.Where(s => s.Id == query.TuteeId).Select(s => s.YearGroup).SingleAsync(cancellationToken);
        var tutors = (await db.PeerTutors.AsNoTracking().Where(t => t.ProgrammeId == query.ProgrammeId && t.Status == TutorStatus.Approved && t.TrainedOn != null)
            .ToListAsync(cancellationToken)).Where(t => t.StudentId != query.TuteeId).ToList();
        var described = (await db.DescribeTutorsAsync(tutors, cancellationToken)).ToDictionary(t => t.StudentId);
        var slots = await SlotsAsync(cancellationToken);

        var suggestions = new List<TutorSuggestionDto>();
        foreach (var tutor in tutors)
        {
            var d = described[tutor.StudentId];
            if (!programme.Value.CanPair(d.YearGroup, tutor.Level, tuteeYear, query.TuteeLevel).IsSuccess || d.ActivePairs >= programme.Value.MaxTuteesPerTutor)
            {
                continue;
            }

            var ahead = tutor.Level - query.TuteeLevel;
            var gap = d.YearGroup - tuteeYear;
            var free = slots is null ? 0 : slots.Value.Days.Count(day => slots.Value.Slots.Find(tutor.StudentId, query.TuteeId, [day]) is not null);
            var score = (ahead <= 3 ? ahead : Math.Max(0, 6 - ahead)) // a little ahead explains best; far ahead less so
                + (gap is 1 or 2 ? 2.0 : gap == 0 ? 1.0 : 0.5)
                + (2.0 * free / DaysLookedAhead)
                - ((double)d.ActivePairs / programme.Value.MaxTuteesPerTutor);
            suggestions.Add(new TutorSuggestionDto(
                tutor.StudentId, d.Name, d.YearGroup, tutor.Level, ahead, gap, free, d.ActivePairs, programme.Value.MaxTuteesPerTutor, Math.Round(score, 3)));
        }

        return suggestions.OrderByDescending(s => s.Score).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    private async Task<(FreeSlots Slots, List<DateOnly> Days)?> SlotsAsync(CancellationToken ct)
    {
        var schoolId = user.SchoolId!.Value;
        var today = await db.TodayAtAsync(schoolId, time, ct);
        var year = (await db.YearsOfAsync(schoolId, ct)).FirstOrDefault(y => y.Covers(today));
        if (year is null)
        {
            return null;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(await db.Schools.Where(s => s.Id == schoolId).Select(s => s.TimeZoneId).SingleAsync(ct));
        var slots = await FreeSlots.LoadAsync(db, schoolId, year, zone, SessionMinutes, ct);
        var days = Enumerable.Range(1, 28).Select(today.AddDays).Where(year.IsSchoolDay).Take(DaysLookedAhead).ToList();
        return slots is null ? null : (slots, days);
    }
}

/// <summary>The supervisor (or an admin) pairs a trained tutor with a tutee (with the tutee's level in the subject).</summary>
public sealed record CreatePairCommand(Guid ProgrammeId, Guid TutorId, Guid TuteeId, int TuteeLevel) : ICommand<Result<PeerPairDto>>;

public sealed class CreatePairCommandValidator : AbstractValidator<CreatePairCommand>
{
    public CreatePairCommandValidator()
    {
        RuleFor(c => c.TutorId).NotEmpty();
        RuleFor(c => c.TuteeId).NotEmpty();
        RuleFor(c => c.TuteeLevel).SubjectLevel();
    }
}

internal sealed class CreatePairCommandHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<CreatePairCommand, Result<PeerPairDto>>
{
    public async ValueTask<Result<PeerPairDto>> Handle(CreatePairCommand command, CancellationToken cancellationToken)
    {
        var programme = await db.ProgrammeAsync(user, command.ProgrammeId, cancellationToken);
        if (!programme.IsSuccess)
        {
            return programme.Error!;
        }

        var runner = user.RequireRunner(programme.Value);
        if (!runner.IsSuccess)
        {
            return user.IsStaff() ? runner.Error! : Error.NotFound("Programme");
        }

        var tutee = await access.CheckAsync(command.TuteeId, StudentPermissions.ViewRoster, cancellationToken);
        if (!tutee.IsSuccess)
        {
            return Error.Validation("tuteeId", "No student with that id is at this school.");
        }

        var tutor = await db.PeerTutors.AsNoTracking().SingleOrDefaultAsync(t => t.ProgrammeId == command.ProgrammeId && t.StudentId == command.TutorId, cancellationToken);
        if (tutor is null)
        {
            return Error.Validation("tutorId", "That pupil has not applied to tutor on this programme.");
        }

        var years = await db.Students.Where(s => s.Id == command.TutorId || s.Id == command.TuteeId).ToDictionaryAsync(s => s.Id, s => s.YearGroup, cancellationToken);
        if (await db.PeerPairs.AnyAsync(p => p.ProgrammeId == command.ProgrammeId && p.TutorStudentId == command.TutorId && p.TuteeStudentId == command.TuteeId && p.EndedAt == null, cancellationToken))
        {
            return Error.Conflict("peer.already_paired", "Those two are already paired on this programme.");
        }

        var active = await db.PeerPairs.CountAsync(p => p.ProgrammeId == command.ProgrammeId && p.TutorStudentId == command.TutorId && p.EndedAt == null, cancellationToken);
        var pair = PeerPair.Make(
            Ids.New(time), programme.Value, tutor, years[command.TutorId], command.TuteeId, years[command.TuteeId], command.TuteeLevel, active,
            user.PersonId, time.GetUtcNow());
        if (!pair.IsSuccess)
        {
            return pair.Error!;
        }

        db.PeerPairs.Add(pair.Value);
        await db.SaveChangesAsync(cancellationToken);
        var mine = await db.TutoringOfAsync(command.TutorId, withHistory: false, cancellationToken);
        return mine.Pairs.Single(p => p.Id == pair.Value.Id);
    }
}

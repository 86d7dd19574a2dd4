using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Common;
using School.Domain.Secure;

namespace School.Application.Secure.Allocation;

/// <summary>
/// An admin allocates one period (<see cref="SecurePeriodAllocator"/>): every pupil of the cycle's year groups whose day
/// window holds the period — teachers' requests first, then by ranked choices, everyone else where there is room. Doing
/// it again replaces the period's placements, in one transaction, until attendance has been recorded (409).
/// </summary>
public sealed record AllocateSecurePeriodCommand(Guid CycleId, Guid PeriodId) : ICommand<Result<SecureAllocationDto>>;

internal sealed class AllocateSecurePeriodCommandHandler(ICurrentUser user, StudentAccess access, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<AllocateSecurePeriodCommand, Result<SecureAllocationDto>>
{
    public async ValueTask<Result<SecureAllocationDto>> Handle(AllocateSecurePeriodCommand command, CancellationToken cancellationToken)
    {
        var school = user.RequireSchoolAdmin();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var found = await db.PeriodAsync(command.CycleId, command.PeriodId, school.Value.SchoolId, track: true, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (cycle, period) = found.Value;
        var old = await db.SecurePlacements.Where(p => p.PeriodId == period.Id).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var allocated = cycle.Allocate(period.Id, now, attendanceRecorded: old.Any(p => p.Present is not null));
        if (!allocated.IsSuccess)
        {
            return allocated.Error!;
        }

        // Everyone of the cycle's year groups, in a fixed order so the same data always gives the same allocation (ordered
        // here, not by the database, whose order of ids differs from .NET's; the demo seeder orders them the same way).
        var years = cycle.YearGroups.ToList();
        var students = (await access.VisibleStudents().AsNoTracking()
            .Where(s => s.SchoolId == cycle.SchoolId && years.Contains(s.YearGroup))
            .Select(s => s.Id).ToListAsync(cancellationToken)).Order().ToList();
        var windowOf = await db.WindowsAsync(cycle.SchoolId, cancellationToken);
        var outside = students
            .Select(id => (Id: id, Window: windowOf(id)))
            .Where(x => x.Window is not null && !period.FitsWithin(x.Window.Start, x.Window.End))
            .ToDictionary(x => x.Id, x => x.Window!.Describe());
        var choices = await db.SecureChoices.AsNoTracking().Where(c => c.PeriodId == period.Id)
            .ToDictionaryAsync(c => c.StudentId, c => c.Choices, cancellationToken);
        var requests = await db.SecureRequests.AsNoTracking().Where(r => r.PeriodId == period.Id).ToListAsync(cancellationToken);
        var candidates = SecurePeriodAllocator.Candidates(students.Where(id => !outside.ContainsKey(id)).ToList(), choices, requests);
        var plan = SecurePeriodAllocator.Plan(period.Offers.Select(o => new SecureSlot(o.Id, o.Capacity)).ToList(), candidates);

        db.SecurePlacements.RemoveRange(old);
        foreach (var line in plan.Students.Where(l => l.OfferId is not null))
        {
            db.SecurePlacements.Add(SecurePlacement.Place(
                Ids.New(time), cycle, period, line.StudentId, line.OfferId!.Value, line.Mode, line.Source!.Value, line.Rank, line.Reason, now));
        }

        await db.SaveChangesAsync(cancellationToken);

        var lines = plan.Students
            .Select(l => new SecureAllocationLineDto(l.StudentId, l.OfferId, l.Mode, l.Source, l.Rank, l.Reason))
            .Concat(outside.Select(o => new SecureAllocationLineDto(o.Key, null, null, null, null, $"Not placed: the period is outside their day window ({o.Value})")))
            .ToList();
        var placed = plan.Students.Count(l => l.OfferId is not null);
        return new SecureAllocationDto(
            cycle.Id, period.Id, students.Count, placed, plan.FromRequests, plan.ByRank, plan.NoChoicePlaced, plan.PlacedOutsideChoices,
            students.Count - placed,
            period.Offers.Select(o => new SecureOfferLoadDto(o.Id, o.Subject, o.Capacity, plan.Students.Count(l => l.OfferId == o.Id))).ToList(),
            lines);
    }
}

/// <summary>An admin takes an allocated period back to choosing: its placements go (refused once attendance is recorded).</summary>
public sealed record ReopenSecurePeriodCommand(Guid CycleId, Guid PeriodId) : ICommand<Result>;

internal sealed class ReopenSecurePeriodCommandHandler(ICurrentUser user, IApplicationDbContext db) : ICommandHandler<ReopenSecurePeriodCommand, Result>
{
    public async ValueTask<Result> Handle(ReopenSecurePeriodCommand command, CancellationToken cancellationToken)
    {
        var school = user.RequireSchoolAdmin();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var found = await db.PeriodAsync(command.CycleId, command.PeriodId, school.Value.SchoolId, track: true, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (cycle, period) = found.Value;
        var placements = await db.SecurePlacements.Where(p => p.PeriodId == period.Id).ToListAsync(cancellationToken);
        var reopened = cycle.Reopen(period.Id, attendanceRecorded: placements.Any(p => p.Present is not null));
        if (!reopened.IsSuccess)
        {
            return reopened;
        }

        db.SecurePlacements.RemoveRange(placements);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}

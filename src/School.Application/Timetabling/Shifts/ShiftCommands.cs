using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Common;
using School.Domain.Timetabling;

namespace School.Application.Timetabling.Shifts;

/// <summary>When a member of staff works on each day of the cycle (staff of the same school).</summary>
public sealed record GetShiftsQuery(Guid StaffId) : IQuery<Result<IReadOnlyList<ShiftDto>>>;

internal sealed class GetShiftsQueryHandler(ICurrentUser user, IApplicationDbContext db) : IQueryHandler<GetShiftsQuery, Result<IReadOnlyList<ShiftDto>>>
{
    public async ValueTask<Result<IReadOnlyList<ShiftDto>>> Handle(GetShiftsQuery query, CancellationToken cancellationToken)
    {
        var school = user.RequireStaff();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        if (!await db.StaffMembers.AnyAsync(s => s.Id == query.StaffId && s.SchoolId == school.Value.SchoolId, cancellationToken))
        {
            return Error.NotFound("Staff member");
        }

        var shifts = await db.StaffShifts.AsNoTracking().Where(s => s.StaffMemberId == query.StaffId).ToListAsync(cancellationToken);
        return Result<IReadOnlyList<ShiftDto>>.Success(shifts
            .OrderBy(s => s.CycleWeek).ThenBy(s => s.Day).ThenBy(s => s.Start)
            .Select(s => new ShiftDto(s.CycleWeek, s.Day, s.Start, s.End)).ToList());
    }
}

/// <summary>An admin replaces a member of staff's shifts (an empty list means they work the standard day).</summary>
public sealed record SetShiftsCommand(Guid StaffId, IReadOnlyList<ShiftDto> Shifts) : ICommand<Result<IReadOnlyList<ShiftDto>>>;

public sealed class SetShiftsCommandValidator : AbstractValidator<SetShiftsCommand>
{
    public SetShiftsCommandValidator()
    {
        RuleFor(c => c.Shifts).NotNull().Must(s => s.Count <= 50).WithMessage("At most 50 shifts.");
        RuleForEach(c => c.Shifts).NotNull().ChildRules(s =>
        {
            s.RuleFor(x => x.CycleWeek).InclusiveBetween(1, AcademicYear.MaxCycleWeeks);
            s.RuleFor(x => x.Day).Known();
            s.RuleFor(x => x.End).GreaterThan(x => x.Start).WithMessage("A shift ends after it starts.");
        });
    }
}

internal sealed class SetShiftsCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<SetShiftsCommand, Result<IReadOnlyList<ShiftDto>>>
{
    public async ValueTask<Result<IReadOnlyList<ShiftDto>>> Handle(SetShiftsCommand command, CancellationToken cancellationToken)
    {
        var school = user.RequireSchoolAdmin();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        if (!await db.StaffMembers.AnyAsync(s => s.Id == command.StaffId && s.SchoolId == school.Value.SchoolId, cancellationToken))
        {
            return Error.NotFound("Staff member");
        }

        var old = await db.StaffShifts.Where(s => s.StaffMemberId == command.StaffId).ToListAsync(cancellationToken);
        db.StaffShifts.RemoveRange(old);
        db.StaffShifts.AddRange(command.Shifts.Select(s =>
            StaffShift.Create(Ids.New(time), school.Value.SchoolId, command.StaffId, s.CycleWeek, s.Day, s.Start, s.End)));
        await db.SaveChangesAsync(cancellationToken);
        return Result<IReadOnlyList<ShiftDto>>.Success(command.Shifts.OrderBy(s => s.CycleWeek).ThenBy(s => s.Day).ThenBy(s => s.Start).ToList());
    }
}

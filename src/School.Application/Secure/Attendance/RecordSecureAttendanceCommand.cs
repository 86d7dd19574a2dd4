using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Application.Timetabling;
using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.Secure;
using School.Domain.Staff;

namespace School.Application.Secure.Attendance;

/// <summary>
/// The teacher of the pupil's offer (or an admin) records whether the pupil attended a SECURE period, once it has
/// started; recording again corrects it.
/// </summary>
public sealed record RecordSecureAttendanceCommand(Guid CycleId, Guid PeriodId, Guid StudentId, bool Present) : ICommand<Result<SecurePlacementDto>>;

internal sealed class RecordSecureAttendanceCommandHandler(ICurrentUser user, StudentAccess access, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<RecordSecureAttendanceCommand, Result<SecurePlacementDto>>
{
    public async ValueTask<Result<SecurePlacementDto>> Handle(RecordSecureAttendanceCommand command, CancellationToken cancellationToken)
    {
        var school = user.RequireSchoolMember("Only members of a school see its SECURE cycles.");
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var found = await db.PeriodAsync(command.CycleId, command.PeriodId, school.Value.SchoolId, track: false, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var visible = await access.CheckAsync(command.StudentId, StudentPermissions.ViewRoster, cancellationToken);
        if (!visible.IsSuccess)
        {
            return visible.Error!;
        }

        var admin = user.Kind == PersonKind.Staff && user.StaffRoles.HasFlag(StaffRoles.SchoolAdmin);
        if (user.Kind != PersonKind.Staff || (!admin && !user.StaffRoles.HasFlag(StaffRoles.Teacher)))
        {
            return Error.Forbidden("Attendance at a SECURE period is recorded by the offer's teacher or an admin.");
        }

        var (cycle, period) = found.Value;
        var placement = await db.SecurePlacements.SingleOrDefaultAsync(p => p.PeriodId == period.Id && p.StudentId == command.StudentId, cancellationToken);
        if (placement is null)
        {
            return SecureErrors.NotPlaced;
        }

        if (!admin && period.Offer(placement.OfferId)?.TeacherId != user.PersonId)
        {
            return Error.Forbidden("Attendance at a SECURE period is recorded by the offer's teacher or an admin.");
        }

        var zone = await db.Schools.Where(s => s.Id == cycle.SchoolId).Select(s => s.TimeZoneId).SingleAsync(cancellationToken);
        var startsAt = TimetableData.LocalToOffset(period.Date, period.StartMinute, TimeZoneInfo.FindSystemTimeZoneById(zone));
        var recorded = placement.RecordAttendance(command.Present, user.PersonId, time.GetUtcNow(), startsAt);
        if (!recorded.IsSuccess)
        {
            return recorded.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        return (await db.OfferBookAsync([cycle], cancellationToken)).Describe(placement);
    }
}

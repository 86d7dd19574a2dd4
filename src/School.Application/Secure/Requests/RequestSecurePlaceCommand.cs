using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Application.Timetabling;
using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.Secure;
using School.Domain.Staff;

namespace School.Application.Secure.Requests;

/// <summary>
/// A teacher (or an admin) asks for a pupil in one of a period's offers with a mode, e.g. catch-up in maths. At
/// allocation the request outranks the pupil's own choice. Requests never take more places than the offer has (409);
/// one request per pupil per period: its author may change it, anyone else gets 409.
/// </summary>
public sealed record RequestSecurePlaceCommand(Guid CycleId, Guid PeriodId, Guid StudentId, Guid OfferId, SecureMode Mode, string? Reason)
    : ICommand<Result<SecureRequestDto>>;

public sealed class RequestSecurePlaceCommandValidator : AbstractValidator<RequestSecurePlaceCommand>
{
    public RequestSecurePlaceCommandValidator()
    {
        RuleFor(c => c.StudentId).NotEmpty();
        RuleFor(c => c.OfferId).NotEmpty();
        RuleFor(c => c.Mode).IsInEnum();
        RuleFor(c => c.Reason).MaximumLength(SecureRequest.MaxReasonLength);
    }
}

internal sealed class RequestSecurePlaceCommandHandler(ICurrentUser user, StudentAccess access, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<RequestSecurePlaceCommand, Result<SecureRequestDto>>
{
    public async ValueTask<Result<SecureRequestDto>> Handle(RequestSecurePlaceCommand command, CancellationToken cancellationToken)
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

        if (user.Kind != PersonKind.Staff || (user.StaffRoles & (StaffRoles.Teacher | StaffRoles.SchoolAdmin)) == 0)
        {
            return Error.Forbidden("Only teachers (and admins) request a pupil for a SECURE subject.");
        }

        var (cycle, period) = found.Value;
        var eligible = await db.EligibleAsync(cycle, period, command.StudentId, cancellationToken);
        if (!eligible.IsSuccess)
        {
            return eligible.Error!;
        }

        var existing = await db.SecureRequests.SingleOrDefaultAsync(r => r.PeriodId == period.Id && r.StudentId == command.StudentId, cancellationToken);
        if (existing is not null && existing.RequestedBy != user.PersonId)
        {
            var by = await db.StaffAsync([existing.RequestedBy], cancellationToken);
            return SecureErrors.AlreadyRequested(by.GetValueOrDefault(existing.RequestedBy)?.Name ?? "Another member of staff");
        }

        var requestedAlready = await db.SecureRequests.CountAsync(
            r => r.PeriodId == period.Id && r.OfferId == command.OfferId && r.StudentId != command.StudentId, cancellationToken);
        var today = await db.TodayAtAsync(cycle.SchoolId, time, cancellationToken);
        var now = time.GetUtcNow();
        SecureRequest request;
        if (existing is null)
        {
            var made = SecureRequest.Make(
                Ids.New(time), cycle, period, command.StudentId, command.OfferId, command.Mode, command.Reason, user.PersonId, requestedAlready, now, today);
            if (!made.IsSuccess)
            {
                return made.Error!;
            }

            request = made.Value;
            db.SecureRequests.Add(request);
        }
        else
        {
            var changed = existing.Change(period, command.OfferId, command.Mode, command.Reason, requestedAlready, now, today);
            if (!changed.IsSuccess)
            {
                return changed.Error!;
            }

            request = existing;
        }

        await db.SaveChangesAsync(cancellationToken);
        var book = await db.OfferBookAsync([cycle], cancellationToken);
        var me = await db.StaffAsync([user.PersonId], cancellationToken);
        return book.Describe(request, me.GetValueOrDefault(user.PersonId) ?? new(user.PersonId, "(unknown)"));
    }
}

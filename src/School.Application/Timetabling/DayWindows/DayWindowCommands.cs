using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Common;
using School.Domain.Timetabling;

namespace School.Application.Timetabling.DayWindows;

/// <summary>The school's day windows with places left (everyone at the school may see them, to opt in).</summary>
public sealed record ListDayWindowsQuery : IQuery<Result<IReadOnlyList<DayWindowDto>>>;

internal sealed class ListDayWindowsQueryHandler(ICurrentUser user, IApplicationDbContext db)
    : IQueryHandler<ListDayWindowsQuery, Result<IReadOnlyList<DayWindowDto>>>
{
    public async ValueTask<Result<IReadOnlyList<DayWindowDto>>> Handle(ListDayWindowsQuery query, CancellationToken cancellationToken)
    {
        if (user.SchoolId is not { } schoolId)
        {
            return Error.Forbidden("Only members of a school may see its day windows.");
        }

        var windows = await db.DayWindows.AsNoTracking().Where(w => w.SchoolId == schoolId).ToListAsync(cancellationToken);
        return Result<IReadOnlyList<DayWindowDto>>.Success(windows.OrderBy(w => w.Start).ThenBy(w => w.Name).Select(DayWindowDto.From).ToList());
    }
}

/// <summary>An admin creates (no id) or changes (with id) a day window.</summary>
public sealed record SaveDayWindowCommand(
    Guid? Id, uint? ExpectedVersion, string Name, TimeOnly Start, TimeOnly End, int? Capacity, IReadOnlyList<int>? YearGroups, bool AutoApprove)
    : ICommand<Result<DayWindowDto>>;

public sealed class SaveDayWindowCommandValidator : AbstractValidator<SaveDayWindowCommand>
{
    public SaveDayWindowCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
        RuleFor(c => c.End).GreaterThan(c => c.Start).WithMessage("A window ends after it starts.");
        RuleFor(c => c.Capacity).InclusiveBetween(1, 100_000).When(c => c.Capacity is not null);
        RuleFor(c => c.YearGroups).Must(y => y is null || y.Count <= 14).WithMessage("At most 14 year groups.");
        RuleForEach(c => c.YearGroups).YearGroup();
    }
}

internal sealed class SaveDayWindowCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<SaveDayWindowCommand, Result<DayWindowDto>>
{
    public async ValueTask<Result<DayWindowDto>> Handle(SaveDayWindowCommand command, CancellationToken cancellationToken)
    {
        var school = user.RequireSchoolAdmin();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var years = command.YearGroups ?? [];
        if (command.Id is not { } id)
        {
            var created = DayWindow.Create(Ids.New(time), school.Value.SchoolId, command.Name, command.Start, command.End, command.Capacity, years, command.AutoApprove);
            db.DayWindows.Add(created);
            await db.SaveChangesAsync(cancellationToken);
            return DayWindowDto.From(created);
        }

        var window = await db.DayWindows.SingleOrDefaultAsync(w => w.Id == id && w.SchoolId == school.Value.SchoolId, cancellationToken);
        if (window is null)
        {
            return Error.NotFound("Day window");
        }

        if (command.ExpectedVersion is { } expected && expected != window.Version)
        {
            return Error.PreconditionFailed("The window was changed by someone else since you read it.");
        }

        var changed = window.Change(command.Name, command.Start, command.End, command.Capacity, years, command.AutoApprove);
        if (!changed.IsSuccess)
        {
            return changed.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        return DayWindowDto.From(window);
    }
}

/// <summary>
/// Opt a student into a window. An admin's enrolment takes a place at once; a student's or guardian's is a request,
/// approved at once only when the window approves automatically. A full window refuses (409).
/// </summary>
public sealed record EnrolInWindowCommand(Guid WindowId, Guid StudentId) : ICommand<Result<EnrolmentDto>>;

public sealed class EnrolInWindowCommandValidator : AbstractValidator<EnrolInWindowCommand>
{
    public EnrolInWindowCommandValidator() => RuleFor(c => c.StudentId).NotEmpty();
}

internal sealed class EnrolInWindowCommandHandler(StudentAccess access, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<EnrolInWindowCommand, Result<EnrolmentDto>>
{
    public async ValueTask<Result<EnrolmentDto>> Handle(EnrolInWindowCommand command, CancellationToken cancellationToken)
    {
        var allowed = await access.CheckAsync(command.StudentId, StudentPermissions.MakeChoices, cancellationToken);
        if (!allowed.IsSuccess)
        {
            return allowed.Error!;
        }

        var student = await db.Students.AsNoTracking().SingleAsync(s => s.Id == command.StudentId, cancellationToken);
        var window = await db.DayWindows.SingleOrDefaultAsync(w => w.Id == command.WindowId && w.SchoolId == student.SchoolId, cancellationToken);
        if (window is null)
        {
            return Error.NotFound("Day window");
        }

        var elsewhere = await db.DayWindows.AsNoTracking()
            .Where(w => w.SchoolId == student.SchoolId && w.Id != window.Id && w.Enrolments.Any(e => e.StudentId == student.Id))
            .Select(w => w.Name)
            .FirstOrDefaultAsync(cancellationToken);
        if (elsewhere is not null)
        {
            return WindowErrors.InAnotherWindow(elsewhere);
        }

        var enrolment = window.Enrol(student, approve: allowed.Value.Has(StudentPermissions.Manage), time.GetUtcNow());
        if (!enrolment.IsSuccess)
        {
            return enrolment.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        var e = enrolment.Value;
        return new EnrolmentDto(window.Id, window.Name, e.StudentId, e.Status, e.RequestedAt, e.ApprovedAt);
    }
}

/// <summary>An admin approves a waiting request, while places remain.</summary>
public sealed record ApproveEnrolmentCommand(Guid WindowId, Guid StudentId) : ICommand<Result<EnrolmentDto>>;

internal sealed class ApproveEnrolmentCommandHandler(StudentAccess access, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<ApproveEnrolmentCommand, Result<EnrolmentDto>>
{
    public async ValueTask<Result<EnrolmentDto>> Handle(ApproveEnrolmentCommand command, CancellationToken cancellationToken)
    {
        var allowed = await access.CheckAsync(command.StudentId, StudentPermissions.Manage, cancellationToken);
        if (!allowed.IsSuccess)
        {
            return allowed.Error!;
        }

        var window = await db.DayWindows.SingleOrDefaultAsync(
            w => w.Id == command.WindowId && w.Enrolments.Any(e => e.StudentId == command.StudentId), cancellationToken);
        if (window is null)
        {
            return Error.NotFound("Enrolment");
        }

        var approved = window.Approve(command.StudentId, time.GetUtcNow());
        if (!approved.IsSuccess)
        {
            return approved.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        var e = approved.Value;
        return new EnrolmentDto(window.Id, window.Name, e.StudentId, e.Status, e.RequestedAt, e.ApprovedAt);
    }
}

/// <summary>The student leaves the window (or the request is withdrawn); their place is freed for the next student.</summary>
public sealed record WithdrawEnrolmentCommand(Guid WindowId, Guid StudentId) : ICommand<Result>;

internal sealed class WithdrawEnrolmentCommandHandler(StudentAccess access, IApplicationDbContext db)
    : ICommandHandler<WithdrawEnrolmentCommand, Result>
{
    public async ValueTask<Result> Handle(WithdrawEnrolmentCommand command, CancellationToken cancellationToken)
    {
        var allowed = await access.CheckAsync(command.StudentId, StudentPermissions.MakeChoices, cancellationToken);
        if (!allowed.IsSuccess)
        {
            return allowed.Error!;
        }

        var window = await db.DayWindows.SingleOrDefaultAsync(
            w => w.Id == command.WindowId && w.Enrolments.Any(e => e.StudentId == command.StudentId), cancellationToken);
        if (window is null)
        {
            return Error.NotFound("Enrolment");
        }

        var withdrawn = window.Withdraw(command.StudentId);
        if (withdrawn.IsSuccess)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return withdrawn;
    }
}

/// <summary>A window's enrolments and requests (admin).</summary>
public sealed record ListEnrolmentsQuery(Guid WindowId) : IQuery<Result<IReadOnlyList<EnrolmentDto>>>;

internal sealed class ListEnrolmentsQueryHandler(ICurrentUser user, IApplicationDbContext db)
    : IQueryHandler<ListEnrolmentsQuery, Result<IReadOnlyList<EnrolmentDto>>>
{
    public async ValueTask<Result<IReadOnlyList<EnrolmentDto>>> Handle(ListEnrolmentsQuery query, CancellationToken cancellationToken)
    {
        var school = user.RequireSchoolAdmin();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var window = await db.DayWindows.AsNoTracking().SingleOrDefaultAsync(w => w.Id == query.WindowId && w.SchoolId == school.Value.SchoolId, cancellationToken);
        if (window is null)
        {
            return Error.NotFound("Day window");
        }

        return Result<IReadOnlyList<EnrolmentDto>>.Success(window.Enrolments
            .OrderBy(e => e.RequestedAt)
            .Select(e => new EnrolmentDto(window.Id, window.Name, e.StudentId, e.Status, e.RequestedAt, e.ApprovedAt))
            .ToList());
    }
}

/// <summary>One of the school's day windows (everyone at the school).</summary>
public sealed record GetDayWindowQuery(Guid Id) : IQuery<Result<DayWindowDto>>;

internal sealed class GetDayWindowQueryHandler(ICurrentUser user, IApplicationDbContext db) : IQueryHandler<GetDayWindowQuery, Result<DayWindowDto>>
{
    public async ValueTask<Result<DayWindowDto>> Handle(GetDayWindowQuery query, CancellationToken cancellationToken)
    {
        var window = user.SchoolId is { } schoolId
            ? await db.DayWindows.AsNoTracking().SingleOrDefaultAsync(w => w.Id == query.Id && w.SchoolId == schoolId, cancellationToken)
            : null;
        return window is null ? Error.NotFound("Day window") : DayWindowDto.From(window);
    }
}

using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Application.Secure;
using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.Staff;
using School.Domain.Timetabling;

namespace School.Application.Timetabling.PersonalTimetables;

/// <summary>Limits on a personal timetable's date range.</summary>
public static class TimetableRange
{
    public const int MaxDays = 62;
}

/// <summary>A student's concrete sessions between two dates (default: this week), as anyone who may see the student may.</summary>
public sealed record GetStudentTimetableQuery(Guid StudentId, DateOnly? From, DateOnly? To) : IQuery<Result<PersonalTimetableDto>>;

/// <summary>A member of staff's concrete sessions between two dates: their own, or any at their school for an admin.</summary>
public sealed record GetStaffTimetableQuery(Guid StaffId, DateOnly? From, DateOnly? To) : IQuery<Result<PersonalTimetableDto>>;

public sealed class GetStudentTimetableQueryValidator : AbstractValidator<GetStudentTimetableQuery>
{
    public GetStudentTimetableQueryValidator() => Include(new RangeValidator<GetStudentTimetableQuery>(q => q.From, q => q.To));
}

public sealed class GetStaffTimetableQueryValidator : AbstractValidator<GetStaffTimetableQuery>
{
    public GetStaffTimetableQueryValidator() => Include(new RangeValidator<GetStaffTimetableQuery>(q => q.From, q => q.To));
}

internal sealed class RangeValidator<T> : AbstractValidator<T>
{
    public RangeValidator(Func<T, DateOnly?> from, Func<T, DateOnly?> to)
    {
        RuleFor(q => to(q)).NotNull().When(q => from(q) is not null).WithMessage("Give both from and to, or neither.").OverridePropertyName("To");
        RuleFor(q => from(q)).NotNull().When(q => to(q) is not null).WithMessage("Give both from and to, or neither.").OverridePropertyName("From");
        RuleFor(q => to(q)).Must((q, t) => t >= from(q)).When(q => from(q) is not null && to(q) is not null)
            .WithMessage("to is on or after from.").OverridePropertyName("To");
        RuleFor(q => from(q)).Must(ValidationRules.IsPlausibleSchoolDate).WithMessage(ValidationRules.PlausibleDateMessage).OverridePropertyName("From");
        RuleFor(q => to(q)).Must(ValidationRules.IsPlausibleSchoolDate).WithMessage(ValidationRules.PlausibleDateMessage).OverridePropertyName("To");
        RuleFor(q => to(q)).Must((q, t) => t!.Value.DayNumber - from(q)!.Value.DayNumber + 1 <= TimetableRange.MaxDays)
            .When(q => from(q) is not null && to(q) >= from(q))
            .WithMessage($"A timetable covers at most {TimetableRange.MaxDays} days.").OverridePropertyName("To");
    }
}

internal sealed class GetStudentTimetableQueryHandler(StudentAccess access, IApplicationDbContext db, TimeProvider time)
    : IQueryHandler<GetStudentTimetableQuery, Result<PersonalTimetableDto>>
{
    public async ValueTask<Result<PersonalTimetableDto>> Handle(GetStudentTimetableQuery query, CancellationToken cancellationToken)
    {
        var allowed = await access.CheckAsync(query.StudentId, StudentPermissions.ViewRoster, cancellationToken);
        if (!allowed.IsSuccess)
        {
            return allowed.Error!;
        }

        return await db.StudentTimetableAsync(query.StudentId, query.From, query.To, time, cancellationToken);
    }
}

internal sealed class GetStaffTimetableQueryHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : IQueryHandler<GetStaffTimetableQuery, Result<PersonalTimetableDto>>
{
    public async ValueTask<Result<PersonalTimetableDto>> Handle(GetStaffTimetableQuery query, CancellationToken cancellationToken)
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

        if (query.StaffId != user.PersonId && !user.StaffRoles.HasFlag(StaffRoles.SchoolAdmin))
        {
            return Error.Forbidden("Staff see their own timetable; admins see everyone's.");
        }

        return await db.StaffTimetableAsync(query.StaffId, query.From, query.To, time, cancellationToken);
    }
}

/// <summary>Personal timetables, for the endpoints and the calendar feed alike.</summary>
internal static class PersonalTimetables
{
    public static async Task<PersonalTimetableDto> StudentTimetableAsync(
        this IApplicationDbContext db, Guid studentId, DateOnly? from, DateOnly? to, TimeProvider time, CancellationToken ct)
    {
        var student = await db.Students.AsNoTracking().SingleAsync(s => s.Id == studentId, ct);
        var zone = await ZoneAsync(db, student.SchoolId, ct);
        var (start, end) = Range(from, to, time, zone);
        var groupIds = await db.TeachingGroups.AsNoTracking()
            .Where(g => g.SchoolId == student.SchoolId && g.StudentIds.Contains(studentId))
            .Select(g => g.Id).ToListAsync(ct);
        var blocks = await db.LearningBlocks.AsNoTracking()
            .Where(b => (b.SchoolId == student.SchoolId && ((b.GroupId != null && groupIds.Contains(b.GroupId.Value)) || b.StudentIds.Contains(studentId)))
                || (b.IsJoint && b.StudentIds.Contains(studentId)))
            .ToListAsync(ct);
        var window = await db.WindowOfAsync(student.SchoolId, studentId, ct);
        var sessions = await db.SessionsAsync(blocks, start, end, window, ct);
        sessions = await db.WithSecurePlacementsAsync(sessions, studentId, start, end, window, zone, ct);
        return new PersonalTimetableDto(
            student.Id, $"{student.PreferredName ?? student.GivenName} {student.FamilyName}", zone.Id, start, end,
            window is null ? null : new WindowRefDto(window.Id, window.Name, window.Start, window.End), sessions);
    }

    public static async Task<PersonalTimetableDto> StaffTimetableAsync(
        this IApplicationDbContext db, Guid staffId, DateOnly? from, DateOnly? to, TimeProvider time, CancellationToken ct)
    {
        var staff = await db.StaffMembers.AsNoTracking().SingleAsync(s => s.Id == staffId, ct);
        var zone = await ZoneAsync(db, staff.SchoolId, ct);
        var (start, end) = Range(from, to, time, zone);
        var blocks = await db.LearningBlocks.AsNoTracking().Where(b => b.StaffIds.Contains(staffId)).ToListAsync(ct);
        var sessions = await db.SessionsAsync(blocks, start, end, window: null, ct);
        return new PersonalTimetableDto(staff.Id, staff.DisplayName, zone.Id, start, end, null, sessions);
    }

    private static async Task<TimeZoneInfo> ZoneAsync(IApplicationDbContext db, Guid schoolId, CancellationToken ct) =>
        TimeZoneInfo.FindSystemTimeZoneById(await db.Schools.Where(s => s.Id == schoolId).Select(s => s.TimeZoneId).SingleAsync(ct));

    /// <summary>The asked-for range, or this week (Monday to Sunday) at the school.</summary>
    private static (DateOnly From, DateOnly To) Range(DateOnly? from, DateOnly? to, TimeProvider time, TimeZoneInfo zone)
    {
        if (from is { } f && to is { } t)
        {
            return (f, t);
        }

        var monday = AcademicYear.MondayOf(time.Today(zone));
        return (monday, monday.AddDays(6));
    }

    /// <summary>The account's own timetable, or for a guardian each child they may see, labelled with the child's name.</summary>
    public static async Task<IReadOnlyList<SessionDto>> SessionsForAccountAsync(
        this IApplicationDbContext db, StudentAccess access, UserAccount account, DateOnly from, DateOnly to, TimeProvider time, CancellationToken ct)
    {
        switch (account.PersonKind)
        {
            case PersonKind.Student:
                return (await db.StudentTimetableAsync(account.PersonId, from, to, time, ct)).Sessions;
            case PersonKind.Staff:
                return (await db.StaffTimetableAsync(account.PersonId, from, to, time, ct)).Sessions;
            case PersonKind.Guardian:
                var viewer = new StudentAccess.Viewer(true, PersonKind.Guardian, account.PersonId, account.SchoolId, StaffRoles.None);
                var children = await access.VisibleStudentsFor(viewer).Select(s => s.Id).ToListAsync(ct);
                var sessions = new List<SessionDto>();
                foreach (var child in children)
                {
                    var timetable = await db.StudentTimetableAsync(child, from, to, time, ct);
                    sessions.AddRange(timetable.Sessions.Select(s => s with { StudentId = child, StudentName = timetable.Name }));
                }

                return sessions.OrderBy(s => s.StartsAt).ToList();
            default:
                return [];
        }
    }
}

using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.Mentoring;
using School.Domain.Staff;

namespace School.Application.Mentoring.Mentors;

/// <summary>
/// The school's mentors, with how many more mentees each can take: for anyone at the school (students and guardians choose
/// from it). Admins also see inactive mentors.
/// </summary>
public sealed record ListMentorsQuery : IQuery<Result<IReadOnlyList<MentorDto>>>;

internal sealed class ListMentorsQueryHandler(ICurrentUser user, IApplicationDbContext db) : IQueryHandler<ListMentorsQuery, Result<IReadOnlyList<MentorDto>>>
{
    public async ValueTask<Result<IReadOnlyList<MentorDto>>> Handle(ListMentorsQuery query, CancellationToken cancellationToken)
    {
        if (user is not { IsAuthenticated: true, SchoolId: { } schoolId })
        {
            return Error.Forbidden("Only members of a school see its mentors.");
        }

        var admin = user.Kind == PersonKind.Staff && user.StaffRoles.HasFlag(StaffRoles.SchoolAdmin);
        var mentors = await db.Mentors.AsNoTracking().Where(m => m.SchoolId == schoolId && (admin || m.IsActive)).ToListAsync(cancellationToken);
        return Result<IReadOnlyList<MentorDto>>.Success(await db.DescribeAsync(schoolId, mentors, cancellationToken));
    }
}

/// <summary>An admin registers a mentor: a member of staff holding the Mentor role, a trained school leaver, or a trained older pupil.</summary>
public sealed record RegisterMentorCommand(Guid PersonId, MentorKind Kind, int? WeeklyAllowanceMinutes, Guid? SupervisorId, DateOnly? TrainedOn)
    : ICommand<Result<MentorDto>>;

public sealed class RegisterMentorCommandValidator : AbstractValidator<RegisterMentorCommand>
{
    public RegisterMentorCommandValidator()
    {
        RuleFor(c => c.PersonId).NotEmpty();
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.WeeklyAllowanceMinutes).InclusiveBetween(0, Mentor.MaxAllowanceMinutes);
    }
}

internal sealed class RegisterMentorCommandHandler(ICurrentUser user, IApplicationDbContext db) : ICommandHandler<RegisterMentorCommand, Result<MentorDto>>
{
    public async ValueTask<Result<MentorDto>> Handle(RegisterMentorCommand command, CancellationToken cancellationToken)
    {
        var school = user.RequireSchoolAdmin();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var schoolId = school.Value.SchoolId;
        var person = await PersonCheck(db, schoolId, command, cancellationToken);
        if (person is not null)
        {
            return person;
        }

        var supervisor = await SupervisorCheck(db, schoolId, command.SupervisorId, cancellationToken);
        if (supervisor is not null)
        {
            return supervisor;
        }

        if (await db.Mentors.AnyAsync(m => m.Id == command.PersonId, cancellationToken))
        {
            return Error.Conflict("mentoring.already_mentor", "That person is already registered as a mentor.");
        }

        var allowance = command.WeeklyAllowanceMinutes
            ?? (command.Kind == MentorKind.Staff ? Mentor.DefaultStaffAllowanceMinutes : Mentor.DefaultVolunteerAllowanceMinutes);
        var mentor = Mentor.Register(command.PersonId, schoolId, command.Kind, allowance, command.SupervisorId, command.TrainedOn);
        if (!mentor.IsSuccess)
        {
            return mentor.Error!;
        }

        db.Mentors.Add(mentor.Value);
        await db.SaveChangesAsync(cancellationToken);
        return (await db.DescribeAsync(schoolId, [mentor.Value], cancellationToken))[0];
    }

    private static async Task<Error?> PersonCheck(IApplicationDbContext db, Guid schoolId, RegisterMentorCommand command, CancellationToken ct)
    {
        if (command.Kind == MentorKind.Student)
        {
            var year = await db.Students.Where(s => s.Id == command.PersonId && s.SchoolId == schoolId).Select(s => (int?)s.YearGroup).SingleOrDefaultAsync(ct);
            return year switch
            {
                null => Error.Validation("personId", "No student with that id is at this school."),
                < MentoringRules.MinPupilMentorYear => Error.Conflict(
                    "mentoring.pupil_too_young", $"Pupil mentors are older pupils, in Year {MentoringRules.MinPupilMentorYear} or above."),
                _ => null,
            };
        }

        var roles = await db.StaffMembers.Where(s => s.Id == command.PersonId && s.SchoolId == schoolId).Select(s => (StaffRoles?)s.Roles).SingleOrDefaultAsync(ct);
        if (roles is null)
        {
            return Error.Validation("personId", "No member of staff with that id works at this school.");
        }

        return roles.Value.HasFlag(StaffRoles.Mentor)
            ? null
            : Error.Conflict("mentoring.lacks_mentor_role", "Give that person the Mentor role first, so they can sign in as a mentor.");
    }

    internal static async Task<Error?> SupervisorCheck(IApplicationDbContext db, Guid schoolId, Guid? supervisorId, CancellationToken ct) =>
        supervisorId is { } id && !await db.StaffMembers.AnyAsync(s => s.Id == id && s.SchoolId == schoolId, ct)
            ? Error.Validation("supervisorId", "No member of staff with that id works at this school.")
            : null;
}

/// <summary>An admin changes a mentor's allowance, supervisor or training, or stops them taking mentees (If-Match optional).</summary>
public sealed record UpdateMentorCommand(Guid Id, uint? ExpectedVersion, int WeeklyAllowanceMinutes, Guid? SupervisorId, DateOnly? TrainedOn, bool IsActive)
    : ICommand<Result<MentorDto>>;

public sealed class UpdateMentorCommandValidator : AbstractValidator<UpdateMentorCommand>
{
    public UpdateMentorCommandValidator() => RuleFor(c => c.WeeklyAllowanceMinutes).InclusiveBetween(0, Mentor.MaxAllowanceMinutes);
}

internal sealed class UpdateMentorCommandHandler(ICurrentUser user, IApplicationDbContext db) : ICommandHandler<UpdateMentorCommand, Result<MentorDto>>
{
    public async ValueTask<Result<MentorDto>> Handle(UpdateMentorCommand command, CancellationToken cancellationToken)
    {
        var school = user.RequireSchoolAdmin();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var mentor = await db.Mentors.SingleOrDefaultAsync(m => m.Id == command.Id && m.SchoolId == school.Value.SchoolId, cancellationToken);
        if (mentor is null)
        {
            return Error.NotFound("Mentor");
        }

        if (command.ExpectedVersion is { } expected && expected != mentor.Version)
        {
            return Error.PreconditionFailed("The mentor has changed since you read it.");
        }

        var supervisor = await RegisterMentorCommandHandler.SupervisorCheck(db, school.Value.SchoolId, command.SupervisorId, cancellationToken);
        if (supervisor is not null)
        {
            return supervisor;
        }

        var changed = mentor.Change(command.WeeklyAllowanceMinutes, command.SupervisorId, command.TrainedOn, command.IsActive);
        if (!changed.IsSuccess)
        {
            return changed.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        return (await db.DescribeAsync(school.Value.SchoolId, [mentor], cancellationToken))[0];
    }
}

internal static class MentoringRules
{
    /// <summary>Pupil mentors are older pupils: Year 9 and above.</summary>
    public const int MinPupilMentorYear = 9;
}

internal static class MentorDescriptions
{
    /// <summary>The mentors as DTOs with names, capacity under the school's policy and current mentee counts; ordered by name.</summary>
    public static async Task<IReadOnlyList<MentorDto>> DescribeAsync(this IApplicationDbContext db, Guid schoolId, IReadOnlyList<Mentor> mentors, CancellationToken ct)
    {
        var policy = await db.PolicyAsync(schoolId, ct);
        var counts = await db.MenteeCountsAsync(schoolId, ct);
        var names = await db.NamesAsync(mentors.Select(m => m.Id).ToList(), ct);
        return mentors
            .Select(m =>
            {
                var capacity = m.Capacity(policy.MinutesPerMenteePerWeek);
                var mentees = counts.GetValueOrDefault(m.Id);
                return new MentorDto(
                    m.Id, names.GetValueOrDefault(m.Id, "(unknown)"), m.Kind, m.WeeklyAllowanceMinutes, capacity, mentees,
                    m.IsActive ? Math.Max(0, capacity - mentees) : 0, m.SupervisorId, m.TrainedOn, m.IsActive, m.Version);
            })
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ToList();
    }
}

using FluentValidation;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Domain.Common;
using School.Domain.Students;

namespace School.Application.Students;

/// <summary>The roster fields an admin sets when creating or changing a student.</summary>
public interface IStudentDetails
{
    string PupilNumber { get; }

    string GivenName { get; }

    string FamilyName { get; }

    string? PreferredName { get; }

    DateOnly DateOfBirth { get; }

    int YearGroup { get; }

    Guid? PersonalTutorId { get; }

    Guid? MentorId { get; }
}

public sealed class StudentDetailsValidator : AbstractValidator<IStudentDetails>
{
    public StudentDetailsValidator(TimeProvider time)
    {
        RuleFor(s => s.PupilNumber).PupilNumber();
        RuleFor(s => s.GivenName).PersonName();
        RuleFor(s => s.FamilyName).PersonName();
        RuleFor(s => s.PreferredName).OptionalPersonName();
        RuleFor(s => s.DateOfBirth).DateOfBirth(time);
        RuleFor(s => s.YearGroup).YearGroup();
    }
}

internal static class StudentCarers
{
    /// <summary>Sets the personal tutor and mentor; an id that is not staff of the student's school is a validation error.</summary>
    public static async Task<Result> AssignCarersAsync(
        this IApplicationDbContext db, Student student, Guid? personalTutorId, Guid? mentorId, CancellationToken ct)
    {
        var ids = new[] { personalTutorId, mentorId }.OfType<Guid>().Distinct().ToList();
        var staff = await db.StaffMembers.Where(s => ids.Contains(s.Id) && s.SchoolId == student.SchoolId).ToListAsync(ct);

        if (personalTutorId is { } tutorId && staff.All(s => s.Id != tutorId))
        {
            return Error.Validation("personalTutorId", "No member of staff with that id works at this school.");
        }

        if (mentorId is { } mId && staff.All(s => s.Id != mId))
        {
            return Error.Validation("mentorId", "No member of staff with that id works at this school.");
        }

        var tutorResult = student.AssignPersonalTutor(staff.FirstOrDefault(s => s.Id == personalTutorId));
        return tutorResult.IsSuccess ? student.AssignMentor(staff.FirstOrDefault(s => s.Id == mentorId)) : tutorResult;
    }
}

using FluentValidation;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Mentoring;
using School.Domain.Common;
using School.Domain.Mentoring;
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
    /// <summary>
    /// Sets the personal tutor and mentor: a tutor id that is not staff of the student's school, or a mentor id that is not a
    /// mentor registered there, is a validation error; a change of mentor is recorded in the mentoring history.
    /// </summary>
    public static async Task<Result> AssignCarersAsync(
        this IApplicationDbContext db, Student student, Guid? personalTutorId, Guid? mentorId, MentorChange change, CancellationToken ct)
    {
        var tutor = personalTutorId is { } tutorId
            ? await db.StaffMembers.SingleOrDefaultAsync(s => s.Id == tutorId && s.SchoolId == student.SchoolId, ct)
            : null;
        if (personalTutorId is not null && tutor is null)
        {
            return Error.Validation("personalTutorId", "No member of staff with that id works at this school.");
        }

        var tutorResult = student.AssignPersonalTutor(tutor);
        return tutorResult.IsSuccess
            ? await db.AssignMentorAsync(student, mentorId, AssignmentSource.Roster, change, ct)
            : tutorResult;
    }
}

using FluentValidation;
using Mediator;
using School.Application.Accounts;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Application.Mentoring;
using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.Students;

namespace School.Application.Students.CreateStudent;

/// <summary>An admin adds a student to their school's roll, optionally with a sign-in for the student.</summary>
public sealed record CreateStudentCommand(
    string PupilNumber,
    string GivenName,
    string FamilyName,
    string? PreferredName,
    DateOnly DateOfBirth,
    int YearGroup,
    Guid? PersonalTutorId,
    Guid? MentorId,
    NewAccount? Account) : ICommand<Result<StudentDto>>, IStudentDetails;

public sealed class CreateStudentCommandValidator : AbstractValidator<CreateStudentCommand>
{
    public CreateStudentCommandValidator(TimeProvider time)
    {
        Include(new StudentDetailsValidator(time));
        RuleFor(c => c.Account!).SetValidator(new NewAccountValidator()).When(c => c.Account is not null);
    }
}

internal sealed class CreateStudentCommandHandler(
    ICurrentUser user, IApplicationDbContext db, IPasswordHasher hasher, TimeProvider time)
    : ICommandHandler<CreateStudentCommand, Result<StudentDto>>
{
    public async ValueTask<Result<StudentDto>> Handle(CreateStudentCommand command, CancellationToken cancellationToken)
    {
        var school = user.RequireSchoolAdmin();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var student = Student.Create(
            Ids.New(time), school.Value.SchoolId, command.PupilNumber, command.GivenName, command.FamilyName,
            command.DateOfBirth, command.YearGroup, command.PreferredName);

        var carers = await db.AssignCarersAsync(
            student, command.PersonalTutorId, command.MentorId, new MentorChange(time, time.GetUtcNow(), user.PersonId, "Set on the student's record.", CheckCapacity: false), cancellationToken);
        if (!carers.IsSuccess)
        {
            return carers.Error!;
        }

        db.Students.Add(student);
        if (command.Account is { } account)
        {
            db.UserAccounts.Add(account.CreateFor(PersonKind.Student, student.Id, school.Value.SchoolId, hasher, time));
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.LoadDtoAsync(student.Id, StudentPermissions.ViewRoster | StudentPermissions.ViewGuardians, cancellationToken);
    }
}

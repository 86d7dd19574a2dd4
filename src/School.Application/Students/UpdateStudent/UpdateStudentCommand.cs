using FluentValidation;
using Mediator;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Application.Mentoring;
using School.Domain.Common;

namespace School.Application.Students.UpdateStudent;

/// <summary>An admin replaces a student's roster fields. <paramref name="ExpectedVersion"/> (from If-Match) refuses a stale write.</summary>
public sealed record UpdateStudentCommand(
    Guid Id,
    uint? ExpectedVersion,
    string PupilNumber,
    string GivenName,
    string FamilyName,
    string? PreferredName,
    DateOnly DateOfBirth,
    int YearGroup,
    Guid? PersonalTutorId,
    Guid? MentorId) : ICommand<Result<StudentDto>>, IStudentDetails;

public sealed class UpdateStudentCommandValidator : AbstractValidator<UpdateStudentCommand>
{
    public UpdateStudentCommandValidator(TimeProvider time) => Include(new StudentDetailsValidator(time));
}

internal sealed class UpdateStudentCommandHandler(StudentAccess access, ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<UpdateStudentCommand, Result<StudentDto>>
{
    public async ValueTask<Result<StudentDto>> Handle(UpdateStudentCommand command, CancellationToken cancellationToken)
    {
        var allowed = await access.CheckAsync(command.Id, StudentPermissions.Manage, cancellationToken);
        if (!allowed.IsSuccess)
        {
            return allowed.Error!;
        }

        var student = await db.LoadForChangeAsync(command.Id, cancellationToken);
        if (command.ExpectedVersion is { } expected && expected != student.Version)
        {
            return Error.PreconditionFailed("The student was changed by someone else since you read it. Read it again and retry.");
        }

        student.UpdateDetails(
            command.PupilNumber, command.GivenName, command.FamilyName, command.PreferredName, command.DateOfBirth, command.YearGroup);
        var carers = await db.AssignCarersAsync(
            student, command.PersonalTutorId, command.MentorId, new MentorChange(time, time.GetUtcNow(), user.PersonId, "Set on the student's record.", CheckCapacity: false), cancellationToken);
        if (!carers.IsSuccess)
        {
            return carers.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.LoadDtoAsync(student.Id, allowed.Value.Permissions, cancellationToken);
    }
}

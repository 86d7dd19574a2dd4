using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.Staff;

namespace School.Application.Staff.UpdateStaff;

/// <summary>An admin changes a member of staff's name, title and roles.</summary>
public sealed record UpdateStaffCommand(
    Guid Id, uint? ExpectedVersion, string? Title, string GivenName, string FamilyName, IReadOnlyList<StaffRoles> Roles)
    : ICommand<Result<StaffMemberDto>>, IStaffDetails;

public sealed class UpdateStaffCommandValidator : AbstractValidator<UpdateStaffCommand>
{
    public UpdateStaffCommandValidator() => Include(new StaffDetailsValidator());
}

internal sealed class UpdateStaffCommandHandler(ICurrentUser user, IApplicationDbContext db)
    : ICommandHandler<UpdateStaffCommand, Result<StaffMemberDto>>
{
    public async ValueTask<Result<StaffMemberDto>> Handle(UpdateStaffCommand command, CancellationToken cancellationToken)
    {
        var staffSchool = user.RequireStaff();
        if (!staffSchool.IsSuccess)
        {
            return staffSchool.Error!;
        }

        var member = await db.StaffMembers.SingleOrDefaultAsync(s => s.Id == command.Id && s.SchoolId == staffSchool.Value.SchoolId, cancellationToken);
        if (member is null)
        {
            return Error.NotFound("Staff member");
        }

        var admin = user.RequireSchoolAdmin();
        if (!admin.IsSuccess)
        {
            return admin.Error!;
        }

        if (command.ExpectedVersion is { } expected && expected != member.Version)
        {
            return Error.PreconditionFailed("The staff member was changed by someone else since you read them. Read again and retry.");
        }

        var rolesBefore = member.Roles;
        member.Update(command.GivenName, command.FamilyName, command.Title, StaffRoleNames.Combine(command.Roles));
        if (member.Roles != rolesBefore
            && await db.UserAccounts.SingleOrDefaultAsync(a => a.PersonKind == PersonKind.Staff && a.PersonId == member.Id, cancellationToken) is { } account)
        {
            // Their tokens name the old roles: they stop working, and the next sign-in carries the new ones.
            account.RotateSecurityStamp();
        }

        if (!member.HasRole(StaffRoles.Mentor)
            && await db.Mentors.SingleOrDefaultAsync(m => m.Id == member.Id, cancellationToken) is { } mentor)
        {
            // Without the Mentor role they cannot sign in as a mentor: they take no new mentees until registered again.
            mentor.Deactivate();
        }

        await db.SaveChangesAsync(cancellationToken);
        return member.ToDto();
    }
}

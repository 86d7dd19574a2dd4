using FluentValidation;
using Mediator;
using School.Application.Accounts;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.Staff;

namespace School.Application.Staff.CreateStaff;

/// <summary>An admin adds a member of staff to their school, optionally with a sign-in.</summary>
public sealed record CreateStaffCommand(
    string? Title, string GivenName, string FamilyName, IReadOnlyList<StaffRoles> Roles, NewAccount? Account)
    : ICommand<Result<StaffMemberDto>>, IStaffDetails;

public sealed class CreateStaffCommandValidator : AbstractValidator<CreateStaffCommand>
{
    public CreateStaffCommandValidator()
    {
        Include(new StaffDetailsValidator());
        RuleFor(c => c.Account!).SetValidator(new NewAccountValidator()).When(c => c.Account is not null);
    }
}

internal sealed class CreateStaffCommandHandler(ICurrentUser user, IApplicationDbContext db, IPasswordHasher hasher, TimeProvider time)
    : ICommandHandler<CreateStaffCommand, Result<StaffMemberDto>>
{
    public async ValueTask<Result<StaffMemberDto>> Handle(CreateStaffCommand command, CancellationToken cancellationToken)
    {
        var school = user.RequireSchoolAdmin();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var member = StaffMember.Create(
            Ids.New(time), school.Value.SchoolId, command.GivenName, command.FamilyName, StaffRoleNames.Combine(command.Roles), command.Title);
        db.StaffMembers.Add(member);
        if (command.Account is { } account)
        {
            db.UserAccounts.Add(account.CreateFor(PersonKind.Staff, member.Id, school.Value.SchoolId, hasher, time));
        }

        await db.SaveChangesAsync(cancellationToken);
        return member.ToDto();
    }
}

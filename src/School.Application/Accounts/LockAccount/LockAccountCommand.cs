using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Accounts;
using School.Domain.Common;

namespace School.Application.Accounts.LockAccount;

/// <summary>
/// A school admin locks (or unlocks) a sign-in of their school. Locking ends it at once: no sign-in, and every token
/// issued before stops working on the next request. An account of another school is not found.
/// </summary>
public sealed record LockAccountCommand(string Email, bool Locked) : ICommand<Result>;

public sealed class LockAccountCommandValidator : AbstractValidator<LockAccountCommand>
{
    public LockAccountCommandValidator() => RuleFor(c => c.Email).NotEmpty().MaximumLength(UserAccount.EmailMaxLength);
}

internal sealed class LockAccountCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<LockAccountCommand, Result>
{
    public async ValueTask<Result> Handle(LockAccountCommand command, CancellationToken cancellationToken)
    {
        var staffSchool = user.RequireStaff();
        if (!staffSchool.IsSuccess)
        {
            return staffSchool.Error!;
        }

        var email = UserAccount.Normalise(command.Email);
        var account = await db.UserAccounts.SingleOrDefaultAsync(
            a => a.NormalisedEmail == email && a.SchoolId == staffSchool.Value.SchoolId, cancellationToken);
        if (account is null)
        {
            return Error.NotFound("Account");
        }

        var admin = user.RequireSchoolAdmin();
        if (!admin.IsSuccess)
        {
            return admin.Error!;
        }

        if (command.Locked)
        {
            account.Lock(time.GetUtcNow());
        }
        else
        {
            account.Unlock();
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}

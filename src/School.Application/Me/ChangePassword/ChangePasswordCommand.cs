using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Accounts;
using School.Application.Auth;
using School.Application.Common.Abstractions;
using School.Domain.Common;

namespace School.Application.Me.ChangePassword;

/// <summary>
/// I change my password. Every token issued before stops working (on every device), and the answer is a new token pair
/// for this one.
/// </summary>
public sealed record ChangePasswordCommand(string CurrentPassword, string NewPassword) : ICommand<Result<IssuedToken>>;

public sealed class ChangePasswordCommandValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordCommandValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(1024);
        RuleFor(c => c.NewPassword).NotEmpty().Length(NewAccount.PasswordMinLength, NewAccount.PasswordMaxLength);
    }
}

internal sealed class ChangePasswordCommandHandler(ICurrentUser user, IApplicationDbContext db, IPasswordHasher hasher, SignInSessions sessions)
    : ICommandHandler<ChangePasswordCommand, Result<IssuedToken>>
{
    public async ValueTask<Result<IssuedToken>> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var account = await db.UserAccounts.SingleOrDefaultAsync(a => a.Id == user.AccountId, cancellationToken);
        if (account is null || !hasher.Verify(account.PasswordHash, command.CurrentPassword))
        {
            return Error.Validation("currentPassword", "The current password is not right.");
        }

        account.SetPasswordHash(hasher.Hash(command.NewPassword));
        return await sessions.IssueAsync(account, familyId: null, cancellationToken);
    }
}

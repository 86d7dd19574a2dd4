using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Domain.Accounts;
using School.Domain.Common;

namespace School.Application.Auth.IssueToken;

/// <summary>
/// Sign in with email and password: an access token and a refresh token on success. Repeated failures are throttled by the
/// host (per client address and per account), not by locking the account, so nobody can lock someone else out.
/// </summary>
public sealed record IssueTokenCommand(string Email, string Password) : ICommand<Result<IssuedToken>>;

public sealed class IssueTokenCommandValidator : AbstractValidator<IssueTokenCommand>
{
    public IssueTokenCommandValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(UserAccount.EmailMaxLength);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(1024);
    }
}

internal sealed class IssueTokenCommandHandler(
    IApplicationDbContext db, IPasswordHasher hasher, SignInSessions sessions, TimeProvider time)
    : ICommandHandler<IssueTokenCommand, Result<IssuedToken>>
{
    // Verifying against a real hash when the email is unknown keeps the response time the same, so timing does not reveal accounts.
    private static string? _dummyHash;

    public async ValueTask<Result<IssuedToken>> Handle(IssueTokenCommand command, CancellationToken cancellationToken)
    {
        var email = UserAccount.Normalise(command.Email);
        var account = await db.UserAccounts.SingleOrDefaultAsync(a => a.NormalisedEmail == email, cancellationToken);
        if (account is null)
        {
            _dummyHash ??= hasher.Hash(Guid.NewGuid().ToString());
            hasher.Verify(_dummyHash, command.Password);
            return SignInSessions.InvalidCredentials;
        }

        var passwordRight = hasher.Verify(account.PasswordHash, command.Password);
        if (!passwordRight || account.IsLocked)
        {
            return SignInSessions.InvalidCredentials;
        }

        account.RecordSuccessfulSignIn(time.GetUtcNow());
        return await sessions.IssueAsync(account, familyId: null, cancellationToken);
    }
}

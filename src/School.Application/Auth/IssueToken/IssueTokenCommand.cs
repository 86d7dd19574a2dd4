using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.Staff;

namespace School.Application.Auth.IssueToken;

/// <summary>Sign in with email and password; a bearer token on success.</summary>
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
    IApplicationDbContext db, IPasswordHasher hasher, ITokenIssuer tokens, TimeProvider time)
    : ICommandHandler<IssueTokenCommand, Result<IssuedToken>>
{
    /// <summary>Wrong password, unknown email and a locked account all get this same answer.</summary>
    internal static readonly Error InvalidCredentials =
        new(ErrorKind.Unauthorized, "auth.invalid_credentials", "The email or password is not right, or the account is locked for a while.");

    // Verifying against a real hash when the email is unknown keeps the response time the same, so timing does not reveal accounts.
    private static string? _dummyHash;

    public async ValueTask<Result<IssuedToken>> Handle(IssueTokenCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var email = UserAccount.Normalise(command.Email);
        var account = await db.UserAccounts.SingleOrDefaultAsync(a => a.NormalisedEmail == email, cancellationToken);
        if (account is null)
        {
            _dummyHash ??= hasher.Hash(Guid.NewGuid().ToString());
            hasher.Verify(_dummyHash, command.Password);
            return InvalidCredentials;
        }

        var passwordRight = hasher.Verify(account.PasswordHash, command.Password);
        if (account.IsLockedOut(now))
        {
            return InvalidCredentials;
        }

        if (!passwordRight)
        {
            account.RecordFailedSignIn(now);
            await db.SaveChangesAsync(cancellationToken);
            return InvalidCredentials;
        }

        account.RecordSuccessfulSignIn(now);
        await db.SaveChangesAsync(cancellationToken);

        var roles = await RolesOf(account, cancellationToken);
        return tokens.Issue(new TokenSubject(
            account.Id, account.PersonId, account.PersonKind, account.SchoolId, account.PartnershipId, roles, account.Email));
    }

    private async Task<IReadOnlyList<string>> RolesOf(UserAccount account, CancellationToken ct)
    {
        if (account.PersonKind != PersonKind.Staff)
        {
            return [account.PersonKind.ToString()];
        }

        var roles = await db.StaffMembers.Where(s => s.Id == account.PersonId).Select(s => s.Roles).SingleOrDefaultAsync(ct);
        return StaffRoleNames.Names(roles);
    }
}

using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Domain.Common;

namespace School.Application.Auth.Refresh;

/// <summary>
/// Exchanges a refresh token for a new token pair. The token is used up; presenting it again (someone copied it) revokes
/// the whole session, and a locked account or a changed security stamp ends the session too.
/// </summary>
public sealed record RefreshTokenCommand(string RefreshToken) : ICommand<Result<IssuedToken>>;

public sealed class RefreshTokenCommandValidator : AbstractValidator<RefreshTokenCommand>
{
    public RefreshTokenCommandValidator() => RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(200);
}

internal sealed class RefreshTokenCommandHandler(IApplicationDbContext db, SignInSessions sessions, TimeProvider time)
    : ICommandHandler<RefreshTokenCommand, Result<IssuedToken>>
{
    public async ValueTask<Result<IssuedToken>> Handle(RefreshTokenCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var token = await sessions.FindAsync(command.RefreshToken, cancellationToken);
        if (token is null)
        {
            return SignInSessions.InvalidRefreshToken;
        }

        if (token.WasSpent)
        {
            // A used or revoked token presented again: whoever holds the newer one may not be the user. End the session.
            await sessions.RevokeFamilyAsync(token.FamilyId, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return SignInSessions.InvalidRefreshToken;
        }

        var account = await db.UserAccounts.SingleOrDefaultAsync(a => a.Id == token.AccountId, cancellationToken);
        if (!token.IsActive(now) || account is null || account.IsLocked || account.SecurityStamp != token.SecurityStamp)
        {
            return SignInSessions.InvalidRefreshToken;
        }

        // Claim the token in the database: of two requests racing with the same token, one wins and the other is a reuse.
        var claimed = await db.RefreshTokens
            .Where(t => t.Id == token.Id && t.UsedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.UsedAt, (DateTimeOffset?)now), cancellationToken);
        if (claimed == 0)
        {
            await sessions.RevokeFamilyAsync(token.FamilyId, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return SignInSessions.InvalidRefreshToken;
        }

        token.MarkUsed(now);
        return await sessions.IssueAsync(account, token.FamilyId, cancellationToken);
    }
}

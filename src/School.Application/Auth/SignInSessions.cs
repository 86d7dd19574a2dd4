using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.Staff;

namespace School.Application.Auth;

/// <summary>
/// Issues the token pair of a sign-in session: an access token with the account's current roles and security stamp, and
/// a refresh token (random, stored as its SHA-256 hash) in the session's family.
/// </summary>
internal sealed class SignInSessions(IApplicationDbContext db, ITokenIssuer tokens, TimeProvider time)
{
    /// <summary>Wrong password, unknown email, a locked account and a refresh token that is not good all get this same answer.</summary>
    internal static readonly Error InvalidCredentials =
        new(ErrorKind.Unauthorized, "auth.invalid_credentials", "The email or password is not right, or the account is locked.");

    internal static readonly Error InvalidRefreshToken =
        new(ErrorKind.Unauthorized, "auth.invalid_refresh_token", "The refresh token is not valid any more. Sign in again.");

    /// <summary>A new token pair for <paramref name="account"/>; <paramref name="familyId"/> continues a session, null starts one. Saves.</summary>
    public async Task<IssuedToken> IssueAsync(UserAccount account, Guid? familyId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var value = Base64Url(RandomNumberGenerator.GetBytes(32));
        var id = Ids.New(time);
        var refresh = RefreshToken.Issue(id, account.Id, familyId ?? id, Hash(value), account.SecurityStamp, now, tokens.RefreshTokenLifetime);
        db.RefreshTokens.Add(refresh);
        await db.SaveChangesAsync(ct);

        var roles = await RolesOf(account, ct);
        var access = tokens.Issue(new TokenSubject(
            account.Id, account.PersonId, account.PersonKind, account.SchoolId, account.PartnershipId, roles, account.Email, account.SecurityStamp));
        return new IssuedToken(access.Token, access.ExpiresAt, value, refresh.ExpiresAt);
    }

    /// <summary>The stored refresh token that <paramref name="value"/> is, if any (tracked).</summary>
    public Task<RefreshToken?> FindAsync(string value, CancellationToken ct)
    {
        var hash = Hash(value);
        return db.RefreshTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
    }

    /// <summary>Revokes every token of the session <paramref name="familyId"/> (not saved).</summary>
    public async Task RevokeFamilyAsync(Guid familyId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var token in await db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAt == null).ToListAsync(ct))
        {
            token.Revoke(now);
        }
    }

    internal static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

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

using School.Domain.Common;

namespace School.Domain.Accounts;

/// <summary>
/// One refresh token of a sign-in session (a family). Only its hash is kept. Each use replaces it with a new one of the
/// same family; presenting a token that was already used means it was copied, and the whole family is revoked.
/// </summary>
public sealed class RefreshToken : Entity
{
    public const int HashLength = 64;

    private RefreshToken(Guid id, Guid accountId, Guid familyId, string tokenHash, string securityStamp, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
        : base(id)
    {
        AccountId = accountId;
        FamilyId = familyId;
        TokenHash = tokenHash;
        SecurityStamp = securityStamp;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
    }

    public Guid AccountId { get; private set; }

    /// <summary>The sign-in session: the first token's family and every token that replaced it.</summary>
    public Guid FamilyId { get; private set; }

    /// <summary>SHA-256 of the token, hex.</summary>
    public string TokenHash { get; private set; }

    /// <summary>The account's security stamp when the session began; a changed stamp ends the session.</summary>
    public string SecurityStamp { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>When it was exchanged for a new one.</summary>
    public DateTimeOffset? UsedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public static RefreshToken Issue(
        Guid id, Guid accountId, Guid familyId, string tokenHash, string securityStamp, DateTimeOffset now, TimeSpan lifetime) =>
        new(id, accountId, familyId, Guard.Text(tokenHash, nameof(tokenHash), HashLength), securityStamp, now, now + lifetime);

    public bool IsActive(DateTimeOffset now) => UsedAt is null && RevokedAt is null && ExpiresAt > now;

    /// <summary>Whether the token was already exchanged or revoked: presenting it again is a replay.</summary>
    public bool WasSpent => UsedAt is not null || RevokedAt is not null;

    public void MarkUsed(DateTimeOffset now) => UsedAt ??= now;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}

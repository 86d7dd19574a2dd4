using School.Domain.Common;

namespace School.Domain.Calendars;

/// <summary>
/// A secret calendar-feed address for one account. Only a hash of the token is kept; revoking the feed (or asking for
/// a new one) makes the old address answer 404.
/// </summary>
public sealed class CalendarFeed : Entity
{
    private CalendarFeed(Guid id, Guid accountId, string tokenHash, DateTimeOffset createdAt) : base(id)
    {
        AccountId = accountId;
        TokenHash = tokenHash;
        CreatedAt = createdAt;
    }

    public Guid AccountId { get; private set; }

    /// <summary>SHA-256 of the token, hex.</summary>
    public string TokenHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public static CalendarFeed Create(Guid id, Guid accountId, string tokenHash, DateTimeOffset now) =>
        new(id, accountId, Guard.Text(tokenHash, nameof(tokenHash), 128), now);

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}

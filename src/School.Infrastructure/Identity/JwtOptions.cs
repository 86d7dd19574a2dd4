namespace School.Infrastructure.Identity;

/// <summary>Bearer-token settings (section <c>Auth</c>).</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Auth";

    public string Issuer { get; set; } = "school-api";

    public string Audience { get; set; } = "school-api";

    /// <summary>
    /// The HMAC signing key (at least 32 bytes, base64 or plain text). Required outside Development; in Development a
    /// key is generated once and kept in the data directory.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>How long an access token works. Short: a client refreshes it with its refresh token.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a refresh token may be exchanged (each exchange gives a new one with a fresh lifetime).</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// How long an instance trusts the security stamp it last read for an account (at most a minute). A change made on
    /// this instance takes effect at once; one made on another instance within this time.
    /// </summary>
    public TimeSpan SecurityStampCacheDuration { get; set; } = TimeSpan.FromMinutes(1);
}

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

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(60);
}

using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using School.Application.Common.Abstractions;

namespace School.Infrastructure.Identity;

/// <summary>The claim names in the service's bearer tokens.</summary>
public static class SchoolClaims
{
    public const string Subject = JwtRegisteredClaimNames.Sub;
    public const string Email = JwtRegisteredClaimNames.Email;
    public const string PersonId = "person_id";
    public const string PersonKind = "person_kind";
    public const string SchoolId = "school_id";
    public const string PartnershipId = "partnership_id";
    public const string Role = "role";
    public const string SecurityStamp = "stamp";
}

internal sealed class JwtTokenIssuer(IOptions<JwtOptions> options, SigningKeyProvider keys, TimeProvider time) : ITokenIssuer
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public TimeSpan RefreshTokenLifetime => options.Value.RefreshTokenLifetime;

    public AccessToken Issue(TokenSubject subject)
    {
        var jwt = options.Value;
        var now = time.GetUtcNow();
        var expires = now + jwt.AccessTokenLifetime;
        var claims = new Dictionary<string, object>
        {
            [SchoolClaims.Subject] = subject.AccountId.ToString(),
            // Two tokens issued in the same second for the same account still differ.
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            [SchoolClaims.Email] = subject.Email,
            [SchoolClaims.PersonId] = subject.PersonId.ToString(),
            [SchoolClaims.PersonKind] = subject.Kind.ToString(),
            [SchoolClaims.Role] = subject.Roles.ToArray(),
            [SchoolClaims.SecurityStamp] = subject.SecurityStamp,
        };
        if (subject.SchoolId is { } school)
        {
            claims[SchoolClaims.SchoolId] = school.ToString();
        }

        if (subject.PartnershipId is { } partnership)
        {
            claims[SchoolClaims.PartnershipId] = partnership.ToString();
        }

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        });
        return new AccessToken(token, expires);
    }
}

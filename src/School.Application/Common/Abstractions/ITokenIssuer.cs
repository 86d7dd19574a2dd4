using School.Domain.Accounts;

namespace School.Application.Common.Abstractions;

/// <summary>What a bearer token says about its holder.</summary>
public sealed record TokenSubject(
    Guid AccountId, Guid PersonId, PersonKind Kind, Guid? SchoolId, Guid? PartnershipId, IReadOnlyList<string> Roles, string Email,
    string SecurityStamp);

/// <summary>A signed access token and when it stops working.</summary>
public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>
/// What signing in (or refreshing) answers: a short-lived bearer token, and a refresh token that can be exchanged, once,
/// for a new pair.
/// </summary>
public sealed record IssuedToken(string AccessToken, DateTimeOffset ExpiresAt, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt);

public interface ITokenIssuer
{
    AccessToken Issue(TokenSubject subject);

    /// <summary>How long a refresh token may be used (each use replaces it with a new one).</summary>
    TimeSpan RefreshTokenLifetime { get; }
}

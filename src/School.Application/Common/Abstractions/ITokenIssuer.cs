using School.Domain.Accounts;

namespace School.Application.Common.Abstractions;

/// <summary>What a bearer token says about its holder.</summary>
public sealed record TokenSubject(
    Guid AccountId, Guid PersonId, PersonKind Kind, Guid? SchoolId, Guid? PartnershipId, IReadOnlyList<string> Roles, string Email);

public sealed record IssuedToken(string AccessToken, DateTimeOffset ExpiresAt);

public interface ITokenIssuer
{
    IssuedToken Issue(TokenSubject subject);
}

using System.Security.Claims;
using School.Application.Common.Abstractions;
using School.Domain.Accounts;
using School.Domain.Staff;
using School.Infrastructure.Identity;

namespace School.Api.Http;

/// <summary>The signed-in user, read from the bearer token's claims.</summary>
internal sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true && PersonId != Guid.Empty;

    public Guid AccountId => GuidClaim(SchoolClaims.Subject) ?? Guid.Empty;

    public PersonKind Kind => Enum.TryParse<PersonKind>(Principal?.FindFirstValue(SchoolClaims.PersonKind), out var kind) ? kind : default;

    public Guid PersonId => GuidClaim(SchoolClaims.PersonId) ?? Guid.Empty;

    public Guid? SchoolId => GuidClaim(SchoolClaims.SchoolId);

    public Guid? PartnershipId => GuidClaim(SchoolClaims.PartnershipId);

    public StaffRoles StaffRoles => Kind != PersonKind.Staff || Principal is null
        ? StaffRoles.None
        : StaffRoleNames.Combine(Principal.FindAll(SchoolClaims.Role)
            .Select(c => Enum.TryParse<StaffRoles>(c.Value, out var role) ? role : StaffRoles.None));

    private Guid? GuidClaim(string type) => Guid.TryParse(Principal?.FindFirstValue(type), out var id) ? id : null;
}

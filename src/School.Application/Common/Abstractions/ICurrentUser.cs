using School.Domain.Accounts;
using School.Domain.Staff;

namespace School.Application.Common.Abstractions;

/// <summary>Who is calling, as established by authentication. Handlers ask <see cref="Authorization.StudentAccess"/> what that allows.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    Guid AccountId { get; }

    PersonKind Kind { get; }

    /// <summary>The staff member, student or guardian this account belongs to.</summary>
    Guid PersonId { get; }

    Guid? SchoolId { get; }

    Guid? PartnershipId { get; }

    /// <summary>For staff, the roles they hold; otherwise <see cref="StaffRoles.None"/>.</summary>
    StaffRoles StaffRoles { get; }
}

using School.Application.Common.Abstractions;
using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.Staff;

namespace School.Application.Common.Authorization;

/// <summary>School-wide checks that are not about one student: who may list and manage staff and the roster.</summary>
public static class SchoolAccess
{
    /// <summary>The school of a staff member holding any role; staff lists are for staff.</summary>
    public static Result<Guid> RequireStaff(this ICurrentUser user) =>
        user is { IsAuthenticated: true, Kind: PersonKind.Staff, SchoolId: { } schoolId } && user.StaffRoles != StaffRoles.None
            ? schoolId
            : Error.Forbidden("Only staff of a school may do this.");

    /// <summary>The school of a school admin; creating and changing records is for admins.</summary>
    public static Result<Guid> RequireSchoolAdmin(this ICurrentUser user) =>
        user is { IsAuthenticated: true, Kind: PersonKind.Staff, SchoolId: { } schoolId } && user.StaffRoles.HasFlag(StaffRoles.SchoolAdmin)
            ? schoolId
            : Error.Forbidden("Only a school admin may do this.");
}

using School.Application.Common.Abstractions;
using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.Staff;

namespace School.Application.Common.Authorization;

/// <summary>
/// The caller as a member of their school, for records a school owns rather than a child (challenge menus, blocks, day
/// windows, SECURE cycles, a school's part of a trial). Only <see cref="SchoolAccess"/> creates one (an architecture test keeps
/// it so); loaders of a school's records take it and filter by <see cref="SchoolId"/>, so another school's record is as unknown
/// as one that does not exist.
/// </summary>
public sealed class SchoolMember
{
    internal SchoolMember(Guid schoolId, Guid personId, PersonKind kind, StaffRoles roles)
    {
        SchoolId = schoolId;
        PersonId = personId;
        Kind = kind;
        Roles = kind == PersonKind.Staff ? roles : StaffRoles.None;
    }

    /// <summary>The caller's school.</summary>
    public Guid SchoolId { get; }

    /// <summary>The staff member, student or guardian calling.</summary>
    public Guid PersonId { get; }

    /// <summary>Whether the caller is staff, a student or a guardian of the school.</summary>
    public PersonKind Kind { get; }

    /// <summary>For staff, the roles they hold; otherwise none.</summary>
    public StaffRoles Roles { get; }

    /// <summary>A member of staff holding any role.</summary>
    public bool IsStaff => Kind == PersonKind.Staff && Roles != StaffRoles.None;

    /// <summary>A school admin.</summary>
    public bool IsAdmin => Holds(StaffRoles.SchoolAdmin);

    /// <summary>The school's pastoral lead.</summary>
    public bool IsPastoral => Holds(StaffRoles.PastoralLead);

    /// <summary>A pupil of the school.</summary>
    public bool IsStudent => Kind == PersonKind.Student;

    /// <summary>A guardian of a pupil of the school.</summary>
    public bool IsGuardian => Kind == PersonKind.Guardian;

    /// <summary>Whether the caller is staff holding <paramref name="role"/> (every one of the flags given).</summary>
    public bool Holds(StaffRoles role) => Kind == PersonKind.Staff && (Roles & role) == role;

    /// <summary>Whether the caller is staff holding at least one of <paramref name="roles"/>.</summary>
    public bool HoldsAny(StaffRoles roles) => Kind == PersonKind.Staff && (Roles & roles) != 0;
}

/// <summary>School-wide checks that are not about one student: who may see and manage the records a school owns.</summary>
public static class SchoolAccess
{
    /// <summary>Anyone signed in who belongs to a school: its staff, pupils and their guardians (forbidden otherwise, saying <paramref name="because"/>).</summary>
    public static Result<SchoolMember> RequireSchoolMember(this ICurrentUser user, string because = "Only members of a school may do this.") =>
        MemberOf(user) is { } member ? member : Error.Forbidden(because);

    /// <summary>A member of staff holding any role; staff lists are for staff.</summary>
    public static Result<SchoolMember> RequireStaff(this ICurrentUser user) =>
        MemberOf(user) is { IsStaff: true } member ? member : Error.Forbidden("Only staff of a school may do this.");

    /// <summary>A school admin; creating and changing records is for admins.</summary>
    public static Result<SchoolMember> RequireSchoolAdmin(this ICurrentUser user) =>
        MemberOf(user) is { IsAdmin: true } member ? member : Error.Forbidden("Only a school admin may do this.");

    /// <summary>The caller as a member of their school, or null when they belong to none (a partnership or innovation lead).</summary>
    public static SchoolMember? MemberOf(ICurrentUser user) =>
        user is { IsAuthenticated: true, SchoolId: { } schoolId } && user.Kind is PersonKind.Staff or PersonKind.Student or PersonKind.Guardian
            ? new SchoolMember(schoolId, user.PersonId, user.Kind, user.StaffRoles)
            : null;
}

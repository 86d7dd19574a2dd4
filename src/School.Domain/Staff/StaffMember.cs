using School.Domain.Common;

namespace School.Domain.Staff;

/// <summary>A member of a school's staff, holding one or more roles.</summary>
public sealed class StaffMember : Entity
{
    private StaffMember(Guid id, Guid schoolId, string givenName, string familyName, StaffRoles roles) : base(id)
    {
        SchoolId = schoolId;
        GivenName = givenName;
        FamilyName = familyName;
        Roles = roles;
    }

    public Guid SchoolId { get; private set; }

    public string GivenName { get; private set; }

    public string FamilyName { get; private set; }

    public string? Title { get; private set; }

    public StaffRoles Roles { get; private set; }

    public uint Version { get; private set; }

    public string DisplayName => Title is null ? $"{GivenName} {FamilyName}" : $"{Title} {FamilyName}";

    public static StaffMember Create(Guid id, Guid schoolId, string givenName, string familyName, StaffRoles roles, string? title = null)
    {
        var member = new StaffMember(
            id,
            schoolId,
            Guard.Text(givenName, nameof(givenName), PersonName.MaxLength),
            Guard.Text(familyName, nameof(familyName), PersonName.MaxLength),
            RequireRoles(roles));
        member.Title = Guard.OptionalText(title, nameof(title), 20);
        return member;
    }

    public void Update(string givenName, string familyName, string? title, StaffRoles roles)
    {
        GivenName = Guard.Text(givenName, nameof(givenName), PersonName.MaxLength);
        FamilyName = Guard.Text(familyName, nameof(familyName), PersonName.MaxLength);
        Title = Guard.OptionalText(title, nameof(title), 20);
        Roles = RequireRoles(roles);
        Version++;
    }

    public bool HasRole(StaffRoles role) => (Roles & role) == role;

    private static StaffRoles RequireRoles(StaffRoles roles)
    {
        if (roles == StaffRoles.None || (roles & ~StaffRoleNames.All) != 0)
        {
            throw new ArgumentException("A member of staff holds at least one known role.", nameof(roles));
        }

        return roles;
    }
}

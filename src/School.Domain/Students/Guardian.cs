using School.Domain.Common;

namespace School.Domain.Students;

/// <summary>A parent or carer known to a school. What they may see comes from their links to children.</summary>
public sealed class Guardian : Entity
{
    private Guardian(Guid id, Guid schoolId, string givenName, string familyName) : base(id)
    {
        SchoolId = schoolId;
        GivenName = givenName;
        FamilyName = familyName;
    }

    public Guid SchoolId { get; private set; }

    public string GivenName { get; private set; }

    public string FamilyName { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    public static Guardian Create(Guid id, Guid schoolId, string givenName, string familyName, string? email = null, string? phone = null)
    {
        var guardian = new Guardian(
            id,
            schoolId,
            Guard.Text(givenName, nameof(givenName), PersonName.MaxLength),
            Guard.Text(familyName, nameof(familyName), PersonName.MaxLength));
        guardian.Email = Guard.OptionalText(email, nameof(email), 320);
        guardian.Phone = Guard.OptionalText(phone, nameof(phone), 40);
        return guardian;
    }
}

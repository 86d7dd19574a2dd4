using School.Domain.Common;

namespace School.Domain.Accounts;

/// <summary>Which kind of person a sign-in belongs to.</summary>
public enum PersonKind
{
    Staff,
    Student,
    Guardian,
    PartnershipLead,
    InnovationLead,
}

/// <summary>
/// A sign-in (email + password hash) linked to exactly one person. Staff, students and guardians belong to one
/// school; a partnership or innovation lead belongs to a partnership or programme instead.
/// </summary>
public sealed class UserAccount : Entity
{
    public const int EmailMaxLength = 254;

    private UserAccount(Guid id, string email, string normalisedEmail, PersonKind personKind, Guid personId, Guid? schoolId, Guid? partnershipId)
        : base(id)
    {
        Email = email;
        NormalisedEmail = normalisedEmail;
        PersonKind = personKind;
        PersonId = personId;
        SchoolId = schoolId;
        PartnershipId = partnershipId;
    }

    public string Email { get; private set; }

    /// <summary>Upper-case email; unique across the service.</summary>
    public string NormalisedEmail { get; private set; }

    public string PasswordHash { get; private set; } = string.Empty;

    public PersonKind PersonKind { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid? SchoolId { get; private set; }

    public Guid? PartnershipId { get; private set; }

    /// <summary>
    /// Changes whenever what a bearer token says about the account stops being true (locked, new password, new roles,
    /// a guardian's access stopped); tokens carry it and are refused once it no longer matches.
    /// </summary>
    public string SecurityStamp { get; private set; } = NewStamp();

    /// <summary>When an admin locked the account; a locked account cannot sign in and its tokens stop working.</summary>
    public DateTimeOffset? LockedAt { get; private set; }

    public bool IsLocked => LockedAt is not null;

    public DateTimeOffset? LastSignedInAt { get; private set; }

    public static string Normalise(string email) => email.Trim().ToUpperInvariant();

    /// <summary>An account for a member of staff, a student or a guardian of <paramref name="schoolId"/>.</summary>
    public static UserAccount ForSchoolPerson(Guid id, string email, PersonKind kind, Guid personId, Guid schoolId)
    {
        if (kind is not (PersonKind.Staff or PersonKind.Student or PersonKind.Guardian))
        {
            throw new ArgumentException("Only staff, students and guardians belong to a school.", nameof(kind));
        }

        var trimmed = Guard.Text(email, nameof(email), EmailMaxLength);
        return new UserAccount(id, trimmed, Normalise(trimmed), kind, personId, schoolId, null);
    }

    /// <summary>An account for a partnership or innovation lead, who belongs to no single school.</summary>
    public static UserAccount ForLead(Guid id, string email, PersonKind kind, Guid personId, Guid? partnershipId)
    {
        if (kind is not (PersonKind.PartnershipLead or PersonKind.InnovationLead))
        {
            throw new ArgumentException("Only partnership and innovation leads have accounts outside a school.", nameof(kind));
        }

        var trimmed = Guard.Text(email, nameof(email), EmailMaxLength);
        return new UserAccount(id, trimmed, Normalise(trimmed), kind, personId, null, partnershipId);
    }

    /// <summary>Sets the password (already hashed); every token issued before stops working.</summary>
    public void SetPasswordHash(string hash)
    {
        PasswordHash = Guard.Text(hash, nameof(hash), 1000);
        RotateSecurityStamp();
    }

    /// <summary>Locks the account: no sign-in, and every token issued before stops working.</summary>
    public void Lock(DateTimeOffset now)
    {
        LockedAt ??= now;
        RotateSecurityStamp();
    }

    public void Unlock() => LockedAt = null;

    /// <summary>Revokes every token issued so far (access and refresh alike).</summary>
    public void RotateSecurityStamp() => SecurityStamp = NewStamp();

    public void RecordSuccessfulSignIn(DateTimeOffset now) => LastSignedInAt = now;

    private static string NewStamp() => Guid.NewGuid().ToString("N");
}

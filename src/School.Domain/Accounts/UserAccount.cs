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

    public int FailedSignInCount { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

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

    public void SetPasswordHash(string hash) => PasswordHash = Guard.Text(hash, nameof(hash), 1000);

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>Rule: <see cref="SignInLockout.MaxFailures"/> failures in a row lock the account for <see cref="SignInLockout.Duration"/>.</summary>
    public void RecordFailedSignIn(DateTimeOffset now)
    {
        if (IsLockedOut(now))
        {
            return;
        }

        if (LockedUntil is not null)
        {
            // The previous lock has run out: start counting afresh.
            LockedUntil = null;
            FailedSignInCount = 0;
        }

        FailedSignInCount++;
        if (FailedSignInCount >= SignInLockout.MaxFailures)
        {
            LockedUntil = now + SignInLockout.Duration;
        }
    }

    public void RecordSuccessfulSignIn(DateTimeOffset now)
    {
        FailedSignInCount = 0;
        LockedUntil = null;
        LastSignedInAt = now;
    }
}

/// <summary>The sign-in lockout rule: five failures in a row lock an account for fifteen minutes.</summary>
public static class SignInLockout
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);
}

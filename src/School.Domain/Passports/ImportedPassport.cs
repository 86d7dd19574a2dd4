using School.Domain.Common;

namespace School.Domain.Passports;

/// <summary>
/// A learning passport received from another school and attached to a student here: the verified document, kept
/// read-only exactly as it was signed, with who issued it and who imported it.
/// </summary>
public sealed class ImportedPassport : Entity
{
    private ImportedPassport(Guid id, Guid schoolId, Guid studentId, string issuerName, string keyId, string document, string sha256) : base(id)
    {
        SchoolId = schoolId;
        StudentId = studentId;
        IssuerName = issuerName;
        KeyId = keyId;
        Document = document;
        Sha256 = sha256;
    }

    public Guid SchoolId { get; private set; }

    public Guid StudentId { get; private set; }

    public string IssuerName { get; private set; }

    /// <summary>The key that signed it (the JWS "kid").</summary>
    public string KeyId { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>The signed JSON document, byte for byte as verified.</summary>
    public string Document { get; private set; }

    /// <summary>SHA-256 of the whole passport as received: importing the same passport twice is refused.</summary>
    public string Sha256 { get; private set; }

    public Guid ImportedBy { get; private set; }

    public DateTimeOffset ImportedAt { get; private set; }

    public static ImportedPassport Create(
        Guid id, Guid schoolId, Guid studentId, string issuerName, string keyId, DateTimeOffset issuedAt, string document, string sha256, Guid importedBy, DateTimeOffset now) =>
        new(id, schoolId, studentId, Guard.Text(issuerName, nameof(issuerName), 200), Guard.Text(keyId, nameof(keyId), 100), document, sha256)
        {
            IssuedAt = issuedAt,
            ImportedBy = importedBy,
            ImportedAt = now,
        };
}

/// <summary>A passport-signing key of a school outside this deployment that a school here has chosen to trust.</summary>
public sealed class TrustedPassportKey : Entity
{
    private TrustedPassportKey(Guid id, Guid schoolId, string keyId, string issuerName, string publicKeyPem) : base(id)
    {
        SchoolId = schoolId;
        KeyId = keyId;
        IssuerName = issuerName;
        PublicKeyPem = publicKeyPem;
    }

    /// <summary>The school that trusts the key.</summary>
    public Guid SchoolId { get; private set; }

    public string KeyId { get; private set; }

    public string IssuerName { get; private set; }

    public string PublicKeyPem { get; private set; }

    public Guid AddedBy { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public static TrustedPassportKey Create(Guid id, Guid schoolId, string keyId, string issuerName, string publicKeyPem, Guid addedBy, DateTimeOffset now) =>
        new(id, schoolId, Guard.Text(keyId, nameof(keyId), 100), Guard.Text(issuerName, nameof(issuerName), 200), Guard.Text(publicKeyPem, nameof(publicKeyPem), 4000))
        {
            AddedBy = addedBy,
            AddedAt = now,
        };
}

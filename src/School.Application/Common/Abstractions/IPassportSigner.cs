namespace School.Application.Common.Abstractions;

/// <summary>The public half of a school's passport-signing key.</summary>
public sealed record PassportKey(string KeyId, Guid? SchoolId, string PublicKeyPem);

/// <summary>Signs learning passports with the issuing school's key (JWS, ES256) and verifies received ones.</summary>
public interface IPassportSigner
{
    /// <summary>A compact JWS of <paramref name="document"/> signed with the school's key (created on first use).</summary>
    string Sign(Guid schoolId, string document);

    /// <summary>The school's public key, for another deployment to register as trusted.</summary>
    PassportKey PublicKeyOf(Guid schoolId);

    /// <summary>
    /// The key id a passport claims and its payload, if the passport is well-formed and its signature verifies with
    /// <paramref name="keyFor"/>(kid) — null when the key is unknown or untrusted, or anything does not verify.
    /// </summary>
    (string KeyId, string Document)? Verify(string passport, Func<string, string?> keyFor);

    /// <summary>The key id of a PEM-encoded P-256 public key, or null if it is not one.</summary>
    string? KeyIdOf(string publicKeyPem);

    /// <summary>The public key (PEM) of a school of this deployment with that key id, or null.</summary>
    string? DeploymentKey(string keyId);
}

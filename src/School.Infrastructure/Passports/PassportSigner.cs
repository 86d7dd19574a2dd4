using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using School.Application.Common.Abstractions;
using School.Infrastructure.Storage;

namespace School.Infrastructure.Passports;

/// <summary>
/// Compact JWS (RFC 7515) with ES256: each school has an ECDSA P-256 key kept under the data directory
/// (<c>keys/passport/{schoolId}.pem</c>); its key id is the SHA-256 thumbprint of the public key.
/// </summary>
internal sealed class PassportSigner(IOptions<StorageOptions> storage) : IPassportSigner
{
    private static readonly Lock KeyLock = new();
    private static readonly JsonSerializerOptions HeaderJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Sign(Guid schoolId, string document)
    {
        using var key = KeyOf(schoolId);
        var header = JsonSerializer.Serialize(new { alg = "ES256", typ = "learning-passport+jws", kid = KeyId(key) }, HeaderJson);
        var signingInput = $"{Base64Url(Encoding.UTF8.GetBytes(header))}.{Base64Url(Encoding.UTF8.GetBytes(document))}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return $"{signingInput}.{Base64Url(signature)}";
    }

    public PassportKey PublicKeyOf(Guid schoolId)
    {
        using var key = KeyOf(schoolId);
        return new PassportKey(KeyId(key), schoolId, key.ExportSubjectPublicKeyInfoPem());
    }

    public (string KeyId, string Document)? Verify(string passport, Func<string, string?> keyFor)
    {
        var parts = passport.Trim().Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            using var header = JsonDocument.Parse(FromBase64Url(parts[0]));
            if (header.RootElement.GetProperty("alg").GetString() != "ES256"
                || header.RootElement.GetProperty("kid").GetString() is not { } kid
                || keyFor(kid) is not { } pem)
            {
                return null;
            }

            using var key = ECDsa.Create();
            key.ImportFromPem(pem);
            if (KeyId(key) != kid)
            {
                return null;
            }

            var valid = key.VerifyData(
                Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), FromBase64Url(parts[2]), HashAlgorithmName.SHA256,
                DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            return valid ? (kid, Encoding.UTF8.GetString(FromBase64Url(parts[1]))) : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or CryptographicException or ArgumentException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    public string? KeyIdOf(string publicKeyPem)
    {
        // Only a public key (SubjectPublicKeyInfo) is accepted: a private key must never be registered or echoed.
        if (!PemEncoding.TryFind(publicKeyPem, out var fields) || publicKeyPem[fields.Label] is not "PUBLIC KEY")
        {
            return null;
        }

        try
        {
            using var key = ECDsa.Create();
            key.ImportFromPem(publicKeyPem);
            return key.KeySize == 256 ? KeyId(key) : null;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            return null;
        }
    }

    public string? DeploymentKey(string keyId)
    {
        var folder = Path.Combine(storage.Value.FullRoot, "keys", "passport");
        if (!Directory.Exists(folder))
        {
            return null;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.pem"))
        {
            using var key = ECDsa.Create();
            key.ImportFromPem(File.ReadAllText(file));
            if (KeyId(key) == keyId)
            {
                return key.ExportSubjectPublicKeyInfoPem();
            }
        }

        return null;
    }

    private ECDsa KeyOf(Guid schoolId)
    {
        var path = storage.Value.PathFor(Path.Combine("keys", "passport", $"{schoolId}.pem"));
        lock (KeyLock)
        {
            // Instances sharing the data directory may both find no key: the first one written is every instance's key.
            var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            key.ImportFromPem(SharedFile.ReadOrCreate(path, key.ExportPkcs8PrivateKeyPem));
            return key;
        }
    }

    /// <summary>The key id: base64url SHA-256 of the public key's SubjectPublicKeyInfo.</summary>
    private static string KeyId(ECDsa key) => Base64Url(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    /// <summary>Decodes base64url; anything that is not throws <see cref="FormatException"/>, which verification treats as a failure.</summary>
    private static byte[] FromBase64Url(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);
}

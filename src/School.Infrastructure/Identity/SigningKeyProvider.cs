using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using School.Infrastructure.Storage;

namespace School.Infrastructure.Identity;

/// <summary>
/// Supplies the token signing key: from configuration when set; in Development generated once and kept under the
/// data directory; anywhere else its absence stops the service from starting.
/// </summary>
public sealed class SigningKeyProvider(IOptions<JwtOptions> jwt, IOptions<StorageOptions> storage, IHostEnvironment environment)
{
    private const int MinimumKeyBytes = 32;
    private readonly Lazy<SymmetricSecurityKey> _key = new(() => Load(jwt.Value, storage.Value, environment));

    public SymmetricSecurityKey Key => _key.Value;

    private static SymmetricSecurityKey Load(JwtOptions jwt, StorageOptions storage, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(jwt.SigningKey))
        {
            return ToKey(jwt.SigningKey, "Auth:SigningKey");
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                "Auth:SigningKey is not configured. Outside Development the service needs a signing key of at least " +
                $"{MinimumKeyBytes} bytes (base64), e.g. from the environment variable Auth__SigningKey.");
        }

        var path = storage.PathFor(Path.Combine("keys", "jwt-signing.key"));
        return ToKey(SharedFile.ReadOrCreate(path, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(64))).Trim(), path);
    }

    private static SymmetricSecurityKey ToKey(string value, string source)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            bytes = Encoding.UTF8.GetBytes(value);
        }

        return bytes.Length >= MinimumKeyBytes
            ? new SymmetricSecurityKey(bytes)
            : throw new InvalidOperationException($"The signing key in {source} is shorter than {MinimumKeyBytes} bytes.");
    }
}

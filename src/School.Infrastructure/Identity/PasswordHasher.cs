using Microsoft.AspNetCore.Identity;
using School.Domain.Accounts;

namespace School.Infrastructure.Identity;

/// <summary>ASP.NET Core Identity's PBKDF2 password hasher behind the application's abstraction.</summary>
internal sealed class PasswordHasher : Application.Common.Abstractions.IPasswordHasher
{
    private readonly PasswordHasher<UserAccount> _inner = new();

    public string Hash(string password) => _inner.HashPassword(null!, password);

    public bool Verify(string hash, string password)
    {
        try
        {
            return _inner.VerifyHashedPassword(null!, hash, password) != PasswordVerificationResult.Failed;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

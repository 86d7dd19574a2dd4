using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using School.Infrastructure.Persistence;

namespace School.Infrastructure.Identity;

/// <summary>
/// The current security stamp of each account, as this instance last read it: cached for at most a minute, and dropped
/// the moment this instance saves a new stamp (<see cref="SchoolDbContext"/> calls <see cref="Forget"/>). A bearer token
/// whose stamp no longer matches, or whose account is locked or gone, is refused.
/// </summary>
public sealed class SecurityStamps(IMemoryCache cache, IOptions<JwtOptions> options)
{
    private static readonly TimeSpan MaxCacheDuration = TimeSpan.FromMinutes(1);

    /// <summary>The account's stamp, or null when it is locked or does not exist (no token of it is good).</summary>
    public async Task<string?> CurrentAsync(Guid accountId, SchoolDbContext db, CancellationToken ct)
    {
        if (cache.TryGetValue(Key(accountId), out string? cached))
        {
            return cached;
        }

        var stamp = await db.UserAccounts.AsNoTracking()
            .Where(a => a.Id == accountId && a.LockedAt == null)
            .Select(a => a.SecurityStamp)
            .SingleOrDefaultAsync(ct);
        var duration = options.Value.SecurityStampCacheDuration;
        cache.Set(Key(accountId), stamp, duration > MaxCacheDuration || duration <= TimeSpan.Zero ? MaxCacheDuration : duration);
        return stamp;
    }

    public void Forget(Guid accountId) => cache.Remove(Key(accountId));

    /// <summary>The bearer scheme's check, after the signature and lifetime are good.</summary>
    internal static async Task ValidateAsync(TokenValidatedContext context)
    {
        var principal = context.Principal;
        var stamp = principal?.FindFirstValue(SchoolClaims.SecurityStamp);
        if (!Guid.TryParse(principal?.FindFirstValue(SchoolClaims.Subject), out var accountId) || string.IsNullOrEmpty(stamp))
        {
            context.Fail("The token carries no account or security stamp.");
            return;
        }

        var services = context.HttpContext.RequestServices;
        var current = await services.GetRequiredService<SecurityStamps>()
            .CurrentAsync(accountId, services.GetRequiredService<SchoolDbContext>(), context.HttpContext.RequestAborted);
        if (!string.Equals(current, stamp, StringComparison.Ordinal))
        {
            context.Fail("The account was locked or changed since the token was issued.");
        }
    }

    private static string Key(Guid accountId) => $"security-stamp:{accountId:N}";
}

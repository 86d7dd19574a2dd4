using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using School.Application.Auth.IssueToken;
using School.Domain.Accounts;

namespace School.Api.Http;

/// <summary>Limits on signing in (section <c>Auth:Throttle</c>). Each instance counts for itself.</summary>
public sealed class SignInThrottleOptions
{
    public const string SectionName = "Auth:Throttle";

    /// <summary>Sign-in requests (token, refresh, sign-out) one client address may make per <see cref="PerClientWindow"/>.</summary>
    public int PerClientPermits { get; set; } = 60;

    public TimeSpan PerClientWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Sign-in attempts for one account, from all addresses together, per <see cref="PerAccountWindow"/>.</summary>
    public int PerAccountPermits { get; set; } = 20;

    public TimeSpan PerAccountWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Wrong passwords in a row, from one address for one account, before that address must wait.</summary>
    public int FreeFailures { get; set; } = 5;

    /// <summary>The first wait; each further failure doubles it, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Throttling of sign-in, never a lock-out: someone who knows a parent's e-mail can slow down their own guesses but
/// cannot stop the parent signing in from elsewhere. Three limits, all answered alike with <c>429</c>, a
/// <c>Retry-After</c> header and a problem document (<c>auth.throttled</c>):
/// per client address (ASP.NET Core rate limiting), per account across all addresses (a fixed window), and an
/// exponential delay for an address that keeps getting one account's password wrong (from the injected clock).
/// </summary>
internal static class SignInThrottling
{
    public const string PolicyName = "sign-in";
    public const string Code = "auth.throttled";

    public static IServiceCollection AddSignInThrottling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignInThrottleOptions>().Bind(configuration.GetSection(SignInThrottleOptions.SectionName));
        services.AddSingleton<SignInThrottle>();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PolicyName, http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<SignInThrottleOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(ClientOf(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, options.PerClientPermits),
                    Window = options.PerClientWindow,
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = (context, _) => new ValueTask(WriteThrottledAsync(
                context.HttpContext,
                context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1)));
        });
        return services;
    }

    /// <summary>The per-address limit on this endpoint and, for sign-in itself, the per-account limits.</summary>
    public static RouteHandlerBuilder WithSignInThrottling(this RouteHandlerBuilder endpoint, bool perAccount)
    {
        endpoint.RequireRateLimiting(PolicyName);
        return perAccount ? endpoint.AddEndpointFilter<AccountThrottleFilter>() : endpoint;
    }

    /// <summary>The client's address as the server sees it (behind a proxy, configure forwarded headers for the proxy only).</summary>
    public static string ClientOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public static async Task WriteThrottledAsync(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Detail = $"Too many sign-in attempts. Try again in {seconds} seconds.",
            Extensions = { ["code"] = Code },
        };
        await http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    /// <summary>Checks the account limits before the password is checked, and counts the outcome after.</summary>
    private sealed class AccountThrottleFilter(SignInThrottle throttle) : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            if (context.Arguments.OfType<IssueTokenCommand>().FirstOrDefault() is not { Email: { Length: > 0 and <= UserAccount.EmailMaxLength } email })
            {
                return await next(context);
            }

            var account = UserAccount.Normalise(email);
            var client = ClientOf(context.HttpContext);
            if (throttle.Refuse(account, client) is { } retryAfter)
            {
                await WriteThrottledAsync(context.HttpContext, retryAfter);
                return Results.Empty;
            }

            var result = await next(context);
            var status = (result is INestedHttpResult nested ? nested.Result : result as IResult) is IStatusCodeHttpResult { StatusCode: { } code } ? code : 0;
            if (status == StatusCodes.Status401Unauthorized)
            {
                throttle.RecordFailure(account, client);
            }
            else if (status == StatusCodes.Status200OK)
            {
                throttle.RecordSuccess(account, client);
            }

            return result;
        }
    }
}

/// <summary>The per-account limits' state: a fixed window per account, and the failures of each (account, address).</summary>
internal sealed class SignInThrottle(IOptions<SignInThrottleOptions> options, TimeProvider time, IMemoryCache cache) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAccount = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.PerAccountPermits),
            Window = options.Value.PerAccountWindow,
            QueueLimit = 0,
        }));

    /// <summary>How long the caller must wait, or null when this attempt may go ahead (and counts against the account).</summary>
    public TimeSpan? Refuse(string account, string client)
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue(Key(account, client), out Failures? failures) && failures!.NotBefore > now)
        {
            return failures.NotBefore - now;
        }

        using var lease = _perAccount.AttemptAcquire(account);
        if (!lease.IsAcquired)
        {
            return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : options.Value.PerAccountWindow;
        }

        return null;
    }

    public void RecordFailure(string account, string client)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var count = (cache.TryGetValue(Key(account, client), out Failures? failures) ? failures!.Count : 0) + 1;
        var notBefore = now;
        if (count >= o.FreeFailures)
        {
            // 1 s, 2 s, 4 s, ... after the free failures, never more than the maximum.
            var doublings = Math.Min(count - o.FreeFailures, 30);
            var delay = TimeSpan.FromTicks(Math.Min(o.MaxDelay.Ticks, o.FirstDelay.Ticks * (1L << doublings)));
            notBefore = now + delay;
        }

        // Forgotten (in real time) once the longest wait is long past, so the memory an attacker can fill stays bounded in time.
        cache.Set(Key(account, client), new Failures(count, notBefore), o.MaxDelay + o.MaxDelay);
    }

    public void RecordSuccess(string account, string client) => cache.Remove(Key(account, client));

    public void Dispose() => _perAccount.Dispose();

    private static string Key(string account, string client) => $"sign-in-failures:{client}:{account}";

    private sealed record Failures(int Count, DateTimeOffset NotBefore);
}

using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace School.Api.Tests.Infrastructure;

/// <summary>
/// The real API over real HTTP (TestServer) on a real database (a SQLite file, or PostgreSQL when the run asks for it; see
/// <see cref="TestDatabase"/>): a copy of a template database that was migrated and seeded with the demo data once per
/// test run. Each factory has its own copy and its own fake clock.
/// </summary>
public class SchoolApiFactory : WebApplicationFactory<Program>
{
    /// <summary>Monday 7 September 2026, 08:00 UTC: the start of the demo autumn term.</summary>
    public static readonly DateTimeOffset Start = new(2026, 9, 7, 8, 0, 0, TimeSpan.Zero);

    public const string SigningKey = "dGVzdC1zaWduaW5nLWtleS10aGF0LWlzLWF0LWxlYXN0LTMyLWJ5dGVzLWxvbmctISE=";

    private readonly ConcurrentDictionary<string, TokenResponse> _tokens = new(StringComparer.OrdinalIgnoreCase);

    public SchoolApiFactory() : this(copyTemplate: true) { }

    protected SchoolApiFactory(bool copyTemplate)
    {
        DataDirectory = Directory.CreateTempSubdirectory("school-api-tests-").FullName;
        if (copyTemplate)
        {
            var template = Template.Value;
            Database = TestDatabase.Create(DataDirectory, template.Database);
            // The files the demo data keeps beside the database (portfolio evidence) come along with it.
            CopyDirectory(Path.Combine(template.DataDirectory, "evidence"), Path.Combine(DataDirectory, "evidence"));
        }
        else
        {
            Database = TestDatabase.Create(DataDirectory, template: null);
        }
    }

    public string DataDirectory { get; }

    public TestDatabase Database { get; }

    public FakeTimeProvider Time { get; } = new(Start);

    /// <summary>The environment the host runs in; a test about start-up rules can change it.</summary>
    protected virtual string EnvironmentName => "Testing";

    /// <summary>Settings for the host; a test about start-up rules can change them.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Database.Provider,
        ["ConnectionStrings:School"] = Database.ConnectionString,
        ["Storage:Root"] = DataDirectory,
        ["Auth:SigningKey"] = SigningKey,
        ["Seeding:DemoData"] = "true",
        // Hangfire's server polls on the real clock; tests run jobs themselves (a test that needs the server turns it on).
        ["Hangfire:Server"] = "false",
        // As in Development: the deployment's operator, who alone may change jobs on the dashboard.
        ["Hangfire:Operators:0"] = Accounts.Admin,
        // The suite signs in many times from one test "address" and moves its clock by minutes with clients in hand;
        // ProductionLimitsApiFactory runs with the real defaults (15-minute tokens, strict sign-in limits).
        ["Auth:AccessTokenLifetime"] = "01:00:00",
        ["Auth:Throttle:PerClientPermits"] = "100000",
        ["Auth:Throttle:PerAccountPermits"] = "100000",
    };

    /// <summary>The test-only header that sets the caller's address (TestServer has none); production trusts no such header.</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>An anonymous client whose requests come from <paramref name="address"/>.</summary>
    public HttpClient ClientFrom(string address)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(ClientAddressHeader, address);
        return client;
    }

    /// <summary>Signs in again as <paramref name="email"/> (the cached token may have been revoked), and caches the new token.</summary>
    public Task<HttpClient> SignInAgain(string email, string password = School.Infrastructure.Seeding.DemoData.Password)
    {
        _tokens.TryRemove(email, out _);
        return ClientFor(email, password);
    }

    /// <summary>An HTTP client signed in as <paramref name="email"/> (a demo account unless the test created another).</summary>
    public async Task<HttpClient> ClientFor(string email, string password = School.Infrastructure.Seeding.DemoData.Password)
    {
        var client = CreateClient();
        // Tokens are reused while the fake clock says they are fresh (signing in hashes a password, which is slow on purpose).
        if (!_tokens.TryGetValue(email, out var token) || token.ExpiresAt <= Time.GetUtcNow().AddMinutes(5))
        {
            using var anonymous = CreateClient();
            var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { email, password });
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!;
            _tokens[email] = token;
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseDefaultServiceProvider(options =>
        {
            options.ValidateScopes = true;
            options.ValidateOnBuild = true;
        });
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            services.AddTransient<IStartupFilter, TestClientAddress>();
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Database.Dispose();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is left for the OS to clean; it is in the temp directory.
            }
        }
    }

    private static void CopyDirectory(string source, string target)
    {
        if (!Directory.Exists(source))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

    /// <summary>Gives each request the address named by <see cref="ClientAddressHeader"/>, before anything else runs.</summary>
    private sealed class TestClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientAddressHeader, out var value) && IPAddress.TryParse(value, out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>A new copy of the demo database, for a test that runs the API some other way (as separate processes).</summary>
    public static TestDatabase CopyOfDemoDatabase(string dataDirectory) => TestDatabase.Create(dataDirectory, Template.Value.Database);

    /// <summary>Migrates and seeds one database per test run (and its evidence files); every factory copies it.</summary>
    private static readonly Lazy<(string Database, string DataDirectory)> Template = new(() =>
    {
        using var seeding = new SchoolApiFactory(copyTemplate: false);
        _ = seeding.Services; // starts the host: migrations and demo data
        var files = Directory.CreateTempSubdirectory("school-api-template-files-").FullName;
        CopyDirectory(Path.Combine(seeding.DataDirectory, "evidence"), Path.Combine(files, "evidence"));
        return (seeding.Database.SaveAsTemplate(), files);
    }, LazyThreadSafetyMode.ExecutionAndPublication);
}

using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
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
    };

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

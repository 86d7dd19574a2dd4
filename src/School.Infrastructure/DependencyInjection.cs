using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using School.Application.Common.Abstractions;
using School.Infrastructure.Identity;
using School.Infrastructure.Jobs;
using School.Infrastructure.Persistence;
using School.Infrastructure.Seeding;
using School.Infrastructure.Storage;

namespace School.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "School";
    public const string ReadyTag = "ready";

    /// <summary>Persistence, identity (password hashing, bearer tokens), the clock and start-up database work.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName));
        services.AddOptions<JwtOptions>().Bind(configuration.GetSection(JwtOptions.SectionName));
        services.AddOptions<School.Application.Portfolios.PortfolioOptions>().Bind(configuration.GetSection(School.Application.Portfolios.PortfolioOptions.SectionName));

        // The provider decides which services are registered, so it is read here, once, rather than bound as options.
        var provider = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    $"Database:Provider is Postgres but ConnectionStrings:{ConnectionStringName} is not set. Give the PostgreSQL connection string, e.g. \"Host=db;Database=school;Username=school;Password=...\".");
            }

            services.AddDbContext<PostgresSchoolDbContext>(options => options.UseNpgsql(connectionString, postgres => postgres
                .MigrationsAssembly(typeof(SchoolDbContext).Assembly.FullName)
                // Two instances writing the same rows can deadlock; PostgreSQL aborts one, and its save is simply retried.
                .EnableRetryOnFailure(maxRetryCount: 3)));
            services.AddScoped<SchoolDbContext>(sp => sp.GetRequiredService<PostgresSchoolDbContext>());
        }
        else
        {
            services.AddDbContext<SqliteSchoolDbContext>((sp, options) =>
            {
                var sqlite = connectionString;
                if (string.IsNullOrWhiteSpace(sqlite))
                {
                    var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
                    sqlite = $"Data Source={storage.PathFor("school.db")}";
                }

                options.UseSqlite(sqlite, o => o.MigrationsAssembly(typeof(SchoolDbContext).Assembly.FullName));
            });
            services.AddScoped<SchoolDbContext>(sp => sp.GetRequiredService<SqliteSchoolDbContext>());
        }

        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<SchoolDbContext>());

        services.AddSingleton<IPasswordHasher, PasswordHasher>();
        services.AddSingleton<SigningKeyProvider>();
        services.AddSingleton<ITokenIssuer, JwtTokenIssuer>();
        services.AddMemoryCache();
        services.AddSingleton<SecurityStamps>();
        services.AddSingleton<IFileStore, LocalFileStore>();
        services.AddSingleton<IPassportSigner, Passports.PassportSigner>();
        services.AddOptions<School.Application.Mentoring.Sweep.MentoringOptions>().Bind(configuration.GetSection(School.Application.Mentoring.Sweep.MentoringOptions.SectionName));
        services.AddOptions<Notifications.EmailOptions>().Bind(configuration.GetSection(Notifications.EmailOptions.SectionName))
            .PostConfigure<Microsoft.Extensions.Hosting.IHostEnvironment>((email, env) => email.PickupDirectory ??= env.IsProduction() ? null : "mail");
        services.AddSingleton<IEmailSender>(sp =>
        {
            var email = sp.GetRequiredService<IOptions<Notifications.EmailOptions>>().Value;
            if (!string.IsNullOrWhiteSpace(email.SmtpHost))
            {
                return ActivatorUtilities.CreateInstance<Notifications.SmtpEmailSender>(sp);
            }

            return string.IsNullOrWhiteSpace(email.PickupDirectory)
                ? new Notifications.NoEmailSender()
                : ActivatorUtilities.CreateInstance<Notifications.PickupDirectoryEmailSender>(sp);
        });
        services.AddBackgroundJobs(configuration, provider, connectionString);
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<DatabaseInitializer>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyProvider, IOptions<JwtOptions>, TimeProvider>((bearer, keys, jwt, time) =>
            {
                bearer.MapInboundClaims = false;
                bearer.TimeProvider = time;
                // A token is good only while its account's security stamp is unchanged (not locked, same roles and password).
                bearer.Events = new JwtBearerEvents { OnTokenValidated = SecurityStamps.ValidateAsync };
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Value.Issuer,
                    ValidAudience = jwt.Value.Audience,
                    IssuerSigningKey = keys.Key,
                    NameClaimType = SchoolClaims.Email,
                    RoleClaimType = SchoolClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    // Lifetime is checked against the injected clock, so tests can move time.
                    LifetimeValidator = (notBefore, expires, _, parameters) =>
                    {
                        var now = time.GetUtcNow().UtcDateTime;
                        return (notBefore is null || now + parameters.ClockSkew >= notBefore)
                            && expires is { } exp && now - parameters.ClockSkew < exp;
                    },
                };
            });

        // Everything the service writes lives under the data directory, the framework's data-protection keys included.
        services.AddDataProtection();
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<StorageOptions>, ILoggerFactory>((keys, storage, logs) =>
            keys.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.GetDirectoryName(storage.Value.PathFor(Path.Combine("keys", "data-protection", "keys.xml")))!), logs));

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        return services;
    }
}

/// <summary>Ready when the database answers a query.</summary>
internal sealed class DatabaseHealthCheck(SchoolDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database does not answer.");
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}

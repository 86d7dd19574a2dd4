using System.Text.Json.Serialization;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Scalar.AspNetCore;
using School.Api.Endpoints;
using School.Api.Http;
using School.Api.Http.OpenApi;
using School.Application;
using School.Application.Common.Abstractions;
using School.Application.Common.Behaviours;
using School.Infrastructure;
using School.Infrastructure.Identity;
using School.Infrastructure.Jobs;
using School.Infrastructure.Persistence;
using School.Infrastructure.Seeding;

var builder = WebApplication.CreateBuilder(args);

builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 1024 * 1024);

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddMediator((MediatorOptions options) =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(School.Application.DependencyInjection)];
    options.PipelineBehaviors = [typeof(ValidationBehaviour<,>)];
});

builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, CurrentUser>();
builder.Services.AddSignInThrottling(builder.Configuration);

// Every endpoint needs a signed-in user unless it says otherwise (sign-in, health, API docs).
builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

// Problem documents (RFC 9457) for every error, each with a trace id and never a stack trace.
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
{
    context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
    context.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
    ProblemCodes.AddDefaultCode(context);
});
builder.Services.AddExceptionHandler<ExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.Configure<JsonOptions>(options =>
{
    options.SerializerOptions.Converters.Add(new StrictEnumConverterFactory());
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
    options.SerializerOptions.Converters.Add(new TimeOnlyJsonConverter());
    options.SerializerOptions.Converters.Add(new NoNulStringConverter());
    // Numbers are JSON numbers: "7" for a year group is refused (400), as the OpenAPI document says (type: integer).
    options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
    // Required fields, null for fields that are not nullable, and the longest text: one contract for every request body.
    RequestContract.Configure(options.SerializerOptions);
});

builder.Services.AddSchoolOpenApi();

var app = builder.Build();

// Fail fast: outside Development a missing signing key stops the service here, not on the first sign-in.
_ = app.Services.GetRequiredService<SigningKeyProvider>().Key;

var seedDemoData = app.Configuration.GetValue("Seeding:DemoData", false);
await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(seedDemoData);
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseNulCharacterGuard();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseRecordVisibility();

app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(School.Infrastructure.DependencyInjection.ReadyTag) })
    .AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference().AllowAnonymous();

app.MapAuthEndpoints();
app.MapStudentEndpoints();
app.MapStaffEndpoints();
app.MapTimetableEndpoints();
app.MapPortfolioEndpoints();
app.MapLearningPlanEndpoints();
app.MapPassportEndpoints();
app.MapMentoringEndpoints();
app.MapSecureEndpoints();
app.MapChallengeEndpoints();
app.MapPeerTutoringEndpoints();
app.MapInnovationEndpoints();
app.MapJobsDashboard();
app.MapNotificationEndpoints();

if (seedDemoData && app.Logger.IsEnabled(LogLevel.Information))
{
    app.Lifetime.ApplicationStarted.Register(() =>
    {
        var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
        app.Logger.LogInformation(
            "School API at {Addresses} (API reference at /scalar). Demo accounts, password {Password}:{NewLine}{Accounts}",
            string.Join(", ", addresses), DemoData.Password, Environment.NewLine,
            string.Join(Environment.NewLine, DemoData.Accounts.Select(a => $"  {a.Email,-26} {a.Description}")));
    });
}

await app.RunAsync();

/// <summary>The entry point, visible to the HTTP tests' WebApplicationFactory.</summary>
public partial class Program;

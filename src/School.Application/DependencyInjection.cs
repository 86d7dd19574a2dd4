using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using School.Application.Common.Authorization;

namespace School.Application;

public static class DependencyInjection
{
    /// <summary>Registers validators, the student authorization service and the services background jobs share with use cases. Mediator itself is wired by the host.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        // A rule stops at its first failure, so a missing list is reported as missing, not inspected further.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        // Validators are stateless (their only dependencies are singletons), so each is built once: building one compiles its
        // rules, which cost more per request than validating did.
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddScoped<StudentAccess>();
        services.AddScoped<RecordVisibility>();
        services.AddScoped<Auth.SignInSessions>();
        services.AddScoped<Mentoring.Sweep.MentoringSweep>();
        services.AddScoped<Notifications.Delivery.NotificationDelivery>();
        return services;
    }
}

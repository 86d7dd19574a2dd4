using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using School.Application.Common.Authorization;

namespace School.Application;

public static class DependencyInjection
{
    /// <summary>Registers validators and the student authorization service. Mediator itself is wired by the host.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddScoped<StudentAccess>();
        return services;
    }
}

using System.Reflection;

namespace School.Architecture.Tests;

/// <summary>The four assemblies of the service, innermost first.</summary>
internal static class Layers
{
    public static readonly Assembly Domain = typeof(School.Domain.Common.Entity).Assembly;

    public static readonly Assembly Application = typeof(School.Application.DependencyInjection).Assembly;

    public static readonly Assembly Infrastructure = typeof(School.Infrastructure.DependencyInjection).Assembly;

    public static readonly Assembly Api = typeof(Program).Assembly;
}

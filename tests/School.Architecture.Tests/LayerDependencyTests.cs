using NetArchTest.Rules;

namespace School.Architecture.Tests;

public class LayerDependencyTests
{
    [Fact]
    public void Domain_DependsOnNoFrameworkAndNoOuterLayer()
    {
        var result = Types.InAssembly(Layers.Domain)
            .ShouldNot()
            .HaveDependencyOnAny(
                "Microsoft.EntityFrameworkCore",
                "Microsoft.AspNetCore",
                "School.Application",
                "School.Infrastructure",
                "School.Api",
                "Mediator",
                "FluentValidation")
            .GetResult();

        ArchAssert.Passes(result, "School.Domain must not use EF Core, ASP.NET Core, Mediator, FluentValidation or any outer layer.");
    }

    [Fact]
    public void Domain_ReferencesNoAssemblyButTheRuntime()
    {
        var references = Layers.Domain.GetReferencedAssemblies()
            .Select(a => a.Name ?? string.Empty)
            .Where(name => !name.StartsWith("System", StringComparison.Ordinal) && name != "netstandard");

        ArchAssert.NoneBreak(references, "School.Domain must reference only the .NET runtime.");
    }

    [Fact]
    public void Application_DependsOnNoOuterLayerWebOrDatabaseProvider()
    {
        var result = Types.InAssembly(Layers.Application)
            .ShouldNot()
            .HaveDependencyOnAny(
                "School.Infrastructure",
                "School.Api",
                "Microsoft.AspNetCore",
                "Microsoft.EntityFrameworkCore.Sqlite",
                "Microsoft.Data.Sqlite",
                "Npgsql")
            .GetResult();

        ArchAssert.Passes(result, "School.Application must not use Infrastructure, the API, ASP.NET Core or a database provider.");
    }

    /// <summary>
    /// The provider's extension methods (UseSqlite, UseNpgsql) live in the Microsoft.EntityFrameworkCore namespace,
    /// which Application may use, so the namespace check above cannot see them; the assembly references can.
    /// </summary>
    [Fact]
    public void Application_ReferencesNoDatabaseProviderOrOuterLayerAssembly()
    {
        string[] forbidden =
        [
            "School.Infrastructure",
            "School.Api",
            "Microsoft.EntityFrameworkCore.Sqlite",
            "Microsoft.Data.Sqlite",
            "Npgsql",
            "Npgsql.EntityFrameworkCore.PostgreSQL",
        ];

        var references = Layers.Application.GetReferencedAssemblies()
            .Select(a => a.Name ?? string.Empty)
            .Where(name => forbidden.Contains(name) || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));

        ArchAssert.NoneBreak(references, "School.Application must not reference a database provider, ASP.NET Core or an outer layer.");
    }

    [Fact]
    public void Infrastructure_DoesNotDependOnTheApi()
    {
        var result = Types.InAssembly(Layers.Infrastructure)
            .ShouldNot()
            .HaveDependencyOn("School.Api")
            .GetResult();

        ArchAssert.Passes(result, "School.Infrastructure must not use School.Api.");
    }
}

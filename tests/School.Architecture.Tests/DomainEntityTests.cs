using System.Reflection;
using School.Domain.Common;

namespace School.Architecture.Tests;

public class DomainEntityTests
{
    [Fact]
    public void Entities_HaveNoPublicSetters()
    {
        var entities = Layers.Domain.GetTypes().Where(t => t.IsClass && t.IsSubclassOf(typeof(Entity))).ToList();
        Assert.NotEmpty(entities);

        var publicSetters =
            from entity in entities
            from property in entity.GetProperties(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            let setter = property.SetMethod
            where setter is not null && (setter.IsPublic || setter.IsAssembly || setter.IsFamilyOrAssembly)
            select $"{entity.FullName}.{property.Name}";

        ArchAssert.NoneBreak(publicSetters, "Domain entities change through their methods, so no property may have a public (or internal) setter.");
    }
}

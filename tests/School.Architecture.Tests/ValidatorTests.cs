using System.Reflection;
using FluentValidation;
using Mediator;

namespace School.Architecture.Tests;

public class ValidatorTests
{
    [Fact]
    public void Application_HasMessages()
    {
        // Guards the rule below against passing because it found nothing to check.
        Assert.NotEmpty(Messages());
    }

    [Fact]
    public void MessagesWithInput_HaveAValidator()
    {
        var validated = Layers.Application.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
            .Select(i => i.GetGenericArguments()[0])
            .ToHashSet();

        var unvalidated =
            from message in Messages()
            let inputs = InputMembers(message).ToList()
            where inputs.Count > 0 && !validated.Contains(message)
            select $"{message.FullName} ({string.Join(", ", inputs.Select(p => p.Name))})";

        ArchAssert.NoneBreak(
            unvalidated,
            "A command or query that carries a value other than an id (a number, text, date, enum or list) has a FluentValidation validator giving each its range.");
    }

    /// <summary>Every concrete Mediator message (command, query, request) in School.Application.</summary>
    private static IEnumerable<Type> Messages() =>
        Layers.Application.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMessage).IsAssignableFrom(t)
            && !typeof(INotification).IsAssignableFrom(t));

    /// <summary>
    /// The members a caller fills in that can be out of range. An id (a <see cref="Guid"/>) is checked by looking the
    /// record up, the version an If-Match names by comparing it with the record's (412), and a yes/no has no range;
    /// everything else needs a rule.
    /// </summary>
    private static IEnumerable<PropertyInfo> InputMembers(Type message) =>
        message.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is not null && p.GetIndexParameters().Length == 0)
            .Where(p => !IsIdVersionOrFlag(p));

    private static bool IsIdVersionOrFlag(PropertyInfo member)
    {
        var type = Nullable.GetUnderlyingType(member.PropertyType) ?? member.PropertyType;
        return type == typeof(Guid) || type == typeof(bool) || (type == typeof(uint) && member.Name.StartsWith("Expected", StringComparison.Ordinal));
    }
}

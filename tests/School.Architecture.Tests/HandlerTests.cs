using Mediator;
using NetArchTest.Rules;

namespace School.Architecture.Tests;

public class HandlerTests
{
    /// <summary>Mediator's handler interfaces; the first type argument of each is the message handled.</summary>
    private static readonly Type[] _handlerInterfaces =
    [
        typeof(ICommandHandler<,>),
        typeof(ICommandHandler<>),
        typeof(IQueryHandler<,>),
        typeof(IRequestHandler<,>),
        typeof(IRequestHandler<>),
        typeof(IStreamCommandHandler<,>),
        typeof(IStreamQueryHandler<,>),
        typeof(IStreamRequestHandler<,>),
        typeof(INotificationHandler<>),
    ];

    [Fact]
    public void Application_HasHandlers()
    {
        // Guards the rules below against passing because they found nothing to check.
        Assert.NotEmpty(Handlers());
    }

    [Fact]
    public void Handlers_AreSealed()
    {
        var result = HandlerTypes().Should().BeSealed().GetResult();

        ArchAssert.Passes(result, "Every Mediator handler in School.Application must be sealed.");
    }

    [Fact]
    public void Handlers_AreNotPublic()
    {
        var result = HandlerTypes().Should().NotBePublic().GetResult();

        ArchAssert.Passes(result, "Every Mediator handler in School.Application must be internal; callers send messages, not call handlers.");
    }

    [Fact]
    public void HandlerRule_SeesEveryHandler()
    {
        // NetArchTest finds handlers by their interfaces; check it finds the same ones reflection does.
        var seenByNetArchTest = HandlerTypes().GetTypes().Select(t => t.FullName).Order();
        var seenByReflection = Handlers().Select(h => h.FullName).Order();

        Assert.Equal(seenByReflection, seenByNetArchTest);
    }

    [Fact]
    public void Handlers_LiveInTheNamespaceOfTheMessageTheyHandle()
    {
        var misplaced =
            from handler in Handlers()
            from message in MessagesHandledBy(handler)
            where handler.Namespace != message.Namespace
            select $"{handler.FullName} handles {message.FullName}";

        ArchAssert.NoneBreak(misplaced, "A handler lives in the folder (namespace) of the command or query it handles: one folder per use case.");
    }

    [Fact]
    public void ClassesNamedHandler_AreMediatorHandlers()
    {
        var conditions = Types.InAssembly(Layers.Application)
            .That().AreClasses().And().HaveNameEndingWith("Handler")
            .Should().ImplementInterface(_handlerInterfaces[0]);
        foreach (var handlerInterface in _handlerInterfaces.Skip(1))
        {
            conditions = conditions.Or().ImplementInterface(handlerInterface);
        }

        ArchAssert.Passes(
            conditions.GetResult(), "A class named ...Handler in School.Application must be a Mediator handler, so the handler rules cover it.");
    }

    [Fact]
    public void Handlers_AreNamedAfterTheirMessage()
    {
        var misnamed =
            from handler in Handlers()
            from message in MessagesHandledBy(handler)
            where handler.Name != message.Name + "Handler"
            select $"{handler.FullName} handles {message.FullName}";

        ArchAssert.NoneBreak(misnamed, "A handler is named after the message it handles (GetStudentQuery -> GetStudentQueryHandler).");
    }

    private static PredicateList HandlerTypes()
    {
        var predicates = Types.InAssembly(Layers.Application).That().AreClasses().And().ImplementInterface(_handlerInterfaces[0]);
        foreach (var handlerInterface in _handlerInterfaces.Skip(1))
        {
            predicates = predicates.Or().ImplementInterface(handlerInterface);
        }

        return predicates;
    }

    private static IEnumerable<Type> Handlers() =>
        Layers.Application.GetTypes().Where(t => t.IsClass && !t.IsAbstract && MessagesHandledBy(t).Any());

    private static IEnumerable<Type> MessagesHandledBy(Type handler) =>
        handler.GetInterfaces()
            .Where(i => i.IsGenericType && _handlerInterfaces.Contains(i.GetGenericTypeDefinition()))
            .Select(i => i.GetGenericArguments()[0])
            .Distinct();
}

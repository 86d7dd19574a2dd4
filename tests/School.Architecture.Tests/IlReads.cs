using Mono.Cecil;
using Mono.Cecil.Cil;

namespace School.Architecture.Tests;

/// <summary>Reads the compiled School.Application (with Mono.Cecil) to find which types use which members.</summary>
internal static class IlReads
{
    private static readonly Lazy<ModuleDefinition> _application = new(() => ModuleDefinition.ReadModule(Layers.Application.Location));

    /// <summary>
    /// Each use of a member (a call, a property read, a constructor, or a member named in an expression tree) in
    /// School.Application, with the top-level type whose code makes it (lambdas and async methods count for the type they are in).
    /// </summary>
    public static IEnumerable<(TypeDefinition User, string Member, string Method)> MemberUses() =>
        from type in _application.Value.Types
        from nested in WithNested(type)
        from method in nested.Methods
        where method.HasBody
        from instruction in method.Body.Instructions
        where instruction.OpCode.Code is Code.Call or Code.Callvirt or Code.Newobj or Code.Ldtoken or Code.Ldftn or Code.Ldvirtftn
        let member = instruction.Operand as MethodReference
        where member is not null
        select (type, $"{member.DeclaringType.GetElementType().FullName}::{member.Name}", method.Name);

    /// <summary>Static methods extending IApplicationDbContext, with their parameters, by top-level type.</summary>
    public static IEnumerable<(TypeDefinition Type, MethodDefinition Method)> DbContextExtensions() =>
        from type in _application.Value.Types
        where type.IsAbstract && type.IsSealed
        from method in type.Methods
        where method.IsStatic && method.Parameters.Count > 0
            && method.Parameters[0].ParameterType.FullName == "School.Application.Common.Abstractions.IApplicationDbContext"
            && method.CustomAttributes.Any(a => a.AttributeType.Name == "ExtensionAttribute")
        select (type, method);

    private static IEnumerable<TypeDefinition> WithNested(TypeDefinition type) =>
        new[] { type }.Concat(type.NestedTypes.SelectMany(WithNested));
}

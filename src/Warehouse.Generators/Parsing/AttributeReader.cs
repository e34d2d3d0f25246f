using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Warehouse.Generators.Parsing;

/// <summary>
/// Reads a modelling attribute as its own type (the Warehouse.Model sources linked into the generator, namespace
/// <c>ModelAttributes</c>), as Mapperly's <c>AttributeDataAccessor</c> does: the attribute's constructor runs with
/// the constructor arguments and its properties are set from the named arguments, so every enum is the real enum
/// and every default is the one the attribute class declares. The user's attribute is matched by metadata name,
/// <c>Warehouse.Model.</c> followed by the linked type's name.
/// </summary>
/// <remarks>
/// An attribute whose arguments do not bind (a missing or mistyped argument, half-typed code) reads as null: the
/// C# compiler reports that error at the attribute, and the parser goes on as if it were absent. Arguments that
/// bind but make no sense (null, empty text) do come through, for the parser's WH diagnostics to name.
/// </remarks>
internal static class AttributeReader
{
    public const string ModelNamespace = "Warehouse.Model";

    /// <summary>The metadata name of the user's attribute that <typeparamref name="TAttribute"/> is the copy of.</summary>
    public static string MetadataName<TAttribute>()
        where TAttribute : Attribute => ModelNamespace + "." + typeof(TAttribute).Name;

    public static bool Is<TAttribute>(AttributeData attribute)
        where TAttribute : Attribute => attribute.AttributeClass?.ToDisplayString() == MetadataName<TAttribute>();

    public static bool Has<TAttribute>(ImmutableArray<AttributeData> attributes)
        where TAttribute : Attribute => attributes.Any(Is<TAttribute>);

    /// <summary>The first <typeparamref name="TAttribute"/> with its data (for its location), or null.</summary>
    public static (TAttribute Attribute, AttributeData Data)? First<TAttribute>(ImmutableArray<AttributeData> attributes)
        where TAttribute : Attribute
    {
        foreach (var (value, data) in All<TAttribute>(attributes)) return (value, data);
        return null;
    }

    /// <summary>Every readable <typeparamref name="TAttribute"/>, in declaration order, with its data.</summary>
    public static IEnumerable<(TAttribute Attribute, AttributeData Data)> All<TAttribute>(ImmutableArray<AttributeData> attributes)
        where TAttribute : Attribute
    {
        foreach (var data in attributes)
        {
            if (Is<TAttribute>(data) && Read<TAttribute>(data) is { } value) yield return (value, data);
        }
    }

    /// <summary>Materialises <paramref name="data"/> as a <typeparamref name="TAttribute"/>; null when its arguments do not bind.</summary>
    public static TAttribute? Read<TAttribute>(AttributeData data)
        where TAttribute : Attribute
    {
        if (data.AttributeConstructor is null) return null;
        var arguments = new object?[data.ConstructorArguments.Length];
        ConstructorInfo? constructor = null;
        foreach (var candidate in typeof(TAttribute).GetConstructors())
        {
            var parameters = candidate.GetParameters();
            if (parameters.Length != arguments.Length) continue;
            var converted = true;
            for (var i = 0; i < parameters.Length && converted; i++)
            {
                converted = TryConvert(data.ConstructorArguments[i], parameters[i].ParameterType, out arguments[i]);
            }

            if (converted)
            {
                constructor = candidate;
                break;
            }
        }

        if (constructor is null) return null;
        var attribute = (TAttribute)constructor.Invoke(arguments);
        foreach (var named in data.NamedArguments)
        {
            // The linked copy is the user's attribute compiled from the same source, so every settable property exists.
            var property = typeof(TAttribute).GetProperty(named.Key)
                ?? throw new InvalidOperationException($"{typeof(TAttribute).Name} has no property {named.Key}");
            if (!TryConvert(named.Value, property.PropertyType, out var value)) return null;
            property.SetValue(attribute, value);
        }

        return attribute;
    }

    /// <summary>True when <paramref name="data"/> is one of the user's Warehouse.Model attributes.</summary>
    public static bool IsModelAttribute(AttributeData data) =>
        data.AttributeClass is { TypeKind: not TypeKind.Error } type && type.ContainingNamespace?.ToDisplayString() == ModelNamespace;

    /// <summary>
    /// True when <paramref name="type"/> is being typed: it is no type (a name that does not resolve), one of its
    /// attributes names no attribute class, or a file it is declared in does not parse (a syntax error before it
    /// may have swallowed its attributes). The C# compiler reports each.
    /// </summary>
    public static bool IsUnsettled(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Error
        || type.GetAttributes().Any(static a => a.AttributeClass is null or { TypeKind: TypeKind.Error })
        || type.DeclaringSyntaxReferences.Any(static r => r.SyntaxTree.GetRoot() is { ContainsDiagnostics: true } root
            && root.GetDiagnostics().Any(static d => d.Severity == DiagnosticSeverity.Error));

    /// <summary>
    /// True when the arguments of <paramref name="data"/> do not bind only because a <c>typeof</c> names a type that
    /// does not exist: the C# compiler says so (CS0246, CS0234), and a warehouse error would only repeat it.
    /// </summary>
    public static bool OnlyNamesMissingTypes(AttributeData data) =>
        data.AttributeConstructor is not null
        && data.ConstructorArguments.Concat(data.NamedArguments.Select(static n => n.Value)).All(NamesMissingTypeOrBinds);

    private static bool NamesMissingTypeOrBinds(TypedConstant constant) => constant.Kind switch
    {
        TypedConstantKind.Error => false,
        TypedConstantKind.Array when !constant.IsNull => constant.Values.All(NamesMissingTypeOrBinds),
        TypedConstantKind.Type when constant.Value is ITypeSymbol { TypeKind: TypeKind.Error } type => type.Name.Length > 0,
        _ => true,
    };

    /// <summary>Why the arguments of <paramref name="data"/> do not bind, in a few words; null when they do.</summary>
    public static string? UnboundReason(AttributeData data)
    {
        if (data.AttributeConstructor is null) return "an argument is missing or has the wrong type";
        foreach (var argument in data.ConstructorArguments.Concat(data.NamedArguments.Select(static n => n.Value)))
        {
            if (UnboundReason(argument) is { } reason) return reason;
        }

        return null;
    }

    private static string? UnboundReason(TypedConstant constant) => constant.Kind switch
    {
        TypedConstantKind.Error => "an argument does not compile",
        TypedConstantKind.Type when constant.Value is ITypeSymbol { TypeKind: TypeKind.Error } type => $"typeof({type.Name}) names no type",
        TypedConstantKind.Array when !constant.IsNull => constant.Values.Select(UnboundReason).FirstOrDefault(static r => r is not null),
        _ => null,
    };

    private static bool TryConvert(TypedConstant constant, Type target, out object? value)
    {
        value = null;
        if (UnboundReason(constant) is not null) return false;
        if (constant.IsNull) return !target.IsValueType;
        switch (constant.Kind)
        {
            case TypedConstantKind.Enum when target.IsEnum:
                value = Enum.ToObject(target, constant.Value!);
                return true;
            case TypedConstantKind.Type when target == typeof(ModelTypeName) && constant.Value is ITypeSymbol type:
                value = new ModelTypeName(ModelParser.TypeNameOf(type), IsUnsettled(type));
                return true;
            case TypedConstantKind.Array when target.IsArray:
                var elementType = target.GetElementType()!;
                var array = Array.CreateInstance(elementType, constant.Values.Length);
                for (var i = 0; i < constant.Values.Length; i++)
                {
                    if (!TryConvert(constant.Values[i], elementType, out var element)) return false;
                    array.SetValue(element, i);
                }

                value = array;
                return true;
            case TypedConstantKind.Primitive when target.IsInstanceOfType(constant.Value):
                value = constant.Value;
                return true;
            default:
                return false;
        }
    }
}

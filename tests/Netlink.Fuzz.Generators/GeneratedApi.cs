using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Netlink.Fuzz.Generators;

/// <summary>
/// What the YNL generator (src/Netlink.Generators) emitted into the referenced assemblies, read
/// from their symbols. A family is a public static class in a namespace named <c>*.Generated</c>
/// of an assembly named <c>Netlink.*</c>; its nested public ref structs named <c>*Reader</c>,
/// <c>*Writer</c> and <c>*Msg</c> are the attribute-set readers, writers and sub-message
/// dispatchers. Types are sorted by full name (ordinal); members keep the order in which the
/// referenced assembly declares them (attribute order), so the output is deterministic.
/// </summary>
internal sealed class GeneratedApi
{
    private readonly Dictionary<ISymbol, Reader> _readers = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, SubMessage> _messages = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, Writer> _writers = new(SymbolEqualityComparer.Default);
    private readonly List<Family> _families = [];

    public IEnumerable<Family> Families => _families.OrderBy(f => f.Full, StringComparer.Ordinal);

    public IEnumerable<Reader> Readers => _readers.Values.OrderBy(r => r.Full, StringComparer.Ordinal);

    public IEnumerable<SubMessage> Messages => _messages.Values.OrderBy(m => m.Full, StringComparer.Ordinal);

    public static GeneratedApi Read(Compilation compilation, CancellationToken cancellationToken)
    {
        var api = new GeneratedApi();
        var seen = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default);
        foreach (MetadataReference reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly
                && assembly.Name.StartsWith("Netlink.", StringComparison.Ordinal)
                && seen.Add(assembly))
            {
                api.Walk(assembly.GlobalNamespace, cancellationToken);
            }
        }

        foreach (Reader reader in api._readers.Values)
        {
            INamedTypeSymbol? writer = reader.Type.ContainingType.GetTypeMembers(reader.Type.Name.Substring(0, reader.Type.Name.Length - "Reader".Length) + "Writer").FirstOrDefault();
            reader.Writer = writer is null ? null : api._writers.TryGetValue(writer, out Writer? w) ? w : null;
        }

        return api;
    }

    public Reader? FindReader(ITypeSymbol? type) => type is not null && _readers.TryGetValue(type, out Reader? r) ? r : null;

    public SubMessage? FindMessage(ITypeSymbol? type) => type is not null && _messages.TryGetValue(type, out SubMessage? m) ? m : null;

    private void Walk(INamespaceSymbol ns, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (INamespaceSymbol child in ns.GetNamespaceMembers())
        {
            Walk(child, cancellationToken);
        }

        if (ns.Name != "Generated")
        {
            return;
        }

        foreach (INamedTypeSymbol type in ns.GetTypeMembers())
        {
            if (type.IsStatic && type.TypeKind == TypeKind.Class && type.DeclaredAccessibility == Accessibility.Public)
            {
                AddFamily(type);
            }
        }
    }

    private void AddFamily(INamedTypeSymbol type)
    {
        var family = new Family(type);
        foreach (INamedTypeSymbol nested in type.GetTypeMembers())
        {
            if (nested.DeclaredAccessibility != Accessibility.Public || !nested.IsRefLikeType)
            {
                continue;
            }

            if (nested.Name.EndsWith("Reader", StringComparison.Ordinal))
            {
                _readers[nested] = new Reader(nested);
            }
            else if (nested.Name.EndsWith("Writer", StringComparison.Ordinal))
            {
                _writers[nested] = new Writer(nested);
            }
            else if (nested.Name.EndsWith("Msg", StringComparison.Ordinal))
            {
                _messages[nested] = new SubMessage(nested);
            }
        }

        foreach (IMethodSymbol method in Methods(type, isStatic: true))
        {
            if (method.Name == "Describe" && method.Parameters.Length == 2)
            {
                family.HasDescribe = true;
            }

            // TryReadX(ReadOnlySpan<byte> message, [ushort familyId,] [out THeader header,] out TReader attributes)
            var p = method.Parameters;
            bool genetlink = p.Length >= 2 && p[1].RefKind == RefKind.None && p[1].Type.SpecialType == SpecialType.System_UInt16;
            int outs = p.Length - (genetlink ? 2 : 1);
            if (method.Name.StartsWith("TryRead", StringComparison.Ordinal) && IsBool(method.ReturnType)
                && outs is 1 or 2 && IsByteSpan(p[0].Type) && p[0].RefKind == RefKind.None && p.Skip(genetlink ? 2 : 1).All(x => x.RefKind == RefKind.Out))
            {
                family.TryReads.Add(new TryRead(method.Name, outs == 2 ? p[p.Length - 2].Type : null, p[p.Length - 1].Type, genetlink));
            }
        }

        if (family.TryReads.Count > 0)
        {
            _families.Add(family);
        }
    }

    internal static IEnumerable<IMethodSymbol> Methods(INamedTypeSymbol type, bool isStatic) =>
        type.GetMembers().OfType<IMethodSymbol>().Where(m =>
            m.MethodKind == MethodKind.Ordinary && m.DeclaredAccessibility == Accessibility.Public && m.IsStatic == isStatic);

    internal static IEnumerable<IPropertySymbol> Properties(INamedTypeSymbol type) =>
        type.GetMembers().OfType<IPropertySymbol>().Where(p =>
            !p.IsIndexer && !p.IsStatic && p.DeclaredAccessibility == Accessibility.Public && p.GetMethod is not null);

    internal static bool IsBool(ITypeSymbol type) => type.SpecialType == SpecialType.System_Boolean;

    internal static bool IsByteSpan(ITypeSymbol? type) => IsSpanOf(type, SpecialType.System_Byte);

    internal static bool IsCharSpan(ITypeSymbol? type) => IsSpanOf(type, SpecialType.System_Char);

    private static bool IsSpanOf(ITypeSymbol? type, SpecialType element) =>
        type is INamedTypeSymbol { Name: "ReadOnlySpan", TypeArguments.Length: 1 } span
        && span.TypeArguments[0].SpecialType == element
        && span.ContainingNamespace.ToDisplayString() == "System";

    internal static bool IsInteger(ITypeSymbol? type) => type?.SpecialType is
        SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16 or
        SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64;

    /// <summary><c>global::Namespace.Family.Type</c>, keywords for special types.</summary>
    internal static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
}

/// <summary>A generated family class, e.g. <c>Netlink.Route.Generated.RtLink</c>.</summary>
internal sealed class Family(INamedTypeSymbol type)
{
    public string Name { get; } = type.Name;

    public string Full { get; } = GeneratedApi.Display(type);

    public bool HasDescribe { get; set; }

    /// <summary>Every <c>TryRead*</c> parser, in declaration order.</summary>
    public List<TryRead> TryReads { get; } = [];
}

/// <summary>One <c>TryReadX(message, [familyId,] [out header,] out attributes)</c>.</summary>
internal sealed class TryRead(string method, ITypeSymbol? header, ITypeSymbol reader, bool takesFamilyId)
{
    public string Method { get; } = method;

    /// <summary>True for genetlink readers, which take the family id the message must carry.</summary>
    public bool TakesFamilyId { get; } = takesFamilyId;

    public ITypeSymbol? Header { get; } = header;

    public ITypeSymbol Reader { get; } = reader;
}

/// <summary>An attribute-set reader (<c>XAttrsReader</c>) and the getters it exposes.</summary>
internal sealed class Reader
{
    public Reader(INamedTypeSymbol type)
    {
        Type = type;
        Full = GeneratedApi.Display(type);
        foreach (ISymbol member in type.GetMembers())
        {
            if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public)
            {
                continue;
            }

            if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } m)
            {
                if (m.Name.StartsWith("TryGet", StringComparison.Ordinal) && GeneratedApi.IsBool(m.ReturnType)
                    && m.Parameters.Length == 1 && m.Parameters[0].RefKind == RefKind.Out)
                {
                    Getters.Add(new Getter(m.Name, m.Parameters[0].Type, m.Parameters[0].Name));
                }
                else if (m.Name.StartsWith("Get", StringComparison.Ordinal) && m.Parameters.Length == 0
                    && m.ReturnType is INamedTypeSymbol enumerator && enumerator.Name.EndsWith("Enumerator", StringComparison.Ordinal))
                {
                    Enumerators.Add(new Enumerated(m.Name, enumerator));
                }
                else if (m.Name == "Has" && m.Parameters.Length == 1 && m.Parameters[0].Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } attr)
                {
                    AttrEnum = attr;
                }
            }
            else if (member is IPropertySymbol { IsIndexer: false, GetMethod: not null } p)
            {
                bool isInt = p.Type.SpecialType == SpecialType.System_Int32;
                string stem = p.Name.EndsWith("Length", StringComparison.Ordinal) ? p.Name.Substring(0, p.Name.Length - "Length".Length) : string.Empty;
                if (isInt && stem.Length > 0 && type.GetMembers("Get" + stem + "At").OfType<IMethodSymbol>().Any(g => g.Parameters.Length == 1))
                {
                    Indexed.Add(stem);
                }
                else if (isInt && (stem.Length > 0 || p.Name.EndsWith("Count", StringComparison.Ordinal)) && p.Name != "UnknownCount")
                {
                    Counts.Add(p.Name);
                }
                else if (GeneratedApi.IsBool(p.Type) && p.Name != "IsMalformed")
                {
                    Flags.Add(p.Name);
                }
            }
        }
    }

    public INamedTypeSymbol Type { get; }

    public string Full { get; }

    /// <summary><c>TryGetX(out T value)</c>, in declaration order.</summary>
    public List<Getter> Getters { get; } = [];

    /// <summary><c>GetX()</c> returning a multi-attr or indexed-array enumerator.</summary>
    public List<Enumerated> Enumerators { get; } = [];

    /// <summary>X for every <c>XLength</c> + <c>GetXAt(int)</c> pair (binary arrays of scalars).</summary>
    public List<string> Indexed { get; } = [];

    /// <summary>Other int properties (<c>XCount</c>).</summary>
    public List<string> Counts { get; } = [];

    /// <summary>Bool properties (flag attributes) other than IsMalformed.</summary>
    public List<string> Flags { get; } = [];

    /// <summary>The attribute id enum, from <c>Has(TAttr id)</c>.</summary>
    public INamedTypeSymbol? AttrEnum { get; private set; }

    /// <summary>The matching <c>XAttrsWriter</c>, if the family has one.</summary>
    public Writer? Writer { get; set; }

    public bool CanRoundTrip => Writer is not null && AttrEnum is not null;

    public string SetName => Type.Name.Substring(0, Type.Name.Length - "Reader".Length);
}

/// <summary>One <c>TryGetX(out T name)</c>; the parameter name tells a UTF-8 string (<c>utf8</c>) from binary.</summary>
internal sealed class Getter(string name, ITypeSymbol type, string parameter)
{
    public string Name { get; } = name;

    public ITypeSymbol Type { get; } = type;

    public string Parameter { get; } = parameter;
}

/// <summary>A <c>GetX()</c> enumerator: its <c>Current</c> and its ushort/int/uint key properties (Index, ids).</summary>
internal sealed class Enumerated(string method, INamedTypeSymbol enumerator)
{
    public string Method { get; } = method;

    public ITypeSymbol? Current { get; } = GeneratedApi.Properties(enumerator).FirstOrDefault(p => p.Name == "Current")?.Type;

    public List<string> Keys { get; } = [.. GeneratedApi.Properties(enumerator)
        .Where(p => p.Name != "Current" && p.Type.SpecialType is SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32)
        .Select(p => p.Name)];
}

/// <summary>An attribute-set writer: <c>WriteX(T)</c>/<c>BeginX(T)</c>/<c>BeginX()</c> by name, one parameter type each (null: none).</summary>
internal sealed class Writer
{
    public Writer(INamedTypeSymbol type)
    {
        Full = GeneratedApi.Display(type);
        foreach (IMethodSymbol m in GeneratedApi.Methods(type, isStatic: false))
        {
            bool begin = m.Name.StartsWith("Begin", StringComparison.Ordinal);
            if (!(begin || m.Name.StartsWith("Write", StringComparison.Ordinal))
                || !(m.ReturnsVoid || m.ReturnType.Name.EndsWith("Writer", StringComparison.Ordinal)))
            {
                continue;
            }

            if (m.Parameters.Length == 1 && m.Parameters[0].RefKind is RefKind.None or RefKind.In)
            {
                Add(m.Name, m.Parameters[0].Type);
            }
            else if (begin && m.Parameters.Length == 0)
            {
                Add(m.Name, null);
            }
        }
    }

    public string Full { get; }

    public Dictionary<string, List<ITypeSymbol?>> Methods { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<ITypeSymbol?> Overloads(string name) => Methods.TryGetValue(name, out List<ITypeSymbol?>? list) ? list : [];

    private void Add(string name, ITypeSymbol? parameter)
    {
        if (!Methods.TryGetValue(name, out List<ITypeSymbol?>? list))
        {
            Methods[name] = list = [];
        }

        list.Add(parameter);
    }
}

/// <summary>A sub-message dispatcher (<c>XMsg</c>): <c>Kind</c>, <c>Payload</c> and one <c>TryGetY</c> per format.</summary>
internal sealed class SubMessage
{
    public SubMessage(INamedTypeSymbol type)
    {
        Full = GeneratedApi.Display(type);
        foreach (IMethodSymbol m in GeneratedApi.Methods(type, isStatic: false))
        {
            // TryGetY(out TReader attributes) or TryGetY(out THeader header, out TReader attributes)
            if (m.Name.StartsWith("TryGet", StringComparison.Ordinal) && GeneratedApi.IsBool(m.ReturnType)
                && m.Parameters.Length is 1 or 2 && m.Parameters.All(p => p.RefKind == RefKind.Out))
            {
                Getters.Add(new Getter(m.Name, m.Parameters.Length == 2 ? m.Parameters[0].Type : null, m.Parameters[m.Parameters.Length - 1].Type));
            }
        }
    }

    public string Full { get; }

    public List<Getter> Getters { get; } = [];

    internal sealed class Getter(string name, ITypeSymbol? header, ITypeSymbol reader)
    {
        public string Name { get; } = name;

        public ITypeSymbol? Header { get; } = header;

        public ITypeSymbol Reader { get; } = reader;
    }
}

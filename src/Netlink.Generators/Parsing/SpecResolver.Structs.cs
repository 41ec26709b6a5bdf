using System;
using System.Collections.Generic;
using System.Linq;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;
using static Netlink.Generators.YnlGenerator;

namespace Netlink.Generators.Parsing;

internal sealed partial class SpecResolver
{
    private readonly Dictionary<string, RawStruct> _rawStructs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StructSpec?> _structs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolvingStructs = new(StringComparer.Ordinal);

    private void ResolveStructs()
    {
        foreach (RawStruct s in _raw.Structs)
        {
            if (NewDefinition(s.Name))
            {
                _rawStructs[s.Name.Value] = s;
            }
        }

        foreach (RawStruct s in _rawStructs.Values.ToList())
        {
            Struct(s.Name);
        }

        foreach (string broken in _structs.Where(kv => kv.Value is null).Select(kv => kv.Key).ToList())
        {
            _structs.Remove(broken);
        }
    }

    /// <summary>The struct a reference names (resolved on first use, so members may name structs defined later); null after reporting.</summary>
    private StructSpec? Struct(RawText reference)
    {
        if (_structs.TryGetValue(reference.Value, out StructSpec? done))
        {
            return done;
        }

        if (!_rawStructs.TryGetValue(reference.Value, out RawStruct? raw))
        {
            _diagnostics.Report(DiagnosticDescriptors.UnknownReference, reference.Span, "struct", reference.Value);
            return null;
        }

        if (!_resolvingStructs.Add(raw.Name.Value))
        {
            _diagnostics.Report(DiagnosticDescriptors.ReferenceCycle, reference.Span, "struct", raw.Name.Value);
            return null;
        }

        Identifier cs = _types.Reserve(Naming.Pascal(raw.Name.Value));
        var names = new NameScope(cs.Bare, "Size", "Equals", "GetHashCode", "ToString", "GetType");
        var members = new List<StructMemberSpec>();
        int offset = 0;
        bool failed = false;
        foreach (RawMember m in raw.Members)
        {
            TypeSpec? type = MemberType(m);
            int length = type is null ? -1 : type.ExactLength;
            if (type is null || length < 0 || offset + length > ushort.MaxValue)
            {
                if (type is not null)
                {
                    _diagnostics.Report(DiagnosticDescriptors.InvalidValue, m.Span, m.Name.Value, "a struct member (the struct would be larger than 65535 bytes)");
                }

                failed = true;
                continue;
            }

            members.Add(new StructMemberSpec { Name = m.Name.Value, Cs = names.Reserve(Naming.Pascal(m.Name.Value)), Offset = offset, Length = length, Type = type, Doc = m.Doc });
            offset += length;
        }

        _resolvingStructs.Remove(raw.Name.Value);
        StructSpec? spec = failed ? null : new StructSpec { Name = raw.Name.Value, Cs = cs, Size = offset, Members = members.ToEquatableArray(), Doc = raw.Doc };
        _structs[raw.Name.Value] = spec;
        return spec;
    }

    /// <summary>A member's encoding; its size is <see cref="TypeSpec.ExactLength"/>.</summary>
    private TypeSpec? MemberType(RawMember m)
    {
        DisplayHint hint = Hint(m.Hint);
        string? enumName = m.Enum is { } e && EnumRef(e) ? e.Value : null;
        if (m.Enum is not null && enumName is null)
        {
            return null;
        }

        ScalarType scalar = ScalarOf(m.Type.Value);
        if (scalar != ScalarType.None && scalar is not (ScalarType.UInt or ScalarType.SInt))
        {
            return new TypeSpec { Kind = AttrKind.Scalar, Scalar = scalar, BigEndian = m.BigEndian, Enum = enumName, EnumAsFlags = m.EnumAsFlags, Hint = hint, ExactLength = Codecs.Scalars.Size(scalar) };
        }

        switch (m.Type.Value)
        {
            case "pad":
                return Len(m) is { } padLength ? new TypeSpec { Kind = AttrKind.Pad, ExactLength = padLength } : null;
            case "string":
                return Len(m) is { } stringLength ? new TypeSpec { Kind = AttrKind.String, ExactLength = stringLength } : null;
            case "binary" when m.Struct is { } structRef:
                return Struct(structRef) is { } nested ? new TypeSpec { Kind = AttrKind.Binary, Struct = nested.Name, Hint = hint, ExactLength = nested.Size } : null;
            case "binary":
                return Len(m) is { } binaryLength ? new TypeSpec { Kind = AttrKind.Binary, Hint = hint, ExactLength = binaryLength } : null;
            default:
                _diagnostics.Report(DiagnosticDescriptors.UnknownMemberType, m.Type.Span, m.Name.Value, m.Type.Value);
                return null;
        }
    }

    /// <summary>A member's <c>len</c>: an integer, an integer const, or <c>CONST - 1</c>.</summary>
    private int? Len(RawMember m)
    {
        if (m.Len is not { } len)
        {
            _diagnostics.Report(DiagnosticDescriptors.MissingKey, m.Span, $"struct member '{m.Name.Value}' needs 'len'");
            return null;
        }

        string text = len.Value.Trim();
        int adjust = 0;
        if (text.EndsWith(" - 1", StringComparison.Ordinal))
        {
            text = text.Substring(0, text.Length - 4).Trim();
            adjust = -1;
        }

        if ((TryParseInt(text, out long n) || TryConst(text, out n)) && n + adjust >= 0 && n + adjust < 65536)
        {
            return (int)n + adjust;
        }

        _diagnostics.Report(DiagnosticDescriptors.InvalidValue, len.Span, len.Value, "len (an integer or the name of an integer const, 0..65535)");
        return null;
    }
}

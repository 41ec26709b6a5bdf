using Netlink.Generators.Model;
using static Netlink.Generators.YnlGenerator;

namespace Netlink.Generators.Parsing;

internal sealed partial class SpecResolver
{
    /// <summary>The kind of a YNL type name; genetlink-legacy's array-nest is indexed-array of nests.</summary>
    private static AttrKind? KindOf(string type) => type switch
    {
        "unused" => AttrKind.Unused,
        "pad" => AttrKind.Pad,
        "flag" => AttrKind.Flag,
        "u8" or "u16" or "u32" or "u64" or "s8" or "s16" or "s32" or "s64" or "uint" or "sint" => AttrKind.Scalar,
        "string" => AttrKind.String,
        "binary" => AttrKind.Binary,
        "bitfield32" => AttrKind.Bitfield32,
        "nest" => AttrKind.Nest,
        "indexed-array" or "array-nest" => AttrKind.IndexedArray,
        "nest-type-value" => AttrKind.NestTypeValue,
        "sub-message" => AttrKind.SubMessage,
        _ => null,
    };

    private static ScalarType ScalarOf(string? type) => type switch
    {
        "u8" => ScalarType.U8,
        "u16" => ScalarType.U16,
        "u32" => ScalarType.U32,
        "u64" => ScalarType.U64,
        "s8" => ScalarType.S8,
        "s16" => ScalarType.S16,
        "s32" => ScalarType.S32,
        "s64" => ScalarType.S64,
        "uint" => ScalarType.UInt,
        "sint" => ScalarType.SInt,
        _ => ScalarType.None,
    };

    private DisplayHint Hint(RawText? hint)
    {
        switch (hint?.Value)
        {
            case null:
                return DisplayHint.None;
            case "hex":
                return DisplayHint.Hex;
            case "mac":
                return DisplayHint.Mac;
            case "fddi":
                return DisplayHint.Fddi;
            case "ipv4":
                return DisplayHint.Ipv4;
            case "ipv6":
                return DisplayHint.Ipv6;
            case "ipv4-or-v6":
                return DisplayHint.Ipv4OrV6;
            case "uuid":
                return DisplayHint.Uuid;
            default:
                _diagnostics.Report(DiagnosticDescriptors.InvalidValue, hint.Span, hint.Value, "display-hint (hex, mac, fddi, ipv4, ipv6, ipv4-or-v6, uuid)");
                return DisplayHint.None;
        }
    }

    private bool EnumRef(RawText name)
    {
        if (_enums.ContainsKey(name.Value))
        {
            return true;
        }

        _diagnostics.Report(DiagnosticDescriptors.UnknownReference, name.Span, "enum", name.Value);
        return false;
    }
}

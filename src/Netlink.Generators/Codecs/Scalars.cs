using System;
using Netlink.Generators.Model;

namespace Netlink.Generators.Codecs;

/// <summary>Facts about the YNL integer types: C# type, size, and the names of their wire kinds and writer calls.</summary>
internal static class Scalars
{
    public static string CsType(ScalarType type) => type switch
    {
        ScalarType.U8 => "byte",
        ScalarType.U16 => "ushort",
        ScalarType.U32 => "uint",
        ScalarType.U64 or ScalarType.UInt => "ulong",
        ScalarType.S8 => "sbyte",
        ScalarType.S16 => "short",
        ScalarType.S32 => "int",
        ScalarType.S64 or ScalarType.SInt => "long",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not an integer type"),
    };

    /// <summary>Bytes on the wire (uint/sint: 8, their widest).</summary>
    public static int Size(ScalarType type) => type switch
    {
        ScalarType.U8 or ScalarType.S8 => 1,
        ScalarType.U16 or ScalarType.S16 => 2,
        ScalarType.U32 or ScalarType.S32 => 4,
        _ => 8,
    };

    /// <summary>True when byte order matters (two bytes or more, fixed width).</summary>
    public static bool HasByteOrder(ScalarType type) => Size(type) > 1 && type is not (ScalarType.UInt or ScalarType.SInt);

    /// <summary>The NlWire member: <c>global::Netlink.Codegen.NlWire.U32BigEndian</c>.</summary>
    public static string Wire(ScalarType type, bool bigEndian) => Globals.Wire + "." + Stem(type) + (bigEndian && HasByteOrder(type) ? "BigEndian" : string.Empty);

    /// <summary>The NetlinkMessageWriter method: <c>WriteU32BigEndian</c>.</summary>
    public static string WriterMethod(ScalarType type, bool bigEndian) => "Write" + Stem(type) + (bigEndian && HasByteOrder(type) ? "BigEndian" : string.Empty);

    private static string Stem(ScalarType type) => type switch
    {
        ScalarType.UInt => "UInt",
        ScalarType.SInt => "SInt",
        _ => type.ToString(),
    };
}

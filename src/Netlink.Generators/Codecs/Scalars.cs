using System.Collections.Generic;

namespace Netlink.Generators.Codecs;

/// <summary>Facts about the fixed-width scalar types: C# type, size and the generated helper suffix.</summary>
internal static class Scalars
{
    public static readonly IReadOnlyList<string> All = new[] { "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64" };

    public static string CsType(string type) => type switch
    {
        "u8" => "byte",
        "u16" => "ushort",
        "u32" => "uint",
        "u64" => "ulong",
        "s8" => "sbyte",
        "s16" => "short",
        "s32" => "int",
        "s64" => "long",
        "uint" => "ulong",
        "sint" => "long",
        _ => "uint",
    };

    public static int Size(string type) => type switch
    {
        "u8" or "s8" => 1,
        "u16" or "s16" => 2,
        "u32" or "s32" => 4,
        _ => 8,
    };

    public static bool IsScalar(string? type) => type is "u8" or "u16" or "u32" or "u64" or "s8" or "s16" or "s32" or "s64" or "uint" or "sint";

    public static bool IsSigned(string type) => type.StartsWith("s", System.StringComparison.Ordinal);

    /// <summary>Suffix of the generated NlGet/NlPut/NlDecode helpers, e.g. "U32" or "U32Be".</summary>
    public static string Suffix(string type, bool bigEndian) => type switch
    {
        "uint" => "UInt",
        "sint" => "SInt",
        _ => char.ToUpperInvariant(type[0]) + type.Substring(1) + (bigEndian && Size(type) > 1 ? "Be" : string.Empty),
    };
}

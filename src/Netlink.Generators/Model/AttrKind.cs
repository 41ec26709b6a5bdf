namespace Netlink.Generators.Model;

/// <summary>How an attribute is encoded; one codec class per kind.</summary>
internal enum AttrKind
{
    Unused,
    Pad,
    Flag,
    Scalar,
    String,
    Binary,
    Bitfield32,
    Nest,
    IndexedArray,
    NestTypeValue,
    SubMessage,
}

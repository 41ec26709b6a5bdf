namespace Netlink.Generators.Model;

/// <summary>The YNL attribute types; one codec class per kind (Codecs/).</summary>
internal enum AttrKind
{
    /// <summary><c>unused</c>: a reserved id.</summary>
    Unused,

    /// <summary><c>pad</c>: alignment padding.</summary>
    Pad,

    /// <summary><c>flag</c>: presence only.</summary>
    Flag,

    /// <summary><c>u8</c>..<c>s64</c>, <c>uint</c>, <c>sint</c> (see <see cref="ScalarType"/>).</summary>
    Scalar,

    /// <summary><c>string</c>: NUL-terminated.</summary>
    String,

    /// <summary><c>binary</c>: bytes, a struct, a C array, an address.</summary>
    Binary,

    /// <summary><c>bitfield32</c>: struct nla_bitfield32.</summary>
    Bitfield32,

    /// <summary><c>nest</c>: attributes of another set.</summary>
    Nest,

    /// <summary><c>indexed-array</c> (and genetlink-legacy's <c>array-nest</c>).</summary>
    IndexedArray,

    /// <summary><c>nest-type-value</c>: nests whose types carry ids.</summary>
    NestTypeValue,

    /// <summary><c>sub-message</c>: a payload whose format a selector picks.</summary>
    SubMessage,
}

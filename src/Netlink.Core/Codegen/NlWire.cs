namespace Netlink.Codegen;

/// <summary>How an integer is laid out on the wire: YNL's scalar types with their byte order.</summary>
public enum NlWire : byte
{
    /// <summary>u8.</summary>
    U8,

    /// <summary>u16, host order.</summary>
    U16,

    /// <summary>u32, host order.</summary>
    U32,

    /// <summary>u64, host order (may be unaligned).</summary>
    U64,

    /// <summary>s8.</summary>
    S8,

    /// <summary>s16, host order.</summary>
    S16,

    /// <summary>s32, host order.</summary>
    S32,

    /// <summary>s64, host order.</summary>
    S64,

    /// <summary>u16, network order.</summary>
    U16BigEndian,

    /// <summary>u32, network order.</summary>
    U32BigEndian,

    /// <summary>u64, network order.</summary>
    U64BigEndian,

    /// <summary>s16, network order.</summary>
    S16BigEndian,

    /// <summary>s32, network order.</summary>
    S32BigEndian,

    /// <summary>s64, network order.</summary>
    S64BigEndian,

    /// <summary>YNL <c>uint</c>: 4 or 8 bytes, host order.</summary>
    UInt,

    /// <summary>YNL <c>sint</c>: 4 or 8 bytes, host order.</summary>
    SInt,
}

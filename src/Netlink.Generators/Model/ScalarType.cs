namespace Netlink.Generators.Model;

/// <summary>YNL integer types.</summary>
internal enum ScalarType
{
    /// <summary>Not an integer.</summary>
    None,

    /// <summary>u8.</summary>
    U8,

    /// <summary>u16.</summary>
    U16,

    /// <summary>u32.</summary>
    U32,

    /// <summary>u64.</summary>
    U64,

    /// <summary>s8.</summary>
    S8,

    /// <summary>s16.</summary>
    S16,

    /// <summary>s32.</summary>
    S32,

    /// <summary>s64.</summary>
    S64,

    /// <summary>uint: 4 or 8 bytes.</summary>
    UInt,

    /// <summary>sint: 4 or 8 bytes.</summary>
    SInt,
}

namespace Netlink.Route;

/// <summary>Address flags (IFA_F_*: the low 8 in ifa_flags, all 32 in IFA_FLAGS).</summary>
[Flags]
public enum AddressFlags : uint
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>IFA_F_SECONDARY (IPv4) / IFA_F_TEMPORARY (IPv6 privacy address).</summary>
    Secondary = 0x01,

    /// <summary>IFA_F_NODAD: skip duplicate address detection (IPv6).</summary>
    NoDad = 0x02,

    /// <summary>IFA_F_OPTIMISTIC: optimistic DAD (IPv6).</summary>
    Optimistic = 0x04,

    /// <summary>IFA_F_DADFAILED: duplicate address detection failed.</summary>
    DadFailed = 0x08,

    /// <summary>IFA_F_HOMEADDRESS: Mobile IPv6 home address.</summary>
    HomeAddress = 0x10,

    /// <summary>IFA_F_DEPRECATED: preferred lifetime expired.</summary>
    Deprecated = 0x20,

    /// <summary>IFA_F_TENTATIVE: DAD in progress.</summary>
    Tentative = 0x40,

    /// <summary>IFA_F_PERMANENT: configured, not learned (no "dynamic").</summary>
    Permanent = 0x80,

    /// <summary>IFA_F_MANAGETEMPADDR: create temporary addresses from this prefix.</summary>
    ManageTempAddress = 0x100,

    /// <summary>IFA_F_NOPREFIXROUTE: do not add the prefix route.</summary>
    NoPrefixRoute = 0x200,

    /// <summary>IFA_F_MCAUTOJOIN: join the multicast group.</summary>
    McAutoJoin = 0x400,

    /// <summary>IFA_F_STABLE_PRIVACY: stable-privacy generated address.</summary>
    StablePrivacy = 0x800,
}

/// <summary>Address scope (ifa_scope, RT_SCOPE_*).</summary>
public enum AddressScope : byte
{
    /// <summary>RT_SCOPE_UNIVERSE: global.</summary>
    Global = 0,

    /// <summary>RT_SCOPE_SITE.</summary>
    Site = 200,

    /// <summary>RT_SCOPE_LINK: valid on this link only.</summary>
    Link = 253,

    /// <summary>RT_SCOPE_HOST: valid inside this host only.</summary>
    Host = 254,

    /// <summary>RT_SCOPE_NOWHERE.</summary>
    Nowhere = 255,
}

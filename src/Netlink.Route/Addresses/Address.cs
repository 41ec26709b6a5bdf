using System.Net;
using System.Net.Sockets;

namespace Netlink.Route;

/// <summary>An IPv4 or IPv6 address of a link as the kernel reports it (RTM_NEWADDR).</summary>
public sealed record Address
{
    /// <summary>Index of the link holding the address (ifa_index).</summary>
    public required int LinkIndex { get; init; }

    /// <summary>InterNetwork or InterNetworkV6 (ifa_family).</summary>
    public required AddressFamily Family { get; init; }

    /// <summary>The address itself (IFA_LOCAL, or IFA_ADDRESS when there is no IFA_LOCAL).</summary>
    public required IPAddress Local { get; init; }

    /// <summary>Prefix length (ifa_prefixlen).</summary>
    public required int PrefixLength { get; init; }

    /// <summary>The peer of a point-to-point address (IFA_ADDRESS when it differs from IFA_LOCAL), or null.</summary>
    public IPAddress? Peer { get; init; }

    /// <summary>IPv4 broadcast address (IFA_BROADCAST).</summary>
    public IPAddress? Broadcast { get; init; }

    /// <summary>Anycast address (IFA_ANYCAST).</summary>
    public IPAddress? Anycast { get; init; }

    /// <summary>IPv4 label (IFA_LABEL), e.g. "eth0" or "eth0:1".</summary>
    public string? Label { get; init; }

    /// <summary>Scope (ifa_scope).</summary>
    public AddressScope Scope { get; init; }

    /// <summary>Flags (IFA_FLAGS when present, else ifa_flags).</summary>
    public AddressFlags Flags { get; init; }

    /// <summary>Remaining valid lifetime, or null for forever (IFA_CACHEINFO).</summary>
    public TimeSpan? ValidLifetime { get; init; }

    /// <summary>Remaining preferred lifetime, or null for forever (IFA_CACHEINFO).</summary>
    public TimeSpan? PreferredLifetime { get; init; }

    /// <summary>Metric of the prefix route (IFA_RT_PRIORITY).</summary>
    public uint? Metric { get; init; }

    /// <summary>Who added the address (IFA_PROTO), if reported.</summary>
    public byte? Protocol { get; init; }

    /// <summary>The network the address is in (host bits cleared), e.g. 10.0.0.0/24 for 10.0.0.1/24.</summary>
    public IPNetwork Network => Internal.IPPrefixText.NetworkOf(Peer ?? Local, PrefixLength);

    /// <summary>True unless the address was learned (SLAAC, DHCP with lifetimes): IFA_F_PERMANENT.</summary>
    public bool IsPermanent => (Flags & AddressFlags.Permanent) != 0;

    /// <inheritdoc/>
    public override string ToString() => $"{Local}/{PrefixLength} dev {LinkIndex}";
}

using System.Net.NetworkInformation;

namespace Netlink.Route;

/// <summary>
/// Changes to an existing link for <see cref="RouteClient.SetLinkAsync(int, LinkChanges, CancellationToken)"/>:
/// every property left null stays as it is. All changes go in one request.
/// </summary>
public sealed record LinkChanges
{
    /// <summary>true: set IFF_UP; false: clear it.</summary>
    public bool? Up { get; init; }

    /// <summary>New MTU.</summary>
    public uint? Mtu { get; init; }

    /// <summary>New name.</summary>
    public string? Name { get; init; }

    /// <summary>New hardware address.</summary>
    public PhysicalAddress? Address { get; init; }

    /// <summary>New transmit queue length.</summary>
    public uint? TxQueueLength { get; init; }

    /// <summary>New alias; the empty string removes it.</summary>
    public string? Alias { get; init; }

    /// <summary>Enslave to the master with this index; 0 releases the link from its master (nomaster).</summary>
    public int? MasterIndex { get; init; }

    /// <summary>Move the link into this namespace (IFLA_NET_NS_FD); the caller keeps owning it.</summary>
    public NetworkNamespace? Namespace { get; init; }

    /// <summary>Move the link into the namespace of this process (IFLA_NET_NS_PID).</summary>
    public int? NamespacePid { get; init; }

    /// <summary>A change that only releases the link from its master.</summary>
    public static LinkChanges NoMaster { get; } = new() { MasterIndex = 0 };

    internal void Validate()
    {
        if (Name is not null)
        {
            InterfaceName.Validate(Name, nameof(Name));
        }

        if (Mtu == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Mtu), Mtu, "an MTU of 0 is not valid");
        }

        if (MasterIndex is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MasterIndex), MasterIndex, "a master index is positive, or 0 for no master");
        }

        if (Address is { } address && Netlink.Encoding.PhysicalAddressBytes.Get(address).IsEmpty)
        {
            throw new ArgumentException("the hardware address is empty", nameof(Address));
        }

        // Counted in bytes, as the kernel stores it (LosslessUtf8 also refuses an alias that cannot round-trip).
        if (Alias is not null && LosslessUtf8.GetByteCount(Alias, nameof(Alias)) > 255)
        {
            throw new ArgumentException("an alias is at most 255 bytes (IFALIASZ - 1)", nameof(Alias));
        }

        if (Namespace is not null && NamespacePid is not null)
        {
            throw new ArgumentException("give the target namespace either as a NetworkNamespace or as a pid, not both", nameof(NamespacePid));
        }

        if (NamespacePid is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(NamespacePid), NamespacePid, "a process id is positive");
        }
    }
}

/// <summary>Kernel-side filters for <see cref="RouteClient.ListLinksAsync"/> (honoured in strict mode).</summary>
public sealed record LinkFilter
{
    /// <summary>Only links of this kind ("veth", "bridge"…): IFLA_LINKINFO/IFLA_INFO_KIND in the dump request.</summary>
    public string? Kind { get; init; }

    /// <summary>Only ports of the master with this index (IFLA_MASTER in the dump request).</summary>
    public int? MasterIndex { get; init; }
}

/// <summary>
/// Called once per link of a dump with the generated header and attribute reader, read in place in
/// the receive buffer (no copy, no allocation). Must not keep either beyond the call.
/// </summary>
public delegate void LinkVisitor(in Generated.RtLink.Ifinfomsg header, Generated.RtLink.LinkAttrsReader attributes);

using Netlink.Encoding;
using Netlink.Messages;
using Netlink.Route.Generated;

namespace Netlink.Route;

/// <summary>Which neighbours <see cref="RouteClient.ListNeighboursAsync"/> returns (kernel-side NDA_IFINDEX / NDA_MASTER filters).</summary>
public sealed record NeighbourFilter
{
    /// <summary>Inet, Inet6, Bridge (the FDB), or Unspecified for IPv4 and IPv6 (and others the kernel dumps).</summary>
    public NeighbourFamily Family { get; init; }

    /// <summary>Only entries on this interface; 0 for any.</summary>
    public int InterfaceIndex { get; init; }

    /// <summary>Only entries on ports of this master (bridge); 0 for any.</summary>
    public int MasterIndex { get; init; }

    /// <summary>
    /// List the proxy entries (<c>ip neigh show proxy</c>) instead of the cache: the kernel keeps
    /// them in a table of their own and dumps it when the request carries NTF_PROXY.
    /// </summary>
    public bool Proxy { get; init; }
}

/// <summary>Builds neighbour requests (sequence 0) after validating them.</summary>
internal static class NeighbourRequests
{
    internal const NlMsgFlags AddFlags = NlMsgFlags.Request | NlMsgFlags.Ack | NlMsgFlags.Create | NlMsgFlags.Excl;

    internal const NlMsgFlags ReplaceFlags = NlMsgFlags.Request | NlMsgFlags.Ack | NlMsgFlags.Create | NlMsgFlags.Replace;

    /// <summary>Writes RTM_NEWNEIGH.</summary>
    internal static void WriteNew(NetlinkMessageWriter writer, Neighbour neighbour, NlMsgFlags flags) => Write(writer, neighbour, flags, delete: false);

    /// <summary>Writes RTM_DELNEIGH.</summary>
    internal static void WriteDelete(NetlinkMessageWriter writer, Neighbour neighbour) => Write(writer, neighbour, NlMsgFlags.Request | NlMsgFlags.Ack, delete: true);

    /// <summary>Writes an RTM_GETNEIGH dump request with the filter as attributes (strict checking).</summary>
    internal static void WriteDump(NetlinkMessageWriter writer, NeighbourFilter filter)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.InterfaceIndex < 0 || filter.MasterIndex < 0)
        {
            throw new ArgumentException("interface indexes cannot be negative", nameof(filter));
        }

        var header = new RtNeigh.Ndmsg { NdmFamily = (byte)filter.Family, NdmFlags = filter.Proxy ? (byte)NeighbourFlags.Proxy : (byte)0 };
        RtNeigh.NeighbourAttrsWriter attributes = RtNeigh.BeginGetneighDumpRequest(writer, in header);
        if (filter.InterfaceIndex != 0)
        {
            attributes.WriteIfindex((uint)filter.InterfaceIndex);
        }

        if (filter.MasterIndex != 0)
        {
            attributes.WriteMaster((uint)filter.MasterIndex);
        }

        attributes.End();
    }

    /// <summary>The family of a request: the given one, else from the destination.</summary>
    internal static NeighbourFamily FamilyOf(Neighbour neighbour) =>
        neighbour.Family != NeighbourFamily.Unspecified
            ? neighbour.Family
            : neighbour.Destination is null ? NeighbourFamily.Unspecified : (NeighbourFamily)InetAddress.FamilyOf(neighbour.Destination);

    private static void Write(NetlinkMessageWriter writer, Neighbour neighbour, NlMsgFlags flags, bool delete)
    {
        ArgumentNullException.ThrowIfNull(writer);
        const string Parameter = "neighbour";
        ArgumentNullException.ThrowIfNull(neighbour, Parameter);
        NeighbourFamily family = FamilyOf(neighbour);
        if (neighbour.InterfaceIndex <= 0)
        {
            throw new ArgumentException("a neighbour needs an interface (InterfaceIndex > 0)", Parameter);
        }

        NeighbourFlags ndmFlags = neighbour.Flags;
        switch (family)
        {
            case NeighbourFamily.Inet or NeighbourFamily.Inet6:
                if (neighbour.Destination is null)
                {
                    throw new ArgumentException("an ARP/NDP entry needs a destination address", Parameter);
                }

                if ((byte)InetAddress.FamilyOf(neighbour.Destination) != (byte)family)
                {
                    throw new ArgumentException($"destination {neighbour.Destination} is not of family {family}", Parameter);
                }

                break;
            case NeighbourFamily.Bridge:
                if (neighbour.LinkLayerAddress is null)
                {
                    throw new ArgumentException("an FDB entry needs a link-layer address", Parameter);
                }

                if ((ndmFlags & (NeighbourFlags.Self | NeighbourFlags.Master)) == 0)
                {
                    ndmFlags |= NeighbourFlags.Self;
                }

                break;
            default:
                throw new ArgumentException("set Family (Inet, Inet6 or Bridge) or a Destination", Parameter);
        }

        // A proxy entry answers for an address on the device's behalf: it has no link-layer address of its own.
        bool proxy = (ndmFlags & NeighbourFlags.Proxy) != 0;
        if (!delete && !proxy && family != NeighbourFamily.Bridge && neighbour.LinkLayerAddress is null && neighbour.State is NeighbourState.Permanent or NeighbourState.NoArp)
        {
            throw new ArgumentException($"a {neighbour.State} entry needs a link-layer address", Parameter);
        }

        if (neighbour.Vlan is > 4094 or 0)
        {
            throw new ArgumentException($"VLAN {neighbour.Vlan} is outside 1-4094", Parameter);
        }

        var header = new RtNeigh.Ndmsg
        {
            NdmFamily = (byte)family,
            NdmIfindex = neighbour.InterfaceIndex,
            NdmState = (ushort)neighbour.State, // FDB deletes of device (self) entries need NUD_PERMANENT
            NdmFlags = (byte)ndmFlags,
            NdmType = neighbour.Type,
        };
        RtNeigh.NeighbourAttrsWriter attributes = delete
            ? RtNeigh.BeginDelneighRequest(writer, in header, flags)
            : RtNeigh.BeginNewneighRequest(writer, in header, flags);
        if (neighbour.Destination is not null)
        {
            attributes.WriteDst(neighbour.Destination);
        }

        if (neighbour.LinkLayerAddress is not null && (!delete || family == NeighbourFamily.Bridge))
        {
            attributes.WriteLladdr(neighbour.LinkLayerAddress);
        }

        if (neighbour.Vlan is { } vlan)
        {
            attributes.WriteVlan(vlan);
        }

        if (neighbour.Vni is { } vni)
        {
            attributes.WriteVni(vni);
        }

        if (neighbour.MasterIndex != 0 && family == NeighbourFamily.Bridge && !delete)
        {
            attributes.WriteMaster((uint)neighbour.MasterIndex);
        }

        if (neighbour.Protocol is { } protocol && !delete)
        {
            attributes.WriteProtocol(protocol);
        }

        attributes.End();
    }
}

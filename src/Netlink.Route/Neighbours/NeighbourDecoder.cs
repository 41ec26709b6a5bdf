using System.Diagnostics.CodeAnalysis;
using System.Net.NetworkInformation;
using Netlink.Encoding;
using Netlink.Messages;
using Netlink.Route.Generated;

namespace Netlink.Route;

/// <summary>Decodes RTM_NEWNEIGH / RTM_DELNEIGH messages (dump replies and events) into <see cref="Neighbour"/>.</summary>
internal static class NeighbourDecoder
{
    /// <summary>Decodes a neighbour message; false for other message types or a short header.</summary>
    internal static bool TryDecode(NetlinkMessage message, [MaybeNullWhen(false)] out Neighbour neighbour)
    {
        neighbour = null;
        if (message.Type is not (RtNeigh.Messages.NewneighNtf or RtNeigh.Messages.DelneighNtf)
            || !(message.Type == RtNeigh.Messages.DelneighNtf
                ? RtNeigh.TryReadDelneighNtf(message.Bytes, out RtNeigh.Ndmsg header, out RtNeigh.NeighbourAttrsReader attributes)
                : RtNeigh.TryReadNewneighNtf(message.Bytes, out header, out attributes)))
        {
            return false;
        }

        neighbour = new Neighbour
        {
            Family = (NeighbourFamily)header.NdmFamily,
            InterfaceIndex = header.NdmIfindex,
            Destination = attributes.TryGetDstBytes(out ReadOnlySpan<byte> dst) ? InetAddress.Read(dst) : null,
            LinkLayerAddress = attributes.TryGetLladdrBytes(out ReadOnlySpan<byte> lladdr) ? new PhysicalAddress(lladdr.ToArray()) : null,
            State = (NeighbourState)header.NdmState,
            Flags = (NeighbourFlags)header.NdmFlags,
            Type = header.NdmType,
            MasterIndex = attributes.TryGetMaster(out uint master) ? (int)master : 0,
            Vlan = attributes.TryGetVlan(out ushort vlan) ? vlan : null,
            Vni = attributes.TryGetVni(out uint vni) ? vni : null,
            Probes = attributes.TryGetProbes(out uint probes) ? probes : null,
            Protocol = attributes.TryGetProtocol(out byte protocol) ? protocol : null,
        };
        return true;
    }
}

using System.Net;
using System.Runtime.InteropServices;
using Netlink.Encoding;
using Netlink.Route.Generated;

namespace Netlink.Route;

/// <summary>
/// RTA_MULTIPATH by hand: a packed list of <c>struct rtnexthop</c> (len u16, flags u8, hops u8,
/// ifindex s32), each followed by its own route attributes (RTA_GATEWAY, RTA_VIA…) within rtnh_len.
/// The schema models the attribute as binary, so this file is its codec.
/// </summary>
internal static class RouteMultipath
{
    private const ushort RtaGateway = (ushort)RtRoute.RouteAttrsAttr.Gateway;
    private const ushort RtaVia = (ushort)RtRoute.RouteAttrsAttr.Via;

    /// <summary>Decodes the next hops of an RTA_MULTIPATH payload; stops quietly at a malformed record.</summary>
    public static RouteNextHop[] Read(ReadOnlySpan<byte> payload)
    {
        int count = 0;
        for (int at = 0; TryNext(payload, at, out int length); at += NlAlign.Align(length))
        {
            count++;
        }

        var hops = new RouteNextHop[count];
        int i = 0;
        for (int at = 0; i < count && TryNext(payload, at, out int length); at += NlAlign.Align(length))
        {
            RtRoute.Rtnexthop nh = MemoryMarshal.Read<RtRoute.Rtnexthop>(payload[at..]);
            IPAddress? gateway = null;
            foreach (NlAttribute attribute in new NlAttributeEnumerator(payload.Slice(at + RtRoute.Rtnexthop.Size, length - RtRoute.Rtnexthop.Size)))
            {
                if (attribute.Type == RtaGateway)
                {
                    gateway = InetAddress.Read(attribute.Payload);
                }
                else if (attribute.Type == RtaVia)
                {
                    gateway = ReadVia(attribute.Payload);
                }
            }

            hops[i++] = new RouteNextHop(gateway, nh.RtnhIfindex, nh.RtnhHops + 1, (RouteFlags)nh.RtnhFlags);
        }

        return hops;
    }

    /// <summary>True if any hop of an RTA_MULTIPATH payload goes out through <paramref name="interfaceIndex"/>.</summary>
    public static bool UsesInterface(ReadOnlySpan<byte> payload, int interfaceIndex)
    {
        for (int at = 0; TryNext(payload, at, out int length); at += NlAlign.Align(length))
        {
            if (MemoryMarshal.Read<RtRoute.Rtnexthop>(payload[at..]).RtnhIfindex == interfaceIndex)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads a <c>struct rtvia</c> (family u16 + address).</summary>
    public static IPAddress? ReadVia(ReadOnlySpan<byte> payload) =>
        payload.Length >= 2 ? InetAddress.Read(payload[2..], (byte)MemoryMarshal.Read<ushort>(payload)) : null;

    /// <summary>Writes RTA_MULTIPATH with one rtnexthop record per hop (validated by the caller).</summary>
    public static void Write(NetlinkMessageWriter writer, IReadOnlyList<RouteNextHop> hops)
    {
        int nest = writer.BeginNested((ushort)RtRoute.RouteAttrsAttr.Multipath);
        for (int i = 0; i < hops.Count; i++)
        {
            RouteNextHop hop = hops[i];
            int addressSize = hop.Gateway is null ? 0 : InetAddress.SizeOf(InetAddress.FamilyOf(hop.Gateway));
            int length = RtRoute.Rtnexthop.Size + (addressSize == 0 ? 0 : NlAlign.Align(NlAttribute.HeaderSize + addressSize));
            var record = new RtRoute.Rtnexthop
            {
                RtnhLen = (ushort)length,
                RtnhFlags = (byte)hop.Flags,
                RtnhHops = (byte)(hop.Weight - 1),
                RtnhIfindex = hop.InterfaceIndex,
            };
            writer.WriteStruct(in record);
            if (hop.Gateway is not null)
            {
                // The attributes after an rtnexthop are route attributes: the generated writer writes the gateway.
                new RtRoute.RouteAttrsWriter(writer).WriteGateway(hop.Gateway);
            }
        }

        writer.EndNested(nest);
    }

    private static bool TryNext(ReadOnlySpan<byte> payload, int at, out int length)
    {
        length = 0;
        if (at + RtRoute.Rtnexthop.Size > payload.Length)
        {
            return false;
        }

        length = MemoryMarshal.Read<ushort>(payload[at..]);
        return length >= RtRoute.Rtnexthop.Size && at + length <= payload.Length;
    }
}

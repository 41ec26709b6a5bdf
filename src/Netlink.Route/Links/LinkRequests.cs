using Netlink.Encoding;
using Netlink.Messages;
using Netlink.Route.Generated;

namespace Netlink.Route;

/// <summary>
/// Builds link requests into a writer without sending them (sequence 0, port 0: the connection
/// fills both), so tests can render the exact bytes. Each builder validates its input first.
/// </summary>
internal static class LinkRequests
{
    private const NlMsgFlags CreateFlags = NlMsgFlags.Request | NlMsgFlags.Ack | NlMsgFlags.Create | NlMsgFlags.Excl;
    private const NlMsgFlags ChangeFlags = NlMsgFlags.Request | NlMsgFlags.Ack;

    /// <summary>RTM_GETLINK dump with IFLA_EXT_MASK and the filter's IFLA_MASTER / IFLA_LINKINFO kind.</summary>
    public static void WriteDump(NetlinkMessageWriter writer, LinkFilter? filter)
    {
        filter ??= new LinkFilter();
        if (filter.MasterIndex is { } master)
        {
            InterfaceName.ValidateIndex(master, nameof(filter.MasterIndex));
        }

        if (filter.Kind is { } kind && string.IsNullOrWhiteSpace(kind))
        {
            throw new ArgumentException("the kind filter must not be blank", nameof(filter));
        }

        var header = new RtLink.Ifinfomsg();
        RtLink.LinkAttrsWriter attributes = RtLink.BeginGetlinkDumpRequest(writer, in header);
        attributes.WriteExtMask(RtLink.RtextFilter.Vf);
        if (filter.MasterIndex is { } masterIndex)
        {
            attributes.WriteMaster((uint)masterIndex);
        }

        if (filter.Kind is { } kindName)
        {
            RtLink.LinkinfoAttrsWriter info = attributes.BeginLinkinfo();
            info.WriteKind(kindName);
            info.End();
        }

        attributes.End();
    }

    /// <summary>RTM_GETLINK for one link by index.</summary>
    public static void WriteGet(NetlinkMessageWriter writer, int index)
    {
        InterfaceName.ValidateIndex(index, nameof(index));
        var header = new RtLink.Ifinfomsg { IfiIndex = index };
        RtLink.LinkAttrsWriter attributes = RtLink.BeginGetlinkRequest(writer, in header, NlMsgFlags.Request);
        attributes.WriteExtMask(RtLink.RtextFilter.Vf);
        attributes.End();
    }

    /// <summary>RTM_GETLINK for one link by name (IFLA_IFNAME).</summary>
    public static void WriteGet(NetlinkMessageWriter writer, string name)
    {
        InterfaceName.Validate(name, nameof(name));
        var header = new RtLink.Ifinfomsg();
        RtLink.LinkAttrsWriter attributes = RtLink.BeginGetlinkRequest(writer, in header, NlMsgFlags.Request);
        attributes.WriteIfname(name);
        attributes.WriteExtMask(RtLink.RtextFilter.Vf);
        attributes.End();
    }

    /// <summary>RTM_NEWLINK with NLM_F_CREATE|NLM_F_EXCL for <paramref name="spec"/>.</summary>
    public static void WriteAdd(NetlinkMessageWriter writer, LinkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var header = new RtLink.Ifinfomsg
        {
            IfiFlags = spec.Up ? (uint)LinkFlags.Up : 0,
            IfiChange = spec.Up ? (uint)LinkFlags.Up : 0,
        };
        RtLink.LinkAttrsWriter attributes = RtLink.BeginNewlinkRequest(writer, in header, CreateFlags);
        attributes.WriteIfname(spec.Name);
        WriteCommon(attributes, spec.Mtu, spec.Address, spec.TxQueueLength);
        if (spec.MasterIndex is { } master)
        {
            attributes.WriteMaster((uint)master);
        }

        if (spec.ParentIndex is { } parent)
        {
            attributes.WriteLink((uint)parent);
        }

        RtLink.LinkinfoAttrsWriter info = attributes.BeginLinkinfo();
        info.WriteKind(spec.Kind);
        spec.WriteLinkInfoData(writer);
        info.End();
        attributes.End();
    }

    /// <summary>RTM_NEWLINK (no create flags) changing an existing link.</summary>
    public static void WriteSet(NetlinkMessageWriter writer, int index, LinkChanges changes)
    {
        InterfaceName.ValidateIndex(index, nameof(index));
        ArgumentNullException.ThrowIfNull(changes);
        changes.Validate();
        var header = new RtLink.Ifinfomsg
        {
            IfiIndex = index,
            IfiFlags = changes.Up == true ? (uint)LinkFlags.Up : 0,
            IfiChange = changes.Up is null ? 0 : (uint)LinkFlags.Up,
        };
        RtLink.LinkAttrsWriter attributes = RtLink.BeginNewlinkRequest(writer, in header, ChangeFlags);
        if (changes.Name is { } name)
        {
            attributes.WriteIfname(name);
        }

        WriteCommon(attributes, changes.Mtu, changes.Address, changes.TxQueueLength);
        if (changes.Alias is { } alias)
        {
            attributes.WriteIfalias(alias);
        }

        if (changes.MasterIndex is { } master)
        {
            attributes.WriteMaster((uint)master);
        }

        if (changes.Namespace is { } netns)
        {
            attributes.WriteNetNsFd(FileDescriptorOf(netns));
        }
        else if (changes.NamespacePid is { } pid)
        {
            attributes.WriteNetNsPid((uint)pid);
        }

        attributes.End();
    }

    /// <summary>RTM_DELLINK by index.</summary>
    public static void WriteDelete(NetlinkMessageWriter writer, int index)
    {
        InterfaceName.ValidateIndex(index, nameof(index));
        var header = new RtLink.Ifinfomsg { IfiIndex = index };
        RtLink.BeginDellinkRequest(writer, in header, ChangeFlags).End();
    }

    /// <summary>RTM_DELLINK by name (IFLA_IFNAME).</summary>
    public static void WriteDelete(NetlinkMessageWriter writer, string name)
    {
        InterfaceName.Validate(name, nameof(name));
        var header = new RtLink.Ifinfomsg();
        RtLink.LinkAttrsWriter attributes = RtLink.BeginDellinkRequest(writer, in header, ChangeFlags);
        attributes.WriteIfname(name);
        attributes.End();
    }

    internal static void WriteVethData(NetlinkMessageWriter writer, VethSpec spec)
    {
        var info = new RtLink.LinkinfoAttrsWriter(writer);
        RtLink.LinkinfoVethAttrsWriter data = info.BeginDataAsVeth();
        var peerHeader = new RtLink.Ifinfomsg();
        RtLink.LinkAttrsWriter peer = data.BeginPeerAsVeth(in peerHeader);
        peer.WriteIfname(spec.PeerName);
        WriteCommon(peer, spec.PeerMtu, spec.PeerAddress, null);
        if (spec.PeerNamespace is { } netns)
        {
            peer.WriteNetNsFd(FileDescriptorOf(netns));
        }
        else if (spec.PeerNamespacePid is { } pid)
        {
            peer.WriteNetNsPid((uint)pid);
        }

        peer.End();
        data.End();
    }

    internal static void WriteBridgeData(NetlinkMessageWriter writer, BridgeSpec spec)
    {
        var info = new RtLink.LinkinfoAttrsWriter(writer);
        RtLink.LinkinfoBridgeAttrsWriter data = info.BeginDataAsBridge();
        if (spec.ForwardDelay is { } forwardDelay)
        {
            data.WriteForwardDelay(ToClockTicks(forwardDelay));
        }

        if (spec.HelloTime is { } helloTime)
        {
            data.WriteHelloTime(ToClockTicks(helloTime));
        }

        if (spec.MaxAge is { } maxAge)
        {
            data.WriteMaxAge(ToClockTicks(maxAge));
        }

        if (spec.AgeingTime is { } ageing)
        {
            data.WriteAgeingTime(ToClockTicks(ageing));
        }

        if (spec.Stp is { } stp)
        {
            data.WriteStpState(stp ? 1u : 0u);
        }

        if (spec.Priority is { } priority)
        {
            data.WritePriority(priority);
        }

        if (spec.VlanFiltering is { } filtering)
        {
            data.WriteVlanFiltering(filtering ? (byte)1 : (byte)0);
        }

        if (spec.VlanDefaultPvid is { } pvid)
        {
            data.WriteVlanDefaultPvid(pvid);
        }

        data.End();
    }

    internal static void WriteMacvlanData(NetlinkMessageWriter writer, MacvlanSpec spec)
    {
        var info = new RtLink.LinkinfoAttrsWriter(writer);
        RtLink.LinkinfoMacvlanAttrsWriter data = info.BeginDataAsMacvlan();
        data.WriteMode((RtLink.MacvlanMode)(uint)spec.Mode);
        data.End();
    }

    internal static void WriteVxlanData(NetlinkMessageWriter writer, VxlanSpec spec)
    {
        var info = new RtLink.LinkinfoAttrsWriter(writer);
        RtLink.LinkinfoVxlanAttrsWriter data = info.BeginDataAsVxlan();
        data.WriteId(spec.Id);
        if ((spec.Remote ?? spec.Group) is { } peer)
        {
            if (peer.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                data.WriteGroup6(peer);
            }
            else
            {
                data.WriteGroup(peer);
            }
        }

        if (spec.Local is { } local)
        {
            if (local.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                data.WriteLocal6(local);
            }
            else
            {
                data.WriteLocal(local);
            }
        }

        if (spec.VxlanParentIndex is { } parent)
        {
            data.WriteLink((uint)parent);
        }

        if (spec.Port is { } port)
        {
            data.WritePort(port);
        }

        if (spec.Learning is { } learning)
        {
            data.WriteLearning(learning ? (byte)1 : (byte)0);
        }

        if (spec.Ttl is { } ttl)
        {
            data.WriteTtl(ttl);
        }

        if (spec.Tos is { } tos)
        {
            data.WriteTos(tos);
        }

        if (spec.Ageing is { } ageing)
        {
            data.WriteAgeing((uint)ageing.TotalSeconds);
        }

        if (spec.PortRange is { } range)
        {
            data.WritePortRange(new RtLink.IflaVxlanPortRange { Low = range.Low, High = range.High });
        }

        if (spec.UdpChecksum is { } checksum)
        {
            data.WriteUdpCsum(checksum ? (byte)1 : (byte)0);
        }

        data.End();
    }

    private static void WriteCommon(RtLink.LinkAttrsWriter attributes, uint? mtu, System.Net.NetworkInformation.PhysicalAddress? address, uint? txQueueLength)
    {
        if (mtu is { } value)
        {
            attributes.WriteMtu(value);
        }

        if (address is not null)
        {
            attributes.WriteAddress(address);
        }

        if (txQueueLength is { } length)
        {
            attributes.WriteTxqlen(length);
        }
    }

    /// <summary>Bridge timers are in USER_HZ clock ticks (1/100 s).</summary>
    private static uint ToClockTicks(TimeSpan time) => checked((uint)Math.Round(time.TotalMilliseconds / 10));

    private static uint FileDescriptorOf(NetworkNamespace netns) => checked((uint)netns.Handle.DangerousGetHandle().ToInt64());
}

using System.Net;
using System.Net.NetworkInformation;
using Netlink.Messages;
using Netlink.Route.Generated;

namespace Netlink.Route;

/// <summary>Decodes RTM_NEWLINK / RTM_DELLINK messages into <see cref="Link"/> records.</summary>
internal static class LinkDecoder
{
    /// <summary>Decodes a link message (dump reply or notification); false for other types or a short header.</summary>
    public static bool TryDecode(NetlinkMessage message, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Link link)
    {
        link = null;
        if (message.Type is not (RtLink.Messages.NewlinkNtf or RtLink.Messages.DellinkNtf))
        {
            return false;
        }

        if (!(message.Type == RtLink.Messages.DellinkNtf
                ? RtLink.TryReadDellinkNtf(message.Bytes, out RtLink.Ifinfomsg header, out RtLink.LinkAttrsReader attributes)
                : RtLink.TryReadNewlinkNtf(message.Bytes, out header, out attributes))
            || message.Bytes.Length < NlMsgHeader.Size + RtLink.Ifinfomsg.Size)
        {
            return false;
        }

        link = Decode(in header, attributes);
        return true;
    }

    /// <summary>Builds the record from a header and its attributes (used by the typed list on top of the visitor path).</summary>
    public static Link Decode(in RtLink.Ifinfomsg header, RtLink.LinkAttrsReader attributes)
    {
        string? kind = null;
        string? portKind = null;
        LinkDetails? details = null;
        BridgePortDetails? portDetails = null;
        if (attributes.TryGetLinkinfo(out RtLink.LinkinfoAttrsReader info))
        {
            kind = info.TryGetKindBytes(out ReadOnlySpan<byte> kindBytes) ? Internal.Utf8StringCache.Get(kindBytes) : null;
            portKind = info.TryGetSlaveKindBytes(out ReadOnlySpan<byte> portKindBytes) ? Internal.Utf8StringCache.Get(portKindBytes) : null;
            details = DecodeDetails(kind, info);
            if (info.TryGetSlaveData(out RtLink.LinkinfoMemberDataMsg slaveData) && slaveData.TryGetBridge(out RtLink.LinkinfoBrportAttrsReader port))
            {
                portDetails = DecodePort(port);
            }
        }

        int? parent = attributes.TryGetLink(out uint linkIndex) ? (int)linkIndex : null;
        int? netnsId = attributes.TryGetLinkNetnsid(out int nsid) ? nsid : null;
        if (details is VethDetails veth)
        {
            details = veth with { PeerIndex = parent, PeerNetnsId = netnsId };
        }

        return new Link
        {
            Index = header.IfiIndex,
            Name = attributes.TryGetIfname(out string? name) ? name : string.Empty,
            Flags = (LinkFlags)header.IfiFlags,
            LinkType = (ArpHardwareType)header.IfiType,
            Mtu = attributes.TryGetMtu(out uint mtu) ? mtu : null,
            MinMtu = attributes.TryGetMinMtu(out uint minMtu) ? minMtu : null,
            MaxMtu = attributes.TryGetMaxMtu(out uint maxMtu) ? maxMtu : null,
            OperationalState = attributes.TryGetOperstate(out RtLink.IflaOperstate operstate) ? (LinkOperationalState)(byte)operstate : LinkOperationalState.Unknown,
            Mode = attributes.TryGetLinkmode(out RtLink.IflaLinkmode mode) ? (LinkMode)(byte)mode : LinkMode.Default,
            Address = attributes.TryGetAddressBytes(out ReadOnlySpan<byte> address) && !address.IsEmpty ? new PhysicalAddress(address.ToArray()) : null,
            Broadcast = attributes.TryGetBroadcastBytes(out ReadOnlySpan<byte> broadcast) && !broadcast.IsEmpty ? new PhysicalAddress(broadcast.ToArray()) : null,
            PermanentAddress = attributes.TryGetPermAddressBytes(out ReadOnlySpan<byte> permanent) && !permanent.IsEmpty ? new PhysicalAddress(permanent.ToArray()) : null,
            MasterIndex = attributes.TryGetMaster(out uint master) && master != 0 ? (int)master : null,
            ParentIndex = parent,
            LinkNetnsId = netnsId,
            TxQueueLength = attributes.TryGetTxqlen(out uint txqlen) ? txqlen : null,
            Alias = attributes.TryGetIfalias(out string? alias) ? alias : null,
            Qdisc = attributes.TryGetQdiscBytes(out ReadOnlySpan<byte> qdisc) ? Internal.Utf8StringCache.Get(qdisc) : null,
            Group = attributes.TryGetGroup(out uint group) ? group : 0,
            Promiscuity = attributes.TryGetPromiscuity(out uint promiscuity) ? promiscuity : null,
            TxQueues = attributes.TryGetNumTxQueues(out uint txQueues) ? txQueues : null,
            RxQueues = attributes.TryGetNumRxQueues(out uint rxQueues) ? rxQueues : null,
            Carrier = attributes.TryGetCarrier(out byte carrier) ? carrier != 0 : null,
            CarrierChanges = attributes.TryGetCarrierChanges(out uint carrierChanges) ? carrierChanges : null,
            AllMulticast = attributes.TryGetAllmulti(out uint allMulticast) ? allMulticast : null,
            Kind = kind,
            Details = details,
            PortKind = portKind,
            PortDetails = portDetails,
            Statistics = attributes.TryGetStats64(out RtLink.RtnlLinkStats64 stats) ? DecodeStatistics(in stats) : null,
        };
    }

    private static LinkDetails? DecodeDetails(string? kind, RtLink.LinkinfoAttrsReader info)
    {
        if (kind == "veth")
        {
            return new VethDetails();
        }

        if (!info.TryGetData(out RtLink.LinkinfoDataMsg data))
        {
            return null;
        }

        if (data.TryGetBridge(out RtLink.LinkinfoBridgeAttrsReader bridge))
        {
            return new BridgeDetails
            {
                ForwardDelay = bridge.TryGetForwardDelay(out uint forwardDelay) ? FromClockTicks(forwardDelay) : null,
                HelloTime = bridge.TryGetHelloTime(out uint helloTime) ? FromClockTicks(helloTime) : null,
                MaxAge = bridge.TryGetMaxAge(out uint maxAge) ? FromClockTicks(maxAge) : null,
                AgeingTime = bridge.TryGetAgeingTime(out uint ageing) ? FromClockTicks(ageing) : null,
                StpState = bridge.TryGetStpState(out uint stp) ? stp : null,
                Priority = bridge.TryGetPriority(out ushort priority) ? priority : null,
                VlanFiltering = bridge.TryGetVlanFiltering(out byte filtering) ? filtering != 0 : null,
                VlanProtocol = bridge.TryGetVlanProtocol(out ushort protocol) ? protocol : null,
                VlanDefaultPvid = bridge.TryGetVlanDefaultPvid(out ushort pvid) ? pvid : null,
                MulticastSnooping = bridge.TryGetMcastSnooping(out byte snooping) ? snooping != 0 : null,
            };
        }

        if (data.TryGetMacvlan(out RtLink.LinkinfoMacvlanAttrsReader macvlan) || data.TryGetMacvtap(out macvlan))
        {
            return new MacvlanDetails(kind ?? "macvlan")
            {
                Mode = macvlan.TryGetMode(out RtLink.MacvlanMode mode) ? (MacvlanMode)(uint)mode : null,
                Flags = macvlan.TryGetFlags(out RtLink.MacvlanFlags flags) ? (uint)flags : null,
            };
        }

        if (data.TryGetVxlan(out RtLink.LinkinfoVxlanAttrsReader vxlan))
        {
            IPAddress? peer = vxlan.TryGetGroupAddress(out IPAddress? group4) ? group4 : vxlan.TryGetGroup6Address(out IPAddress? group6) ? group6 : null;
            bool multicast = peer is not null && VxlanSpec.IsMulticast(peer);
            return new VxlanDetails
            {
                Id = vxlan.TryGetId(out uint id) ? id : null,
                Group = multicast ? peer : null,
                Remote = multicast ? null : peer,
                Local = vxlan.TryGetLocalAddress(out IPAddress? local4) ? local4 : vxlan.TryGetLocal6Address(out IPAddress? local6) ? local6 : null,
                Port = vxlan.TryGetPort(out ushort port) ? port : null,
                ParentIndex = vxlan.TryGetLink(out uint link) && link != 0 ? (int)link : null,
                Learning = vxlan.TryGetLearning(out byte learning) ? learning != 0 : null,
                Ttl = vxlan.TryGetTtl(out byte ttl) ? ttl : null,
                Tos = vxlan.TryGetTos(out byte tos) ? tos : null,
                Ageing = vxlan.TryGetAgeing(out uint ageing) ? TimeSpan.FromSeconds(ageing) : null,
                Limit = vxlan.TryGetLimit(out uint limit) ? limit : null,
                PortRange = vxlan.TryGetPortRange(out RtLink.IflaVxlanPortRange range) ? (range.Low, range.High) : null,
                UdpChecksum = vxlan.TryGetUdpCsum(out byte checksum) ? checksum != 0 : null,
            };
        }

        return null;
    }

    private static BridgePortDetails DecodePort(RtLink.LinkinfoBrportAttrsReader port) => new()
    {
        State = port.TryGetState(out RtLink.BrPortState state) ? (byte)state : null,
        Priority = port.TryGetPriority(out ushort priority) ? priority : null,
        Cost = port.TryGetCost(out uint cost) ? cost : null,
        Learning = port.TryGetLearning(out byte learning) ? learning != 0 : null,
        UnicastFlood = port.TryGetUnicastFlood(out byte flood) ? flood != 0 : null,
    };

    private static LinkStatistics DecodeStatistics(in RtLink.RtnlLinkStats64 s) => new()
    {
        RxPackets = s.RxPackets,
        TxPackets = s.TxPackets,
        RxBytes = s.RxBytes,
        TxBytes = s.TxBytes,
        RxErrors = s.RxErrors,
        TxErrors = s.TxErrors,
        RxDropped = s.RxDropped,
        TxDropped = s.TxDropped,
        Multicast = s.Multicast,
        Collisions = s.Collisions,
        RxLengthErrors = s.RxLengthErrors,
        RxOverErrors = s.RxOverErrors,
        RxCrcErrors = s.RxCrcErrors,
        RxFrameErrors = s.RxFrameErrors,
        RxFifoErrors = s.RxFifoErrors,
        RxMissedErrors = s.RxMissedErrors,
        TxAbortedErrors = s.TxAbortedErrors,
        TxCarrierErrors = s.TxCarrierErrors,
        TxFifoErrors = s.TxFifoErrors,
        TxHeartbeatErrors = s.TxHeartbeatErrors,
        TxWindowErrors = s.TxWindowErrors,
        RxCompressed = s.RxCompressed,
        TxCompressed = s.TxCompressed,
        RxNoHandler = s.RxNohandler,
        RxOtherHostDropped = s.RxOtherhostDropped,
    };

    private static TimeSpan FromClockTicks(uint ticks) => TimeSpan.FromMilliseconds(ticks * 10.0);
}

using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using Netlink.Encoding;
using Netlink.Messages;
using Netlink.Route.Generated;

namespace Netlink.Route;

/// <summary>Decodes RTM_NEWRULE / RTM_DELRULE messages (dump replies and events) into <see cref="Rule"/>.</summary>
internal static class RuleDecoder
{
    /// <summary>FIB_RULE_INVERT.</summary>
    internal const uint InvertFlag = 0x2;

    /// <summary>Decodes an IPv4 or IPv6 rule message; false for other types and families or a short header.</summary>
    internal static bool TryDecode(NetlinkMessage message, [MaybeNullWhen(false)] out Rule rule)
    {
        rule = null;
        if (message.Type is not (RtRule.Messages.NewruleNtf or RtRule.Messages.DelruleNtf)
            || !(message.Type == RtRule.Messages.DelruleNtf
                ? RtRule.TryReadDelruleNtf(message.Bytes, out RtRule.FibRuleHdr header, out RtRule.FibRuleAttrsReader a)
                : RtRule.TryReadNewruleNtf(message.Bytes, out header, out a))
            || header.Family is not (InetAddress.Inet or InetAddress.Inet6))
        {
            return false;
        }

        byte family = header.Family;
        uint table = a.TryGetTable(out uint t) ? t : header.Table;
        uint suppressPrefix = a.TryGetSuppressPrefixlen(out uint sp) ? sp : uint.MaxValue;
        uint suppressGroup = a.TryGetSuppressIfgroup(out uint sg) ? sg : uint.MaxValue;
        rule = new Rule
        {
            Family = InetAddress.FromLinux(family),
            Priority = a.TryGetPriority(out uint priority) ? priority : 0,
            Source = a.TryGetSrcBytes(out ReadOnlySpan<byte> src) ? IPPrefix.Create(src, family, header.SrcLen) : null,
            Destination = a.TryGetDstBytes(out ReadOnlySpan<byte> dst) ? IPPrefix.Create(dst, family, header.DstLen) : null,
            Invert = (header.Flags & InvertFlag) != 0,
            Tos = header.Tos,
            Table = table != 0 ? table : null,
            Action = (RuleAction)header.Action,
            GotoPriority = a.TryGetGoto(out uint target) ? target : null,
            FirewallMark = a.TryGetFwmark(out uint mark) ? mark : null,
            FirewallMask = a.TryGetFwmask(out uint mask) ? mask : null,
            InputInterface = a.TryGetIifname(out string? iif) ? iif : null,
            OutputInterface = a.TryGetOifname(out string? oif) ? oif : null,
            Protocol = a.TryGetProtocol(out byte protocol) ? (RouteProtocol)protocol : RouteProtocol.Unspecified,
            IpProtocol = a.TryGetIpProto(out byte ipProto) ? ipProto : null,
            SourcePorts = a.TryGetSportRange(out RtRule.FibRulePortRange sports) ? new PortRange(sports.Start, sports.End) : null,
            DestinationPorts = a.TryGetDportRange(out RtRule.FibRulePortRange dports) ? new PortRange(dports.Start, dports.End) : null,
            UidRange = a.TryGetUidRange(out RtRule.FibRuleUidRange uids) ? new UidRange(uids.Start, uids.End) : null,
            SuppressPrefixLength = suppressPrefix != uint.MaxValue ? (int)suppressPrefix : null,
            SuppressInterfaceGroup = suppressGroup != uint.MaxValue ? (int)suppressGroup : null,
            Flags = header.Flags,
        };
        return true;
    }
}

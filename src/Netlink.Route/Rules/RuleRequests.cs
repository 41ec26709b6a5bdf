using System.Net;
using System.Net.Sockets;
using Netlink.Encoding;
using Netlink.Messages;
using Netlink.Route.Generated;

namespace Netlink.Route;

/// <summary>Builds rule requests (sequence 0) after validating them.</summary>
internal static class RuleRequests
{
    internal const NlMsgFlags AddFlags = NlMsgFlags.Request | NlMsgFlags.Ack | NlMsgFlags.Create | NlMsgFlags.Excl;

    /// <summary>Writes RTM_NEWRULE (unset action: lookup; unset table: main).</summary>
    internal static void WriteNew(NetlinkMessageWriter writer, Rule rule) => Write(writer, rule, delete: false);

    /// <summary>Writes RTM_DELRULE: only what is set must match.</summary>
    internal static void WriteDelete(NetlinkMessageWriter writer, Rule rule) => Write(writer, rule, delete: true);

    /// <summary>Writes an RTM_GETRULE dump request for one family (or both with Unspecified).</summary>
    internal static void WriteDump(NetlinkMessageWriter writer, AddressFamily family)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var header = new RtRule.FibRuleHdr { Family = InetAddress.ToLinux(family) };
        RtRule.BeginGetruleDumpRequest(writer, in header).End();
    }

    /// <summary>The family of a request: the given one, else from the prefixes, else IPv4.</summary>
    internal static AddressFamily FamilyOf(Rule rule) =>
        rule.Family != AddressFamily.Unspecified
            ? rule.Family
            : rule.Source?.BaseAddress.AddressFamily ?? rule.Destination?.BaseAddress.AddressFamily ?? AddressFamily.InterNetwork;

    private static void Write(NetlinkMessageWriter writer, Rule rule, bool delete)
    {
        ArgumentNullException.ThrowIfNull(writer);
        const string Parameter = "rule";
        ArgumentNullException.ThrowIfNull(rule, Parameter);
        AddressFamily family = FamilyOf(rule);
        if (family is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            throw new ArgumentException($"family {family} is neither IPv4 nor IPv6", Parameter);
        }

        foreach (IPNetwork? prefix in new[] { rule.Source, rule.Destination })
        {
            if (prefix is { } p && p.BaseAddress.AddressFamily != family)
            {
                throw new ArgumentException($"prefix {p} is not of the rule's family ({family})", Parameter);
            }
        }

        if (rule.Table == 0)
        {
            throw new ArgumentException("table 0 is not a table; leave Table null for main", Parameter);
        }

        RuleAction action = rule.Action == RuleAction.Unspecified && !delete ? RuleAction.ToTable : rule.Action;
        if (action == RuleAction.Goto && rule.GotoPriority is null)
        {
            throw new ArgumentException("a goto rule needs GotoPriority", Parameter);
        }

        if (rule.SourcePorts is { } sp && sp.Start > sp.End || rule.DestinationPorts is { } dp && dp.Start > dp.End || rule.UidRange is { } u && u.Start > u.End)
        {
            throw new ArgumentException("a range's start is after its end", Parameter);
        }

        if (rule.SuppressPrefixLength is < -1 or > 128)
        {
            throw new ArgumentException($"suppress prefix length {rule.SuppressPrefixLength} is outside 0-128", Parameter);
        }

        uint? table = rule.Table ?? (action == RuleAction.ToTable && !delete ? RouteTables.Main : null);
        var header = new RtRule.FibRuleHdr
        {
            Family = InetAddress.ToLinux(family),
            DstLen = (byte)(rule.Destination?.PrefixLength ?? 0),
            SrcLen = (byte)(rule.Source?.PrefixLength ?? 0),
            Tos = rule.Tos,
            Table = table is { } t ? RouteRequests.TableField(t) : (byte)0,
            Action = (byte)action,
            Flags = rule.Flags | (rule.Invert ? RuleDecoder.InvertFlag : 0),
        };
        RtRule.FibRuleAttrsWriter a = delete ? RtRule.BeginDelruleRequest(writer, in header) : RtRule.BeginNewruleRequest(writer, in header, AddFlags);
        if (rule.Priority is { } priority)
        {
            a.WritePriority(priority);
        }

        if (rule.Source is { PrefixLength: > 0 } source)
        {
            a.WriteSrc(source.BaseAddress);
        }

        if (rule.Destination is { PrefixLength: > 0 } destination)
        {
            a.WriteDst(destination.BaseAddress);
        }

        if (table is { } tableId)
        {
            a.WriteTable(tableId);
        }

        if (rule.GotoPriority is { } target)
        {
            a.WriteGoto(target);
        }

        if (rule.FirewallMark is { } mark)
        {
            a.WriteFwmark(mark);
        }

        if (rule.FirewallMask is { } mask)
        {
            a.WriteFwmask(mask);
        }

        if (rule.InputInterface is { } iif)
        {
            a.WriteIifname(iif);
        }

        if (rule.OutputInterface is { } oif)
        {
            a.WriteOifname(oif);
        }

        if (rule.UidRange is { } uids)
        {
            a.WriteUidRange(new RtRule.FibRuleUidRange { Start = uids.Start, End = uids.End });
        }

        if (rule.IpProtocol is { } ipProto)
        {
            a.WriteIpProto(ipProto);
        }

        if (rule.SourcePorts is { } sports)
        {
            a.WriteSportRange(new RtRule.FibRulePortRange { Start = sports.Start, End = sports.End });
        }

        if (rule.DestinationPorts is { } dports)
        {
            a.WriteDportRange(new RtRule.FibRulePortRange { Start = dports.Start, End = dports.End });
        }

        if (rule.SuppressPrefixLength is { } suppress)
        {
            a.WriteSuppressPrefixlen(unchecked((uint)suppress));
        }

        if (rule.SuppressInterfaceGroup is { } group)
        {
            a.WriteSuppressIfgroup(unchecked((uint)group));
        }

        if (rule.Protocol != RouteProtocol.Unspecified)
        {
            a.WriteProtocol((byte)rule.Protocol);
        }

        a.End();
    }
}

using System.Net;
using System.Net.Sockets;

namespace Netlink.Route;

/// <summary>What a matching rule does (fib_rule_hdr.action, FR_ACT_*).</summary>
public enum RuleAction : byte
{
    /// <summary>Not set: "lookup table" when adding, any action when deleting.</summary>
    Unspecified = 0,

    /// <summary>Look the route up in <see cref="Rule.Table"/> (FR_ACT_TO_TBL).</summary>
    ToTable = 1,

    /// <summary>Continue with the rule at <see cref="Rule.GotoPriority"/> (FR_ACT_GOTO).</summary>
    Goto = 2,

    /// <summary>Do nothing (FR_ACT_NOP).</summary>
    Nop = 3,

    /// <summary>Drop silently (FR_ACT_BLACKHOLE).</summary>
    Blackhole = 6,

    /// <summary>Drop with "network unreachable" (FR_ACT_UNREACHABLE).</summary>
    Unreachable = 7,

    /// <summary>Drop with "administratively prohibited" (FR_ACT_PROHIBIT).</summary>
    Prohibit = 8,
}

/// <summary>An inclusive port range (FRA_SPORT_RANGE / FRA_DPORT_RANGE).</summary>
/// <param name="Start">First port.</param>
/// <param name="End">Last port (equal to <paramref name="Start"/> for a single port).</param>
public readonly record struct PortRange(ushort Start, ushort End);

/// <summary>An inclusive user id range (FRA_UID_RANGE).</summary>
/// <param name="Start">First uid.</param>
/// <param name="End">Last uid.</param>
public readonly record struct UidRange(uint Start, uint End);

/// <summary>
/// A routing policy rule (<c>ip rule</c>). Listed by <see cref="RouteClient.ListRulesAsync"/>; taken by
/// <see cref="RouteClient.AddRuleAsync"/> and <see cref="RouteClient.DeleteRuleAsync"/>, where null
/// selectors match anything. A fresh namespace has three rules: 0 (local), 32766 (main), 32767 (default).
/// </summary>
public sealed record Rule
{
    /// <summary>InterNetwork or InterNetworkV6; Unspecified in a request: from the prefixes, else IPv4.</summary>
    public AddressFamily Family { get; init; }

    /// <summary>The priority (FRA_PRIORITY); null in a request lets the kernel choose (add) or matches any (delete).</summary>
    public uint? Priority { get; init; }

    /// <summary>Source prefix (FRA_SRC), or null for all.</summary>
    public IPNetwork? Source { get; init; }

    /// <summary>Destination prefix (FRA_DST), or null for all.</summary>
    public IPNetwork? Destination { get; init; }

    /// <summary>Match the inverse of the selectors (FIB_RULE_INVERT, <c>not</c>).</summary>
    public bool Invert { get; init; }

    /// <summary>The type of service to match (tos), or 0.</summary>
    public byte Tos { get; init; }

    /// <summary>The table to look up (FRA_TABLE); null in a request: main for <see cref="RuleAction.ToTable"/>.</summary>
    public uint? Table { get; init; }

    /// <summary>The action.</summary>
    public RuleAction Action { get; init; }

    /// <summary>The rule priority to jump to for <see cref="RuleAction.Goto"/> (FRA_GOTO).</summary>
    public uint? GotoPriority { get; init; }

    /// <summary>Firewall mark to match (FRA_FWMARK).</summary>
    public uint? FirewallMark { get; init; }

    /// <summary>Mask applied to the firewall mark (FRA_FWMASK).</summary>
    public uint? FirewallMask { get; init; }

    /// <summary>Input interface name (FRA_IIFNAME).</summary>
    public string? InputInterface { get; init; }

    /// <summary>Output interface name (FRA_OIFNAME).</summary>
    public string? OutputInterface { get; init; }

    /// <summary>Who installed the rule (FRA_PROTOCOL).</summary>
    public RouteProtocol Protocol { get; init; }

    /// <summary>IP protocol to match (FRA_IP_PROTO), e.g. 6 for TCP.</summary>
    public byte? IpProtocol { get; init; }

    /// <summary>Source ports to match (FRA_SPORT_RANGE).</summary>
    public PortRange? SourcePorts { get; init; }

    /// <summary>Destination ports to match (FRA_DPORT_RANGE).</summary>
    public PortRange? DestinationPorts { get; init; }

    /// <summary>User ids to match (FRA_UID_RANGE).</summary>
    public UidRange? UidRange { get; init; }

    /// <summary>Reject lookup results with a prefix this long or shorter (FRA_SUPPRESS_PREFIXLEN).</summary>
    public int? SuppressPrefixLength { get; init; }

    /// <summary>Reject lookup results whose device is in this group (FRA_SUPPRESS_IFGROUP).</summary>
    public int? SuppressInterfaceGroup { get; init; }

    /// <summary>Raw fib_rule_hdr.flags (FIB_RULE_*; <see cref="Invert"/> is bit 1).</summary>
    public uint Flags { get; init; }
}

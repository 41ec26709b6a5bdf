using System.Globalization;

namespace Netlink.Route.Iproute2;

/// <summary>Rule words as <c>ip rule</c> prints and parses them: actions and IP protocol names.</summary>
public static class RuleNames
{
    // The names getprotobynumber gives on a stock system, used when /etc/protocols cannot be read.
    private static readonly (uint Value, string Name)[] KnownProtocols =
    [
        (0, "ip"), (1, "icmp"), (2, "igmp"), (4, "ipencap"), (6, "tcp"), (17, "udp"), (33, "dccp"), (41, "ipv6"),
        (47, "gre"), (50, "esp"), (51, "ah"), (58, "ipv6-icmp"), (89, "ospf"), (103, "pim"), (112, "vrrp"),
        (132, "sctp"), (136, "udplite"), (137, "mpls-in-ip"),
    ];

    private static readonly Lazy<(Dictionary<uint, string> Names, Dictionary<string, uint> Values)> Protocols = new(ReadProtocols);

    /// <summary>"blackhole", "unreachable", "prohibit", "nop", "goto", "lookup" (to table) or the number.</summary>
    public static string FormatAction(RuleAction action) => action switch
    {
        RuleAction.ToTable => "lookup",
        RuleAction.Goto => "goto",
        RuleAction.Nop => "nop",
        RuleAction.Blackhole => "blackhole",
        RuleAction.Unreachable => "unreachable",
        RuleAction.Prohibit => "prohibit",
        _ => ((byte)action).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Parses an action word as <c>ip rule add</c> takes it (<c>blackhole</c>, <c>unreachable</c>, <c>prohibit</c>, <c>nop</c>; <c>type</c> values).</summary>
    public static bool TryParseAction(string text, out RuleAction action)
    {
        action = text switch
        {
            "blackhole" => RuleAction.Blackhole,
            "unreachable" => RuleAction.Unreachable,
            "prohibit" => RuleAction.Prohibit,
            "nop" => RuleAction.Nop,
            "unicast" => RuleAction.ToTable,
            _ => RuleAction.Unspecified,
        };
        return action != RuleAction.Unspecified;
    }

    /// <summary>The IP protocol's name from /etc/protocols (<c>tcp</c>, <c>udp</c>…), or the number.</summary>
    public static string FormatIpProtocol(byte protocol) =>
        Protocols.Value.Names.TryGetValue(protocol, out string? name) ? name : protocol.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses an IP protocol name (/etc/protocols, names or aliases) or number (0-255).</summary>
    public static bool TryParseIpProtocol(string text, out byte protocol)
    {
        ArgumentNullException.ThrowIfNull(text);
        protocol = 0;
        if (Protocols.Value.Values.TryGetValue(text, out uint known) || (Iproute2Number.TryParseUInt32(text, out known) && known <= byte.MaxValue))
        {
            protocol = (byte)known;
            return true;
        }

        return false;
    }

    private static (Dictionary<uint, string>, Dictionary<string, uint>) ReadProtocols()
    {
        var names = new Dictionary<uint, string>();
        var values = new Dictionary<string, uint>(StringComparer.OrdinalIgnoreCase);
        try
        {
            foreach (string raw in File.ReadLines("/etc/protocols"))
            {
                string line = raw.Split('#')[0];
                string[] fields = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 2 || !uint.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out uint value) || value > byte.MaxValue)
                {
                    continue;
                }

                names.TryAdd(value, fields[0]);
                foreach (string name in fields.Skip(2).Prepend(fields[0]))
                {
                    values.TryAdd(name, value);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No /etc/protocols (a minimal container): the common names below still work.
        }

        foreach ((uint value, string name) in KnownProtocols)
        {
            names.TryAdd(value, name);
            values.TryAdd(name, value);
        }

        return (names, values);
    }
}

using System.Globalization;

namespace Netlink.Route.Iproute2;

/// <summary>IP protocol names as iproute2 prints and takes them (<c>ipproto tcp</c>): /etc/protocols, as getprotobynumber.</summary>
public static class IpProtocolNames
{
    // The names of a stock /etc/protocols, used where it cannot be read (a minimal container).
    private static readonly (uint Value, string Name)[] Known =
    [
        (0, "ip"), (1, "icmp"), (2, "igmp"), (4, "ipencap"), (6, "tcp"), (17, "udp"), (33, "dccp"), (41, "ipv6"),
        (47, "gre"), (50, "esp"), (51, "ah"), (58, "ipv6-icmp"), (89, "ospf"), (103, "pim"), (112, "vrrp"),
        (132, "sctp"), (136, "udplite"), (137, "mpls-in-ip"),
    ];

    private static readonly Lazy<(Dictionary<uint, string> Names, Dictionary<string, uint> Values)> Table = new(Read);

    /// <summary>The protocol's name ("tcp", "udp"…), or the number.</summary>
    public static string Format(byte protocol) =>
        Table.Value.Names.TryGetValue(protocol, out string? name) ? name : protocol.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses a protocol name or alias from /etc/protocols, or a number (0-255).</summary>
    public static bool TryParse(string text, out byte protocol)
    {
        ArgumentNullException.ThrowIfNull(text);
        protocol = 0;
        if (Table.Value.Values.TryGetValue(text, out uint known) || (Iproute2Number.TryParseUInt32(text, out known) && known <= byte.MaxValue))
        {
            protocol = (byte)known;
            return true;
        }

        return false;
    }

    private static (Dictionary<uint, string>, Dictionary<string, uint>) Read()
    {
        var names = new Dictionary<uint, string>();
        var values = new Dictionary<string, uint>(StringComparer.OrdinalIgnoreCase);
        try
        {
            foreach (string raw in File.ReadLines("/etc/protocols"))
            {
                string[] fields = raw.Split('#')[0].Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
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
            // No /etc/protocols: the names below still work.
        }

        foreach ((uint value, string name) in Known)
        {
            names.TryAdd(value, name);
            values.TryAdd(name, value);
        }

        return (names, values);
    }
}

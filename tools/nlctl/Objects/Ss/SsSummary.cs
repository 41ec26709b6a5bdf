using System.Globalization;
using System.Text.Json;
using Netlink;
using Nlctl.Output;

namespace Nlctl.Objects.Ss;

/// <summary>
/// <c>ss -s</c>: the kernel's socket counters (/proc/net/sockstat, sockstat6 and snmp's CurrEstab,
/// read from inside the namespace, before nlctl opens a socket there), in ss's layout.
/// </summary>
internal static class SsSummary
{
    public static void Write(TextWriter output, bool json, NetworkNamespace? netns)
    {
        Dictionary<string, Dictionary<string, long>> v4 = Read(netns, "sockstat");
        Dictionary<string, Dictionary<string, long>> v6 = Read(netns, "sockstat6");
        long establishedTcp = CurrentlyEstablished(netns);
        long Get(Dictionary<string, Dictionary<string, long>> table, string section, string key) =>
            table.TryGetValue(section, out Dictionary<string, long>? values) && values.TryGetValue(key, out long value) ? value : 0;

        long total = Get(v4, "sockets", "used");
        long tcpAllocated = Get(v4, "TCP", "alloc");
        long tcp4 = Get(v4, "TCP", "inuse");
        long tcp6 = Get(v6, "TCP6", "inuse");
        long orphaned = Get(v4, "TCP", "orphan");
        long timeWait = Get(v4, "TCP", "tw");
        (string Name, long V4, long V6)[] transports =
        [
            ("RAW", Get(v4, "RAW", "inuse"), Get(v6, "RAW6", "inuse")),
            ("UDP", Get(v4, "UDP", "inuse"), Get(v6, "UDP6", "inuse")),
            ("TCP", tcp4, tcp6),
            ("INET", 0, 0),
            ("FRAG", Get(v4, "FRAG", "inuse"), Get(v6, "FRAG6", "inuse")),
        ];
        transports[3] = ("INET", transports[0].V4 + transports[1].V4 + transports[2].V4, transports[0].V6 + transports[1].V6 + transports[2].V6);
        long closed = tcpAllocated - (tcp4 + tcp6);
        if (json)
        {
            output.WriteLine(JsonOutput.Line(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("total", total);
                w.WriteStartObject("tcp");
                w.WriteNumber("total", tcpAllocated);
                w.WriteNumber("estab", establishedTcp);
                w.WriteNumber("closed", closed);
                w.WriteNumber("orphaned", orphaned);
                w.WriteNumber("timewait", timeWait);
                w.WriteEndObject();
                w.WriteStartArray("transport");
                foreach ((string name, long ip, long ip6) in transports)
                {
                    w.WriteStartObject();
                    w.WriteString("name", name);
                    w.WriteNumber("total", ip + ip6);
                    w.WriteNumber("ip", ip);
                    w.WriteNumber("ipv6", ip6);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }));
            return;
        }

        CultureInfo c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"Total: {total}"));
        output.WriteLine(string.Create(c, $"TCP:   {tcpAllocated} (estab {establishedTcp}, closed {closed}, orphaned {orphaned}, timewait {timeWait})"));
        output.WriteLine();
        output.WriteLine("Transport Total     IP        IPv6");
        foreach ((string name, long ip, long ip6) in transports)
        {
            output.WriteLine(string.Create(c, $"{name}\t  {(ip + ip6).ToString(c),-9} {ip.ToString(c),-9} {ip6.ToString(c),-9}"));
        }

        output.WriteLine();
    }

    /// <summary>TCP's CurrEstab from /proc/net/snmp (a header line of names, then a line of values).</summary>
    private static long CurrentlyEstablished(NetworkNamespace? netns)
    {
        string[] lines;
        try
        {
            const string Path = "/proc/thread-self/net/snmp";
            lines = netns is null ? File.ReadAllLines(Path) : netns.RunInside(() => File.ReadAllLines(Path));
        }
        catch (IOException)
        {
            return 0;
        }

        string[] tcp = [.. lines.Where(l => l.StartsWith("Tcp:", StringComparison.Ordinal))];
        if (tcp.Length < 2)
        {
            return 0;
        }

        int column = Array.IndexOf(tcp[0].Split(' '), "CurrEstab");
        string[] values = tcp[1].Split(' ');
        return column > 0 && column < values.Length && long.TryParse(values[column], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) ? value : 0;
    }

    /// <summary>Reads "SECTION: key value key value" lines from /proc/thread-self/net/FILE inside the namespace.</summary>
    private static Dictionary<string, Dictionary<string, long>> Read(NetworkNamespace? netns, string file)
    {
        string[] lines;
        try
        {
            string path = $"/proc/thread-self/net/{file}";
            lines = netns is null ? File.ReadAllLines(path) : netns.RunInside(() => File.ReadAllLines(path));
        }
        catch (IOException)
        {
            lines = [];
        }

        var table = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        foreach (string line in lines)
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            string[] words = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var values = new Dictionary<string, long>(StringComparer.Ordinal);
            for (int i = 0; i + 1 < words.Length; i += 2)
            {
                if (long.TryParse(words[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out long value))
                {
                    values[words[i]] = value;
                }
            }

            table[line[..colon]] = values;
        }

        return table;
    }
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Netlink.Route;
using Nlctl.Cli;

namespace Nlctl.Commands;

/// <summary>
/// Shared pieces of <c>nlctl route|neigh|rule</c>: an iproute2-style keyword reader over the
/// remaining arguments, iproute2's names for tables/protocols/scopes/types, interface names, and JSON output.
/// </summary>
internal sealed class RouteTokens
{
    private readonly IReadOnlyList<string> _tokens;
    private int _next;

    public RouteTokens(IReadOnlyList<string> tokens) => _tokens = tokens;

    public bool AtEnd => _next >= _tokens.Count;

    public string Peek() => _tokens[_next];

    public string Next() => _tokens[_next++];

    /// <summary>The value after keyword <paramref name="keyword"/>.</summary>
    public string Value(string keyword) =>
        AtEnd ? throw new UserErrorException($"\"{keyword}\" needs a value") : Next();

    public uint UInt(string keyword)
    {
        string text = Value(keyword);
        return TryParseUInt(text, out uint value) ? value : throw new UserErrorException($"{keyword}: \"{text}\" is not a non-negative number");
    }

    public static bool TryParseUInt(string text, out uint value) =>
        text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? uint.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value)
            : uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    // ---- names, as iproute2's rt_tables / rt_protos / rt_scopes ----
    private static readonly (uint Value, string Name)[] Protocols =
    [
        (0, "unspec"), (1, "redirect"), (2, "kernel"), (3, "boot"), (4, "static"), (8, "gated"), (9, "ra"), (10, "mrt"),
        (11, "zebra"), (12, "bird"), (13, "dnrouted"), (14, "xorp"), (15, "ntk"), (16, "dhcp"), (18, "keepalived"),
        (42, "babel"), (99, "openr"), (186, "bgp"), (187, "isis"), (188, "ospf"), (189, "rip"), (192, "eigrp"),
    ];

    private static readonly (uint Value, string Name)[] Tables = [(252, "compat"), (253, "default"), (254, "main"), (255, "local")];

    private static readonly (uint Value, string Name)[] Scopes = [(0, "global"), (200, "site"), (253, "link"), (254, "host"), (255, "nowhere")];

    private static readonly (uint Value, string Name)[] Types =
    [
        (0, "none"), (1, "unicast"), (2, "local"), (3, "broadcast"), (4, "anycast"), (5, "multicast"), (6, "blackhole"),
        (7, "unreachable"), (8, "prohibit"), (9, "throw"), (10, "nat"), (11, "xresolve"),
    ];

    public static string ProtocolName(RouteProtocol protocol) => Name(Protocols, (byte)protocol);

    public static string TableName(uint table) => Name(Tables, table);

    public static string ScopeName(RouteScope scope) => Name(Scopes, (byte)scope);

    public static string TypeName(RouteType type) => Name(Types, (byte)type);

    public static RouteProtocol ParseProtocol(string text) => (RouteProtocol)checked((byte)Parse(Protocols, text, "protocol"));

    public static uint ParseTable(string text)
    {
        if (text == "all")
        {
            return RouteTables.All;
        }

        uint table = Parse(Tables, text, "table");
        return table != 0 ? table : throw new UserErrorException("table 0 is not a table (use \"all\" to list every table)");
    }

    public static RouteScope ParseScope(string text) => (RouteScope)checked((byte)Parse(Scopes, text == "universe" ? "global" : text, "scope"));

    public static bool TryParseType(string text, out RouteType type)
    {
        foreach ((uint value, string name) in Types)
        {
            if (name == text && value != 0)
            {
                type = (RouteType)value;
                return true;
            }
        }

        type = RouteType.Unspecified;
        return false;
    }

    private static string Name((uint Value, string Name)[] names, uint value)
    {
        foreach ((uint v, string name) in names)
        {
            if (v == value)
            {
                return name;
            }
        }

        return value.ToString(CultureInfo.InvariantCulture);
    }

    private static uint Parse((uint Value, string Name)[] names, string text, string what)
    {
        foreach ((uint v, string name) in names)
        {
            if (name == text)
            {
                return v;
            }
        }

        return TryParseUInt(text, out uint value) ? value : throw new UserErrorException($"unknown {what} \"{text}\"");
    }

    // ---- addresses ----
    public static IPAddress ParseAddress(string text, string what) =>
        IPAddress.TryParse(text, out IPAddress? address) && address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6
            ? address
            : throw new UserErrorException($"{what}: \"{text}\" is not an IP address");

    public static string FamilyName(AddressFamily family) => family == AddressFamily.InterNetworkV6 ? "inet6" : "inet";
}

/// <summary>
/// Interface names and indexes of one namespace, looked up on demand (one ioctl each, cached), so
/// printing routes through one device of a host with thousands of links does not dump them all.
/// </summary>
internal sealed class InterfaceNames
{
    private readonly RouteClient _client;
    private readonly Dictionary<int, string> _names = [];
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
    private readonly Dictionary<int, JsonEncodedText> _encoded = [];

    /// <summary>Names and indexes as <paramref name="client"/>'s namespace has them (nothing is read until asked).</summary>
    public InterfaceNames(RouteClient client) => _client = client;

    public string Name(int index)
    {
        if (!_names.TryGetValue(index, out string? name))
        {
            // ip prints "if<N>" for an index it cannot name (a link gone since the route was read).
            name = (index > 0 ? _client.GetLinkName(index) : null) ?? $"if{index}";
            _names[index] = name;
        }

        return name;
    }

    /// <summary>The name as encoded JSON text, cached (a route table names the same few devices 100,000 times).</summary>
    public JsonEncodedText EncodedName(int index)
    {
        if (!_encoded.TryGetValue(index, out JsonEncodedText encoded))
        {
            encoded = JsonEncodedText.Encode(Name(index));
            _encoded[index] = encoded;
        }

        return encoded;
    }

    public int Index(string name)
    {
        if (!_indexes.TryGetValue(name, out int index))
        {
            int? found = name.Length is > 0 and < 16 && !name.Contains('/') ? _client.GetLinkIndex(name) : null;
            index = found ?? throw new UserErrorException($"cannot find device \"{name}\"");
            _indexes[name] = index;
        }

        return index;
    }
}

using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Netlink.Route;
using Netlink.Route.Iproute2;
using Nlctl.Output;

namespace Nlctl.Objects.Address;

/// <summary>One address as <c>ip addr</c> prints it (two lines) and as <c>ip -j addr</c> writes it (an addr_info object).</summary>
internal static class AddressText
{
    /// <summary>"inet" or "inet6".</summary>
    public static string Family(AddressFamily family) => family == AddressFamily.InterNetworkV6 ? "inet6" : "inet";

    /// <summary>
    /// "    inet 10.0.0.1/24 brd 10.0.0.255 scope global eth0": IPv4 lines end with the label (the
    /// link's name without one); IPv6 lines end with a space, as ip's do.
    /// </summary>
    public static string FirstLine(Netlink.Route.Address address, string linkName, Painter painter)
    {
        var line = new StringBuilder("    ");
        line.Append(Family(address.Family)).Append(' ');
        line.Append(painter.Paint(Painter.Of(address.Family), address.Local.ToString()));
        if (address.Peer is { } peer)
        {
            line.Append(" peer ").Append(painter.Paint(Painter.Of(address.Family), peer.ToString()));
        }

        line.Append('/').Append(address.PrefixLength.ToString(CultureInfo.InvariantCulture)).Append(' ');
        if (address.Broadcast is { } broadcast)
        {
            line.Append("brd ").Append(painter.Paint(Painter.Of(address.Family), broadcast.ToString())).Append(' ');
        }

        if (address.Anycast is { } anycast)
        {
            line.Append("any ").Append(anycast).Append(' ');
        }

        line.Append("scope ").Append(AddressScopeNames.Format(address.Scope)).Append(' ');
        foreach (string word in FlagNames(address))
        {
            line.Append(word).Append(' ');
        }

        if (address.Family == AddressFamily.InterNetwork)
        {
            line.Append(address.Label ?? linkName);
        }

        return line.ToString();
    }

    /// <summary>"       valid_lft forever preferred_lft forever".</summary>
    public static string LifetimeLine(Netlink.Route.Address address) =>
        $"       valid_lft {Lifetime(address.ValidLifetime)} preferred_lft {Lifetime(address.PreferredLifetime)}";

    /// <summary>The flag words in iproute2's order (<see cref="AddressFlagNames"/>).</summary>
    public static IEnumerable<string> FlagNames(Netlink.Route.Address address) => AddressFlagNames.Format(address.Flags, address.Family);

    /// <summary>One addr_info object of <c>ip -j addr show</c>.</summary>
    public static void WriteJson(Utf8JsonWriter json, Netlink.Route.Address address)
    {
        json.WriteStartObject();
        json.WriteString("family", Family(address.Family));
        json.WriteString("local", address.Local.ToString());
        if (address.Peer is { } peer)
        {
            json.WriteString("address", peer.ToString());
        }

        json.WriteNumber("prefixlen", address.PrefixLength);
        if (address.Broadcast is { } broadcast)
        {
            json.WriteString("broadcast", broadcast.ToString());
        }

        if (address.Anycast is { } anycast)
        {
            json.WriteString("anycast", anycast.ToString());
        }

        json.WriteString("scope", AddressScopeNames.Format(address.Scope));
        foreach (string word in FlagNames(address))
        {
            json.WriteBoolean(word, true);
        }

        if (address.Label is { } label)
        {
            json.WriteString("label", Printable.Name(label));
        }

        json.WriteNumber("valid_life_time", Seconds(address.ValidLifetime));
        json.WriteNumber("preferred_life_time", Seconds(address.PreferredLifetime));
        json.WriteEndObject();
    }

    private static uint Seconds(TimeSpan? lifetime) => lifetime is { } value ? (uint)value.TotalSeconds : uint.MaxValue;

    private static string Lifetime(TimeSpan? lifetime) =>
        lifetime is { } value ? ((uint)value.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "sec" : "forever";
}

namespace Nlctl.Output;

/// <summary>What a coloured piece of text is; ip gives each its own colour.</summary>
internal enum Color
{
    /// <summary>An interface name (cyan).</summary>
    InterfaceName,

    /// <summary>A hardware address (yellow).</summary>
    Mac,

    /// <summary>An IPv4 address or prefix (magenta).</summary>
    Inet,

    /// <summary>An IPv6 address or prefix (blue).</summary>
    Inet6,

    /// <summary>Operational state UP (green).</summary>
    Up,

    /// <summary>Operational state DOWN (red).</summary>
    Down,
}

/// <summary>Wraps text in the ANSI colour ip uses for it, when colour is on.</summary>
internal sealed class Painter(bool enabled)
{
    /// <summary>No colour.</summary>
    public static readonly Painter None = new(false);

    /// <summary>True when colour is on.</summary>
    public bool Enabled => enabled;

    /// <summary>The text, coloured as ip colours <paramref name="color"/> when enabled.</summary>
    public string Paint(Color color, string text)
    {
        if (!enabled)
        {
            return text;
        }

        string code = color switch
        {
            Color.InterfaceName => "36",
            Color.Mac => "33",
            Color.Inet => "35",
            Color.Inet6 => "34",
            Color.Up => "32",
            _ => "31",
        };
        return $"\u001b[{code}m{text}\u001b[0m";
    }

    /// <summary>The colour of an address family's addresses.</summary>
    public static Color Of(System.Net.Sockets.AddressFamily family) =>
        family == System.Net.Sockets.AddressFamily.InterNetworkV6 ? Color.Inet6 : Color.Inet;
}

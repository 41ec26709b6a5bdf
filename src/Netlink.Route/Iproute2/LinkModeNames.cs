using System.Globalization;

namespace Netlink.Route.Iproute2;

/// <summary>A link's mode as <c>ip link</c> prints it after <c>mode</c>.</summary>
public static class LinkModeNames
{
    /// <summary>DEFAULT, DORMANT, TESTING, or the number.</summary>
    public static string Format(LinkMode mode) => mode switch
    {
        LinkMode.Default => "DEFAULT",
        LinkMode.Dormant => "DORMANT",
        LinkMode.Testing => "TESTING",
        _ => ((byte)mode).ToString(CultureInfo.InvariantCulture),
    };
}

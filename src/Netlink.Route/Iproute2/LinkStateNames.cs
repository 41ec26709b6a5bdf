using System.Globalization;

namespace Netlink.Route.Iproute2;

/// <summary>A link's operational state as <c>ip link</c> prints it after <c>state</c>.</summary>
public static class LinkStateNames
{
    /// <summary>UNKNOWN, NOTPRESENT, DOWN, LOWERLAYERDOWN, TESTING, DORMANT, UP, or the number.</summary>
    public static string Format(LinkOperationalState state) => state switch
    {
        LinkOperationalState.Unknown => "UNKNOWN",
        LinkOperationalState.NotPresent => "NOTPRESENT",
        LinkOperationalState.Down => "DOWN",
        LinkOperationalState.LowerLayerDown => "LOWERLAYERDOWN",
        LinkOperationalState.Testing => "TESTING",
        LinkOperationalState.Dormant => "DORMANT",
        LinkOperationalState.Up => "UP",
        _ => ((byte)state).ToString(CultureInfo.InvariantCulture),
    };
}

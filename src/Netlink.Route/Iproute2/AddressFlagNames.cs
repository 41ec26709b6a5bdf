using System.Net.Sockets;

namespace Netlink.Route.Iproute2;

/// <summary>Address flag words as <c>ip address</c> prints them (secondary, nodad, dynamic, noprefixroute…).</summary>
public static class AddressFlagNames
{
    // iproute2's order; "dynamic" stands where "permanent" is, for addresses without IFA_F_PERMANENT.
    private static readonly (AddressFlags Flag, string Name)[] Before =
    [
        (AddressFlags.NoDad, "nodad"), (AddressFlags.Optimistic, "optimistic"), (AddressFlags.DadFailed, "dadfailed"),
        (AddressFlags.HomeAddress, "home"), (AddressFlags.Deprecated, "deprecated"), (AddressFlags.Tentative, "tentative"),
    ];

    private static readonly (AddressFlags Flag, string Name)[] After =
    [
        (AddressFlags.ManageTempAddress, "mngtmpaddr"), (AddressFlags.NoPrefixRoute, "noprefixroute"),
        (AddressFlags.McAutoJoin, "autojoin"), (AddressFlags.StablePrivacy, "stable-privacy"),
    ];

    /// <summary>The words of an address's flags in ip's order: <c>secondary</c> (<c>temporary</c> for IPv6) first, <c>dynamic</c> when not permanent.</summary>
    public static IEnumerable<string> Format(AddressFlags flags, AddressFamily family)
    {
        if ((flags & AddressFlags.Secondary) != 0)
        {
            yield return family == AddressFamily.InterNetworkV6 ? "temporary" : "secondary";
        }

        foreach ((AddressFlags flag, string name) in Before)
        {
            if ((flags & flag) != 0)
            {
                yield return name;
            }
        }

        if ((flags & AddressFlags.Permanent) == 0)
        {
            yield return "dynamic";
        }

        foreach ((AddressFlags flag, string name) in After)
        {
            if ((flags & flag) != 0)
            {
                yield return name;
            }
        }
    }

    /// <summary>Parses a flag word <c>ip address add</c> takes (nodad, noprefixroute, mngtmpaddr, autojoin, home, optimistic).</summary>
    public static bool TryParse(string text, out AddressFlags flag)
    {
        flag = text switch
        {
            "nodad" => AddressFlags.NoDad,
            "noprefixroute" => AddressFlags.NoPrefixRoute,
            "mngtmpaddr" => AddressFlags.ManageTempAddress,
            "autojoin" => AddressFlags.McAutoJoin,
            "home" => AddressFlags.HomeAddress,
            "optimistic" => AddressFlags.Optimistic,
            _ => AddressFlags.None,
        };
        return flag != AddressFlags.None;
    }
}

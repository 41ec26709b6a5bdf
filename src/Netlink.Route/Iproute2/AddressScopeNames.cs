using System.Globalization;

namespace Netlink.Route.Iproute2;

/// <summary>Address scopes as <c>ip address</c> prints and takes them (global, site, link, host, nowhere).</summary>
public static class AddressScopeNames
{
    /// <summary>"global", "site", "link", "host", "nowhere", or the number.</summary>
    public static string Format(AddressScope scope) => scope switch
    {
        AddressScope.Global => "global",
        AddressScope.Site => "site",
        AddressScope.Link => "link",
        AddressScope.Host => "host",
        AddressScope.Nowhere => "nowhere",
        _ => ((byte)scope).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Parses a scope name (or number) as iproute2 does.</summary>
    public static bool TryParse(string text, out AddressScope scope)
    {
        switch (text)
        {
            case "global" or "universe":
                scope = AddressScope.Global;
                return true;
            case "site":
                scope = AddressScope.Site;
                return true;
            case "link":
                scope = AddressScope.Link;
                return true;
            case "host":
                scope = AddressScope.Host;
                return true;
            case "nowhere":
                scope = AddressScope.Nowhere;
                return true;
        }

        bool ok = byte.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out byte value);
        scope = (AddressScope)value;
        return ok;
    }
}

using System.Globalization;

namespace Netlink.Route.Iproute2;

/// <summary>IPv6 router preference words as <c>ip route</c> prints them (<c>pref medium</c>).</summary>
public static class RoutePreferenceNames
{
    /// <summary>"medium", "high", "low", or the number.</summary>
    public static string Format(RoutePreference preference) => preference switch
    {
        RoutePreference.Medium => "medium",
        RoutePreference.High => "high",
        RoutePreference.Low => "low",
        _ => ((byte)preference).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Parses "medium", "high" or "low".</summary>
    public static bool TryParse(string text, out RoutePreference preference)
    {
        preference = text switch
        {
            "medium" => RoutePreference.Medium,
            "high" => RoutePreference.High,
            "low" => RoutePreference.Low,
            _ => RoutePreference.Invalid,
        };
        return preference != RoutePreference.Invalid;
    }
}

using System.Globalization;

namespace Netlink.Route.Iproute2;

/// <summary>Rule actions as <c>ip rule</c> prints and takes them (lookup, goto, nop, blackhole, unreachable, prohibit).</summary>
public static class RuleActionNames
{
    /// <summary>"lookup" (to a table), "goto", "nop", "blackhole", "unreachable", "prohibit", or the number.</summary>
    public static string Format(RuleAction action) => action switch
    {
        RuleAction.ToTable => "lookup",
        RuleAction.Goto => "goto",
        RuleAction.Nop => "nop",
        RuleAction.Blackhole => "blackhole",
        RuleAction.Unreachable => "unreachable",
        RuleAction.Prohibit => "prohibit",
        _ => ((byte)action).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Parses an action word as <c>ip rule add</c> takes it, or a <c>type</c> value (<c>unicast</c> is a lookup).</summary>
    public static bool TryParse(string text, out RuleAction action)
    {
        action = text switch
        {
            "blackhole" => RuleAction.Blackhole,
            "unreachable" => RuleAction.Unreachable,
            "prohibit" => RuleAction.Prohibit,
            "nop" => RuleAction.Nop,
            "unicast" => RuleAction.ToTable,
            _ => RuleAction.Unspecified,
        };
        return action != RuleAction.Unspecified;
    }
}

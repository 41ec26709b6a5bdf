using System.CommandLine;

namespace Nlctl.Cli;

/// <summary>Options that come before the object (<c>nlctl -n blue -j route show</c>) and apply to every command.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Netns = new("--netns", "-n")
    {
        Description = "Run in the named network namespace (/run/netns/NAME) or the namespace file at PATH",
        HelpName = "NETNS",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json", "-j")
    {
        Description = "Print JSON (iproute2 field names where iproute2 has them)",
        Recursive = true,
    };
}

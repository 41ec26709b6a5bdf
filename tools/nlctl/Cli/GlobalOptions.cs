using System.Net.Sockets;

namespace Nlctl.Cli;

/// <summary>When to colour the text output.</summary>
internal enum ColorMode
{
    /// <summary>Never (the default, as ip's).</summary>
    Never,

    /// <summary>When stdout is a terminal (<c>-c</c>, <c>-color=auto</c>).</summary>
    Auto,

    /// <summary>Always (<c>-color=always</c>).</summary>
    Always,
}

/// <summary>The options before the object, as ip has them (<c>nlctl -n blue -j -p route show</c>).</summary>
internal sealed record GlobalOptions
{
    /// <summary>-n NETNS: a name under /run/netns, or a path to a namespace file.</summary>
    public string? Netns { get; init; }

    /// <summary>-j: JSON output.</summary>
    public bool Json { get; init; }

    /// <summary>-p: indented JSON, in ip's layout.</summary>
    public bool Pretty { get; init; }

    /// <summary>-4, -6 or -f inet|inet6; Unspecified for both.</summary>
    public AddressFamily Family { get; init; }

    /// <summary>-br: one line per object, a few columns.</summary>
    public bool Brief { get; init; }

    /// <summary>-s: statistics (repeat for more).</summary>
    public int Stats { get; init; }

    /// <summary>-d: details (repeat for more).</summary>
    public int Details { get; init; }

    /// <summary>-o: one line per object, '\' where ip breaks lines.</summary>
    public bool Oneline { get; init; }

    /// <summary>-t: timestamps in monitor output.</summary>
    public bool Timestamp { get; init; }

    /// <summary>-c / -color[=always|auto|never].</summary>
    public ColorMode Color { get; init; }

    /// <summary>-V: print the version.</summary>
    public bool Version { get; init; }

    /// <summary>-h / -help: print the help.</summary>
    public bool Help { get; init; }
}

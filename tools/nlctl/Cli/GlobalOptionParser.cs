using System.Net.Sockets;

namespace Nlctl.Cli;

/// <summary>
/// Reads ip's global options from the front of the command line, up to the object. Like ip, an
/// option may be abbreviated to any prefix and the first option in ip's order wins (<c>-s</c> is
/// -stats, <c>-br</c> -brief, <c>-c</c> -color); <c>--json</c> works as <c>-json</c>; <c>--</c> ends
/// the options. Options ip has and nlctl does not are refused by name rather than misread.
/// One difference: <c>-h</c> is -help here (ip reads it as -human).
/// </summary>
internal static class GlobalOptionParser
{
    private enum Kind
    {
        Family, Inet, Inet6, Stats, Details, Oneline, Timestamp, Version, Brief, Json, Pretty, Color, Help, Netns, Unsupported, UnsupportedWithValue,
    }

    // ip's order (ip.c's option chain); what nlctl lacks stays in place so that prefixes resolve as in ip.
    private static readonly (string Name, Kind Kind)[] Table =
    [
        ("-loops", Kind.UnsupportedWithValue), ("-family", Kind.Family), ("-4", Kind.Inet), ("-6", Kind.Inet6), ("-0", Kind.Unsupported),
        ("-M", Kind.Unsupported), ("-B", Kind.Unsupported), ("-help", Kind.Help), ("-human", Kind.Unsupported), ("-human-readable", Kind.Unsupported),
        ("-iec", Kind.Unsupported), ("-stats", Kind.Stats), ("-statistics", Kind.Stats), ("-details", Kind.Details), ("-resolve", Kind.Unsupported),
        ("-oneline", Kind.Oneline), ("-timestamp", Kind.Timestamp), ("-tshort", Kind.Unsupported), ("-Version", Kind.Version),
        ("-force", Kind.Unsupported), ("-batch", Kind.UnsupportedWithValue), ("-brief", Kind.Brief), ("-json", Kind.Json),
        ("-pretty", Kind.Pretty), ("-rcvbuf", Kind.UnsupportedWithValue), ("-color", Kind.Color), ("-netns", Kind.Netns),
        ("-Numeric", Kind.Unsupported), ("-all", Kind.Unsupported),
    ];

    // Options matched exactly, never as a prefix (ip compares these with strcmp).
    private static readonly HashSet<string> Exact = ["-4", "-6", "-0", "-M", "-B"];

    /// <summary>Consumes the options at the front of <paramref name="args"/>.</summary>
    /// <exception cref="UsageException">An unknown or unsupported option, or one missing its value.</exception>
    public static GlobalOptions Parse(Args args)
    {
        var options = new GlobalOptions();
        while (!args.AtEnd && args.Peek().StartsWith('-'))
        {
            string typed = args.Next();
            if (typed == "--")
            {
                break;
            }

            string option = typed.StartsWith("--", StringComparison.Ordinal) ? typed[1..] : typed;
            string? attached = null;
            int equals = option.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                attached = option[(equals + 1)..];
                option = option[..equals];
            }

            (string name, Kind kind) = Find(option, typed);
            if (attached is not null && kind != Kind.Color)
            {
                throw new UsageException($"Option \"{typed}\" is unknown, try \"nlctl -help\".");
            }

            options = kind switch
            {
                Kind.Family => options with { Family = ParseFamily(Value(args, typed)) },
                Kind.Inet => options with { Family = AddressFamily.InterNetwork },
                Kind.Inet6 => options with { Family = AddressFamily.InterNetworkV6 },
                Kind.Stats => options with { Stats = options.Stats + 1 },
                Kind.Details => options with { Details = options.Details + 1 },
                Kind.Oneline => options with { Oneline = true },
                Kind.Timestamp => options with { Timestamp = true },
                Kind.Version => options with { Version = true },
                Kind.Brief => options with { Brief = true },
                Kind.Json => options with { Json = true },
                Kind.Pretty => options with { Pretty = true },
                Kind.Color => options with { Color = ParseColor(attached, typed) },
                Kind.Help => options with { Help = true },
                Kind.Netns => options with { Netns = Value(args, typed) },
                _ => throw new UsageException($"Option \"{name}\" is not supported by nlctl."),
            };
        }

        return options;
    }

    private static (string Name, Kind Kind) Find(string option, string typed)
    {
        foreach ((string name, Kind kind) in Table)
        {
            if (Exact.Contains(name) ? option == name : Keywords.Matches(option, name) && option.Length > 1)
            {
                return (name, kind);
            }
        }

        throw new UsageException($"Option \"{typed}\" is unknown, try \"nlctl -help\".");
    }

    private static string Value(Args args, string option) =>
        args.AtEnd ? throw new UsageException($"Option \"{option}\" needs a value.") : args.Next();

    private static AddressFamily ParseFamily(string text) => text switch
    {
        "inet" => AddressFamily.InterNetwork,
        "inet6" => AddressFamily.InterNetworkV6,
        "help" => throw new UsageException("Usage: -family { inet | inet6 } (nlctl supports these two)"),
        _ => throw new UsageException($"Error: argument \"{text}\" is wrong: invalid protocol family (nlctl supports inet and inet6)"),
    };

    private static ColorMode ParseColor(string? value, string typed) => value switch
    {
        null or "auto" => ColorMode.Auto,
        "always" => ColorMode.Always,
        "never" => ColorMode.Never,
        _ => throw new UsageException($"Option \"{typed}\" is unknown, try \"nlctl -help\"."),
    };
}

using Netlink.Diag;
using Nlctl.Cli;

namespace Nlctl.Objects.Ss;

/// <summary>ss's own options (getopt style: <c>-tlnp</c>, <c>-N NETNS</c>, <c>--tcp</c>), then its filter words.</summary>
internal sealed record SsOptions
{
    public bool Tcp { get; init; }

    public bool Udp { get; init; }

    public bool Raw { get; init; }

    public bool Unix { get; init; }

    public bool Listening { get; init; }

    public bool All { get; init; }

    public bool Processes { get; init; }

    public bool Extended { get; init; }

    public bool Memory { get; init; }

    public bool Info { get; init; }

    public bool Timers { get; init; }

    public bool Summary { get; init; }

    public bool Ipv4 { get; init; }

    public bool Ipv6 { get; init; }

    public bool NoHeader { get; init; }

    public bool Json { get; init; }

    public bool Help { get; init; }

    public string? Netns { get; init; }

    /// <summary>The states asked for (state/exclude words, else -l/-a's default).</summary>
    public SocketStates States { get; init; }

    /// <summary>True when state/exclude words chose the states.</summary>
    public bool StatesGiven { get; init; }

    /// <summary>The address and port expression, or null.</summary>
    public InetSocketFilter? Filter { get; init; }

    /// <summary>True when no protocol flag was given (ss then lists them all).</summary>
    public bool AnyProtocol => !(Tcp || Udp || Raw || Unix);

    private static readonly Dictionary<string, char> LongOptions = new(StringComparer.Ordinal)
    {
        ["tcp"] = 't', ["udp"] = 'u', ["raw"] = 'w', ["unix"] = 'x', ["listening"] = 'l', ["all"] = 'a', ["numeric"] = 'n',
        ["processes"] = 'p', ["extended"] = 'e', ["memory"] = 'm', ["info"] = 'i', ["options"] = 'o', ["summary"] = 's',
        ["ipv4"] = '4', ["ipv6"] = '6', ["no-header"] = 'H', ["json"] = 'j', ["help"] = 'h', ["net"] = 'N',
    };

    /// <summary>Reads the options and the filter.</summary>
    public static SsOptions Parse(Args args)
    {
        var o = new SsOptions();
        while (!args.AtEnd && args.Peek().StartsWith('-') && args.Peek().Length > 1)
        {
            string word = args.Next();
            if (word == "--")
            {
                break;
            }

            if (word.StartsWith("--", StringComparison.Ordinal))
            {
                string name = word[2..];
                string? attached = null;
                int equals = name.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    attached = name[(equals + 1)..];
                    name = name[..equals];
                }

                if (!LongOptions.TryGetValue(name, out char letter))
                {
                    throw new UsageException($"Error: ss option \"{word}\" is not supported by nlctl ss, try \"nlctl ss -h\".");
                }

                o = Apply(o, letter, () => attached ?? args.Value(word), word);
                continue;
            }

            for (int i = 1; i < word.Length; i++)
            {
                char letter = word[i];
                string rest = word[(i + 1)..];
                if (letter == 'N')
                {
                    // -NNAME or -N NAME: the rest of the word is the value, if any.
                    o = o with { Netns = rest.Length > 0 ? rest : args.Value("-N") };
                    break;
                }

                o = Apply(o, letter, () => throw new UsageException($"Error: ss option \"-{letter}\" needs a value."), word);
            }
        }

        return ParseFilter(o, args);
    }

    private static SsOptions Apply(SsOptions o, char letter, Func<string> value, string word) => letter switch
    {
        't' => o with { Tcp = true },
        'u' => o with { Udp = true },
        'w' => o with { Raw = true },
        'x' => o with { Unix = true },
        'l' => o with { Listening = true },
        'a' => o with { All = true },
        'n' => o, // always numeric
        'p' => o with { Processes = true },
        'e' => o with { Extended = true },
        'm' => o with { Memory = true },
        'i' => o with { Info = true },
        'o' => o with { Timers = true },
        's' => o with { Summary = true },
        '4' => o with { Ipv4 = true },
        '6' => o with { Ipv6 = true },
        'H' => o with { NoHeader = true },
        'j' => o with { Json = true },
        'h' => o with { Help = true },
        'N' => o with { Netns = value() },
        _ => throw new UsageException($"Error: ss option \"-{letter}\" (in \"{word}\") is not supported by nlctl ss, try \"nlctl ss -h\"."),
    };

    /// <summary>state/exclude words, then an address and port expression.</summary>
    private static SsOptions ParseFilter(SsOptions o, Args args)
    {
        SocketStates? states = null;
        while (!args.AtEnd && args.Peek() is "state" or "exclude" or "excl")
        {
            string word = args.Next();
            SocketStates mask = SsStates.Parse(args.Value(word));
            states = word == "state"
                ? (states ?? 0) | mask
                : (states ?? SsStates.Default(o.Listening, o.All)) & ~mask;
        }

        InetSocketFilter? filter = args.AtEnd ? null : SsExpression.Parse(args);
        return o with
        {
            States = states ?? SsStates.Default(o.Listening, o.All),
            StatesGiven = states is not null,
            Filter = filter,
        };
    }
}

using System.Net;
using Netlink.Diag;
using Netlink.Route.Iproute2;
using Nlctl.Cli;

namespace Nlctl.Objects.Ss;

/// <summary>
/// ss's filter expressions, compiled to the kernel's inet_diag bytecode (as ss does):
/// <c>sport = :80</c>, <c>dport != :443</c>, <c>sport &gt;= :1024</c>, <c>src 10.0.0.0/8</c>,
/// <c>dst [::1]:22</c>, joined with <c>and</c>/<c>or</c>/<c>not</c> and parentheses (juxtaposition
/// is <c>and</c>). Ports are numbers; <c>*</c> or nothing before the port means any address.
/// </summary>
internal sealed class SsExpression
{
    private readonly List<string> _tokens;
    private int _next;

    private SsExpression(List<string> tokens) => _tokens = tokens;

    /// <summary>Parses the remaining words as one expression.</summary>
    public static InetSocketFilter Parse(Args args)
    {
        var parser = new SsExpression(Tokenize(args.Rest()));
        while (!args.AtEnd)
        {
            args.Next();
        }

        InetSocketFilter filter = parser.Or();
        return parser._next == parser._tokens.Count
            ? filter
            : throw new UsageException($"Error: ss filter: unexpected \"{parser._tokens[parser._next]}\".");
    }

    private static List<string> Tokenize(IReadOnlyList<string> words)
    {
        var tokens = new List<string>();
        foreach (string word in words)
        {
            int start = 0;
            for (int i = 0; i < word.Length; i++)
            {
                int length = word[i] is '(' or ')' ? 1 : OperatorAt(word, i);
                if (length > 0)
                {
                    if (i > start)
                    {
                        tokens.Add(word[start..i]);
                    }

                    tokens.Add(word.Substring(i, length));
                    i += length - 1;
                    start = i + 1;
                }
            }

            if (start < word.Length)
            {
                tokens.Add(word[start..]);
            }
        }

        return tokens;
    }

    /// <summary>The length of a comparison operator at <paramref name="i"/> (=, ==, !=, &gt;=, &lt;=, &gt;, &lt;), else 0.</summary>
    private static int OperatorAt(string word, int i) => word[i] switch
    {
        '=' or '!' or '<' or '>' when i + 1 < word.Length && word[i + 1] == '=' => 2,
        '=' or '<' or '>' => 1,
        _ => 0,
    };

    private bool AtEnd => _next >= _tokens.Count;

    private string Peek() => _tokens[_next];

    private string Next() => !AtEnd ? _tokens[_next++] : throw new UsageException("Error: ss filter: the expression ends too early.");

    private InetSocketFilter Or()
    {
        InetSocketFilter left = And();
        while (!AtEnd && Peek() is "or" or "||" or "|" or ",")
        {
            Next();
            left = InetSocketFilter.Or(left, And());
        }

        return left;
    }

    private InetSocketFilter And()
    {
        InetSocketFilter left = Unary();
        while (!AtEnd && Peek() is not ("or" or "||" or "|" or "," or ")"))
        {
            if (Peek() is "and" or "&&" or "&")
            {
                Next();
            }

            left = InetSocketFilter.And(left, Unary());
        }

        return left;
    }

    private InetSocketFilter Unary()
    {
        string token = Next();
        switch (token)
        {
            case "not" or "!":
                return InetSocketFilter.Not(Unary());
            case "(":
                InetSocketFilter inner = Or();
                return Next() == ")" ? inner : throw new UsageException("Error: ss filter: \")\" expected.");
            case "sport" or "dport":
                return PortCondition(token == "sport", Operator(), Port(Next()));
            case "src" or "dst" or "source" or "destination":
                return HostCondition(token is "src" or "source", Operator(), Next());
            default:
                throw new UsageException($"Error: ss filter: \"{token}\" is not sport, dport, src, dst, not or a parenthesis.");
        }
    }

    private string Operator()
    {
        string op = AtEnd ? "=" : Peek();
        switch (op)
        {
            case "=" or "==" or "eq":
                Next();
                return "=";
            case "!=" or "ne" or "neq":
                Next();
                return "!=";
            case ">=" or "ge" or "geq":
                Next();
                return ">=";
            case "<=" or "le" or "leq":
                Next();
                return "<=";
            case ">" or "gt":
                Next();
                return ">";
            case "<" or "lt":
                Next();
                return "<";
            default:
                return "=";
        }
    }

    private static InetSocketFilter PortCondition(bool source, string op, ushort port)
    {
        Func<ushort, InetSocketFilter> equal = source ? InetSocketFilter.SourcePort : InetSocketFilter.DestinationPort;
        Func<ushort, InetSocketFilter> atLeast = source ? InetSocketFilter.SourcePortAtLeast : InetSocketFilter.DestinationPortAtLeast;
        Func<ushort, InetSocketFilter> atMost = source ? InetSocketFilter.SourcePortAtMost : InetSocketFilter.DestinationPortAtMost;
        return op switch
        {
            "=" => equal(port),
            "!=" => InetSocketFilter.Not(equal(port)),
            ">=" => atLeast(port),
            "<=" => atMost(port),
            ">" => InetSocketFilter.Not(atMost(port)),
            _ => InetSocketFilter.Not(atLeast(port)),
        };
    }

    private static InetSocketFilter HostCondition(bool source, string op, string text)
    {
        if (op is not ("=" or "!="))
        {
            throw new UsageException($"Error: ss filter: addresses compare with = or != only, not \"{op}\".");
        }

        (IPNetwork? prefix, ushort? port) = Host(text);
        InetSocketFilter condition = prefix is { } p
            ? (source ? InetSocketFilter.Source(p, port) : InetSocketFilter.Destination(p, port))
            : port is { } only
                ? (source ? InetSocketFilter.SourcePort(only) : InetSocketFilter.DestinationPort(only))
                : throw new UsageException($"Error: ss filter: \"{text}\" is neither an address nor a port.");
        return op == "!=" ? InetSocketFilter.Not(condition) : condition;
    }

    /// <summary>"10.0.0.0/8", "10.0.0.1:80", "[::1]:22", "[2001:db8::]/32", "2001:db8::1", "*:80", ":80".</summary>
    private static (IPNetwork? Prefix, ushort? Port) Host(string text)
    {
        string address = text;
        string? port = null;
        if (text.StartsWith('['))
        {
            int close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new UsageException($"Error: ss filter: \"{text}\" has no closing ']'.");
            }

            address = text[1..close];
            string after = text[(close + 1)..];
            int colon = after.LastIndexOf(':');
            if (colon >= 0)
            {
                port = after[(colon + 1)..];
                after = after[..colon];
            }

            address += after; // "/len" after the bracket
        }
        else if (text.Count(c => c == ':') == 1)
        {
            int colon = text.IndexOf(':', StringComparison.Ordinal);
            port = text[(colon + 1)..];
            address = text[..colon];
        }

        ushort? parsedPort = port is null or "*" or "" ? null : Port(port);
        if (address is "" or "*")
        {
            return (null, parsedPort);
        }

        (IPAddress ip, int length) = Args.ParsePrefix(address, System.Net.Sockets.AddressFamily.Unspecified);
        return (IpAddressText.ToNetwork(ip, length), parsedPort);
    }

    private static ushort Port(string text)
    {
        string digits = text.TrimStart(':');
        return Iproute2Number.TryParseUInt32(digits, out uint port) && port <= ushort.MaxValue
            ? (ushort)port
            : throw new UsageException($"Error: ss filter: \"{text}\" is not a port number (service names are not supported).");
    }
}

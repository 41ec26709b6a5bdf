using Nlctl.Cli;

namespace Nlctl.Objects.Help;

/// <summary><c>nlctl help [OBJECT]</c> and <c>nlctl -h</c>: the usage, on stdout (help is printed only when asked for).</summary>
internal static class HelpObject
{
    public static CliObject Definition { get; } = new()
    {
        Names = ["help"],
        Summary = "this text; \"nlctl help OBJECT\" or \"nlctl OBJECT help\" for an object's syntax",
        Usage = "Usage: nlctl help [ OBJECT ]\n",
        Run = RunAsync,
        Grammar = new Completion.Grammar(null) { Words = ["address", "route", "rule", "neighbour", "link", "monitor", "show", "ss", "decode", "proc-events", "packet", "completion"] },
    };

    /// <summary>Writes the general usage: global options and objects.</summary>
    public static void WriteGeneralHelp(TextWriter output)
    {
        output.Write("""
            Usage: nlctl [ OPTIONS ] OBJECT { COMMAND | help }
            where  OBJECT := { address | route | rule | neighbour | link | monitor | show | ss |
                               decode | proc-events | packet | completion | help }
                   OPTIONS := { -4 | -6 | -f[amily] { inet | inet6 } | -s[tatistics] | -d[etails] |
                                -o[neline] | -j[son] | -p[retty] | -br[ief] | -c[olor][={always|auto|never}] |
                                -t[imestamp] | -n[etns] NAME | -V[ersion] | -h[elp] }
            Objects and commands may be abbreviated as ip's are: "nlctl a" is address, "r" route,
            "ru" rule, "n" neighbour, "l" link; "nlctl r s" is route show. Errors are one line on
            stderr; the exit status is 1 for a usage error, 2 when the kernel refused a request.

            """);
        foreach (CliObject o in ObjectRegistry.All)
        {
            output.WriteLine($"  {o.Name,-12} {o.Summary}");
        }
    }

    private static Task RunAsync(CommandContext context, Args args, CancellationToken cancellationToken)
    {
        if (args.AtEnd)
        {
            WriteGeneralHelp(context.Text);
        }
        else
        {
            context.Text.Write(ObjectRegistry.Resolve(args.Next()).Usage);
        }

        return Task.CompletedTask;
    }
}

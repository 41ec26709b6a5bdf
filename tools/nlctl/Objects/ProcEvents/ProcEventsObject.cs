using Netlink.Diag;
using Nlctl.Cli;
using Nlctl.Output;

namespace Nlctl.Objects.ProcEvents;

/// <summary>
/// <c>nlctl proc-events [-c N] [-j]</c>: process events from the proc connector, one line per
/// event (with -j one JSON object per line), until Ctrl-C, SIGTERM or N events. Root, initial namespaces only.
/// </summary>
internal static class ProcEventsObject
{
    private const string Usage = """
        Usage: nlctl proc-events [ -c N | --count N ] [ -j ]
        Process events (fork, exec, exit, uid, gid, sid, ptrace, comm, coredump) from the proc connector,
        one per line until Ctrl-C or N events; -j prints one JSON object per line ("event", "pid", ...).
        Needs root in the initial network namespace (-n is refused).

        """;

    public static CliObject Definition { get; } = new()
    {
        Names = ["proc-events"],
        Summary = "process events: fork, exec, exit... (proc connector; root, initial namespaces)",
        Usage = Usage,
        Run = RunAsync,
        Grammar = new Completion.Grammar(null) { Words = ["-c", "--count", "-j", "help"] },
    };

    private static async Task RunAsync(CommandContext context, Args args, CancellationToken cancellationToken)
    {
        int? limit = null;
        bool json = context.Json;
        while (!args.AtEnd)
        {
            string word = args.Next();
            switch (word)
            {
                case "-c" or "--count" or "count":
                    uint n = args.UInt32(word);
                    limit = n > 0 ? (int)Math.Min(n, int.MaxValue) : throw UsageException.Invalid("0", $"\"{word}\" must be positive");
                    break;
                case "-j" or "--json":
                    json = true;
                    break;
                case "help" or "-h" or "--help":
                    context.Text.Write(Usage);
                    return;
                default:
                    throw UsageException.Garbage(word, "proc-events");
            }
        }

        if (context.Options.Netns is not null)
        {
            throw new UsageException("Error: proc-events works only in the initial network namespace (the kernel sends process events there alone); drop -n.");
        }

        await using ProcessMonitor monitor = await ProcessMonitor.StartAsync(cancellationToken: cancellationToken);
        int seen = 0;
        try
        {
            await foreach (ProcessEvent e in monitor.ReadEventsAsync(cancellationToken))
            {
                context.Text.WriteLine(json ? ProcEventOutput.Json(e) : ProcEventOutput.Text(e));
                context.Output.Flush();
                if (++seen == limit)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C or SIGTERM: the normal end.
        }
    }
}

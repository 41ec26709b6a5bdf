using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Netlink.Diag;
using Nlctl.Cli;

namespace Nlctl.Commands;

/// <summary>
/// <c>nlctl proc-events</c>: process events from the proc connector, one line per event (with -j
/// one JSON object per line), until Ctrl-C or <c>-c N</c> events. Root, initial namespaces only.
/// </summary>
internal static class ProcEventsCommand
{
    private static readonly Option<int?> Count = new("--count", "-c")
    {
        Description = "Stop after N events; default: until interrupted",
        HelpName = "N",
    };

    public static Command Create()
    {
        var command = new Command("proc-events", "Print process events (fork, exec, exit, uid, gid, sid, ptrace, comm, coredump); needs root in the initial namespaces")
        {
            Count,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            CommandContext context = CommandContext.From(parseResult);
            if (context.NetnsName is not null)
            {
                throw new UserErrorException("proc-events works only in the initial network namespace (the kernel sends process events there alone); drop -n");
            }

            int? limit = parseResult.GetValue(Count);
            if (limit is <= 0)
            {
                throw new UserErrorException("--count must be positive");
            }

            await using ProcessMonitor monitor = await ProcessMonitor.StartAsync(cancellationToken: cancellationToken);
            int seen = 0;
            await foreach (ProcessEvent e in monitor.ReadEventsAsync(cancellationToken))
            {
                context.Output.WriteLine(context.Json ? FormatJson(e) : FormatText(e));
                context.Output.Flush();
                if (++seen == limit)
                {
                    break;
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary>The name of an event kind in the output ("fork", "exit", "overrun"…).</summary>
    internal static string Name(ProcessEventKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The event's own fields as (name, value) pairs, in the order they are printed.</summary>
    internal static IEnumerable<(string Name, long Value)> Fields(ProcessEvent e) => e switch
    {
        ProcessForkEvent f => [("parent_pid", f.ParentPid), ("parent_tgid", f.ParentTgid), ("child_pid", f.ChildPid), ("child_tgid", f.ChildTgid)],
        ProcessExitEvent x => [("exit_code", x.ExitCode), ("exit_signal", x.Signal), ("core_dumped", x.CoreDumped ? 1 : 0), ("exit_status", x.ExitStatus), ("parent_exit_signal", (int)x.ParentExitSignal), ("parent_pid", x.ParentPid), ("parent_tgid", x.ParentTgid)],
        ProcessUidEvent u => [("ruid", u.RealUid), ("euid", u.EffectiveUid)],
        ProcessGidEvent g => [("rgid", g.RealGid), ("egid", g.EffectiveGid)],
        ProcessPtraceEvent p => [("tracer_pid", p.TracerPid), ("tracer_tgid", p.TracerTgid)],
        ProcessCoredumpEvent c => [("parent_pid", c.ParentPid), ("parent_tgid", c.ParentTgid)],
        _ => [],
    };

    internal static string FormatText(ProcessEvent e)
    {
        if (e.Kind == ProcessEventKind.Overrun)
        {
            return "overrun: events were lost";
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{e.TimestampNanoseconds / 1e9:0.000000} cpu {e.Cpu} {Name(e.Kind)} pid {e.Pid} tgid {e.Tgid}");
        foreach ((string name, long value) in Fields(e))
        {
            text.Append(CultureInfo.InvariantCulture, $" {name} {value}");
        }

        if (e is ProcessCommEvent comm)
        {
            text.Append(" comm ").Append(comm.Comm);
        }

        return text.ToString();
    }

    internal static string FormatJson(ProcessEvent e)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("event", Name(e.Kind));
            if (e.Kind != ProcessEventKind.Overrun)
            {
                json.WriteNumber("timestamp_ns", e.TimestampNanoseconds);
                json.WriteNumber("cpu", e.Cpu);
                json.WriteNumber("pid", e.Pid);
                json.WriteNumber("tgid", e.Tgid);
                foreach ((string name, long value) in Fields(e))
                {
                    json.WriteNumber(name, value);
                }

                if (e is ProcessCommEvent comm)
                {
                    json.WriteString("comm", comm.Comm);
                }
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

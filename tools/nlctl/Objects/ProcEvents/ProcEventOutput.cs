using System.Globalization;
using System.Text;
using Netlink.Diag;
using Nlctl.Output;

namespace Nlctl.Objects.ProcEvents;

/// <summary>One process event as a text line or a JSON object ("event", "timestamp_ns", "cpu", "pid", "tgid", then its own fields).</summary>
internal static class ProcEventOutput
{
    /// <summary>The name of an event kind ("fork", "exit", "overrun"…).</summary>
    public static string Name(ProcessEventKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The event's own fields as (name, value) pairs, in the order they are printed.</summary>
    public static IEnumerable<(string Name, long Value)> Fields(ProcessEvent e) => e switch
    {
        ProcessForkEvent f => [("parent_pid", f.ParentPid), ("parent_tgid", f.ParentTgid), ("child_pid", f.ChildPid), ("child_tgid", f.ChildTgid)],
        ProcessExitEvent x => [("exit_code", x.ExitCode), ("exit_signal", x.Signal), ("core_dumped", x.CoreDumped ? 1 : 0), ("exit_status", x.ExitStatus), ("parent_exit_signal", (int)x.ParentExitSignal), ("parent_pid", x.ParentPid), ("parent_tgid", x.ParentTgid)],
        ProcessUidEvent u => [("ruid", u.RealUid), ("euid", u.EffectiveUid)],
        ProcessGidEvent g => [("rgid", g.RealGid), ("egid", g.EffectiveGid)],
        ProcessPtraceEvent p => [("tracer_pid", p.TracerPid), ("tracer_tgid", p.TracerTgid)],
        ProcessCoredumpEvent c => [("parent_pid", c.ParentPid), ("parent_tgid", c.ParentTgid)],
        _ => [],
    };

    public static string Text(ProcessEvent e)
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

    public static string Json(ProcessEvent e) => JsonOutput.Line(json =>
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
                json.WriteString("comm", Printable.Name(comm.Comm));
            }
        }

        json.WriteEndObject();
    });
}

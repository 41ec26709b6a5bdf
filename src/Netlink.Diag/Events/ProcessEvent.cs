namespace Netlink.Diag;

/// <summary>What a <see cref="ProcessEvent"/> reports (the kernel's PROC_EVENT_* kinds, plus overruns).</summary>
public enum ProcessEventKind
{
    /// <summary>A task forked (<see cref="ProcessForkEvent"/>).</summary>
    Fork,

    /// <summary>A task called exec (<see cref="ProcessExecEvent"/>).</summary>
    Exec,

    /// <summary>Real/effective uid changed (<see cref="ProcessUidEvent"/>).</summary>
    Uid,

    /// <summary>Real/effective gid changed (<see cref="ProcessGidEvent"/>).</summary>
    Gid,

    /// <summary>A new session started (<see cref="ProcessSidEvent"/>).</summary>
    Sid,

    /// <summary>A tracer attached or detached (<see cref="ProcessPtraceEvent"/>).</summary>
    Ptrace,

    /// <summary>The task name changed (<see cref="ProcessCommEvent"/>).</summary>
    Comm,

    /// <summary>A task dumped core (<see cref="ProcessCoredumpEvent"/>).</summary>
    Coredump,

    /// <summary>A task exited (<see cref="ProcessExitEvent"/>).</summary>
    Exit,

    /// <summary>The kernel dropped events (ENOBUFS) before this point (<see cref="ProcessEventsLost"/>).</summary>
    Overrun,
}

/// <summary>
/// One process event from the proc connector. <see cref="Pid"/> is the thread id and
/// <see cref="Tgid"/> the process id (they differ for threads); for a fork they are the child's.
/// </summary>
public abstract record ProcessEvent
{
    /// <summary>The kind of event.</summary>
    public abstract ProcessEventKind Kind { get; }

    /// <summary>Thread id (the kernel's pid) the event is about.</summary>
    public int Pid { get; init; }

    /// <summary>Process id (thread group id) the event is about.</summary>
    public int Tgid { get; init; }

    /// <summary>CPU that reported the event.</summary>
    public uint Cpu { get; init; }

    /// <summary>Time of the event in nanoseconds since boot (CLOCK_MONOTONIC).</summary>
    public ulong TimestampNanoseconds { get; init; }

    /// <summary>Time of the event since boot.</summary>
    public TimeSpan Timestamp => TimeSpan.FromTicks((long)(TimestampNanoseconds / 100));
}

/// <summary>A fork: <see cref="ProcessEvent.Pid"/>/<see cref="ProcessEvent.Tgid"/> are the child's.</summary>
public sealed record ProcessForkEvent : ProcessEvent
{
    /// <inheritdoc/>
    public override ProcessEventKind Kind => ProcessEventKind.Fork;

    /// <summary>Parent thread id.</summary>
    public int ParentPid { get; init; }

    /// <summary>Parent process id.</summary>
    public int ParentTgid { get; init; }

    /// <summary>Child thread id (same as <see cref="ProcessEvent.Pid"/>).</summary>
    public int ChildPid => Pid;

    /// <summary>Child process id (same as <see cref="ProcessEvent.Tgid"/>).</summary>
    public int ChildTgid => Tgid;
}

/// <summary>An exec.</summary>
public sealed record ProcessExecEvent : ProcessEvent
{
    /// <inheritdoc/>
    public override ProcessEventKind Kind => ProcessEventKind.Exec;
}

/// <summary>A uid change.</summary>
public sealed record ProcessUidEvent : ProcessEvent
{
    /// <inheritdoc/>
    public override ProcessEventKind Kind => ProcessEventKind.Uid;

    /// <summary>Real uid.</summary>
    public uint RealUid { get; init; }

    /// <summary>Effective uid.</summary>
    public uint EffectiveUid { get; init; }
}

/// <summary>A gid change.</summary>
public sealed record ProcessGidEvent : ProcessEvent
{
    /// <inheritdoc/>
    public override ProcessEventKind Kind => ProcessEventKind.Gid;

    /// <summary>Real gid.</summary>
    public uint RealGid { get; init; }

    /// <summary>Effective gid.</summary>
    public uint EffectiveGid { get; init; }
}

/// <summary>setsid: the process leads a new session.</summary>
public sealed record ProcessSidEvent : ProcessEvent
{
    /// <inheritdoc/>
    public override ProcessEventKind Kind => ProcessEventKind.Sid;
}

/// <summary>ptrace attach (tracer set) or detach (tracer 0).</summary>
public sealed record ProcessPtraceEvent : ProcessEvent
{
    /// <inheritdoc/>
    public override ProcessEventKind Kind => ProcessEventKind.Ptrace;

    /// <summary>Tracer thread id, 0 on detach.</summary>
    public int TracerPid { get; init; }

    /// <summary>Tracer process id, 0 on detach.</summary>
    public int TracerTgid { get; init; }
}

/// <summary>The task name (comm) changed.</summary>
public sealed record ProcessCommEvent : ProcessEvent
{
    /// <inheritdoc/>
    public override ProcessEventKind Kind => ProcessEventKind.Comm;

    /// <summary>The new name (up to 15 bytes).</summary>
    public required string Comm { get; init; }
}

/// <summary>A core dump.</summary>
public sealed record ProcessCoredumpEvent : ProcessEvent
{
    /// <inheritdoc/>
    public override ProcessEventKind Kind => ProcessEventKind.Coredump;

    /// <summary>Parent thread id.</summary>
    public int ParentPid { get; init; }

    /// <summary>Parent process id.</summary>
    public int ParentTgid { get; init; }
}

/// <summary>
/// An exit. <see cref="ExitStatus"/> is the wait status (task->exit_code); <see cref="ExitCode"/>
/// and <see cref="Signal"/> are decoded from it as wait(2) does.
/// </summary>
public sealed record ProcessExitEvent : ProcessEvent
{
    /// <inheritdoc/>
    public override ProcessEventKind Kind => ProcessEventKind.Exit;

    /// <summary>The raw wait status.</summary>
    public uint ExitStatus { get; init; }

    /// <summary>The exit code, <c>(status &gt;&gt; 8) &amp; 0xff</c> (meaningful when <see cref="Signal"/> is 0).</summary>
    public int ExitCode => (int)((ExitStatus >> 8) & 0xff);

    /// <summary>The terminating signal, <c>status &amp; 0x7f</c>; 0 for a normal exit.</summary>
    public int Signal => (int)(ExitStatus & 0x7f);

    /// <summary>The process dumped core (<c>status &amp; 0x80</c>).</summary>
    public bool CoreDumped => (ExitStatus & 0x80) != 0;

    /// <summary>The signal the parent is sent on exit (exit_signal, usually SIGCHLD 17; -1/0 for threads).</summary>
    public uint ParentExitSignal { get; init; }

    /// <summary>Parent thread id.</summary>
    public int ParentPid { get; init; }

    /// <summary>Parent process id.</summary>
    public int ParentTgid { get; init; }
}

/// <summary>The explicit overrun item: the kernel dropped events (ENOBUFS) before this point.</summary>
public sealed record ProcessEventsLost : ProcessEvent
{
    /// <inheritdoc/>
    public override ProcessEventKind Kind => ProcessEventKind.Overrun;
}

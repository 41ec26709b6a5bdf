using System.Runtime.InteropServices;
using Netlink.Diag.Generated;
using Netlink.Encoding;
using Netlink.Messages;

namespace Netlink.Diag;

/// <summary>
/// Process events from the kernel's proc connector (NETLINK_CONNECTOR, group CN_IDX_PROC): fork,
/// exec, exit (with exit code and signal), uid/gid/sid changes, ptrace, comm and core dumps, as
/// an async stream with an explicit <see cref="ProcessEventsLost"/> item when the kernel drops
/// events. Needs root (CAP_NET_ADMIN in the initial user namespace), and works only from the
/// initial network, user and pid namespaces: the kernel sends proc events to init_net's connector
/// only, so a socket opened in another network namespace never receives any (StartAsync then
/// times out waiting for the acknowledgement). Events are host-wide: every process is reported.
/// </summary>
/// <example>
/// <code>
/// await using var monitor = await ProcessMonitor.StartAsync();
/// await foreach (ProcessEvent e in monitor.ReadEventsAsync(token))
/// {
///     if (e is ProcessExitEvent exit) Console.WriteLine($"{exit.Tgid} exited {exit.ExitCode}");
/// }
/// </code>
/// </example>
public sealed class ProcessMonitor : IDisposable, IAsyncDisposable
{
    private static readonly ProcessEventsLost Lost = new();
    private readonly NetlinkEventSubscription _subscription;
    private uint _sequence;
    private int _disposed;

    private ProcessMonitor(NetlinkEventSubscription subscription, uint sequence)
    {
        _subscription = subscription;
        _sequence = sequence;
    }

    /// <summary>How many overruns (ENOBUFS) have been reported so far.</summary>
    public long OverrunCount => _subscription.OverrunCount;

    /// <summary>
    /// Opens a connector socket in the current (initial) network namespace, joins CN_IDX_PROC,
    /// sends PROC_CN_MCAST_LISTEN and waits for the kernel's acknowledgement, so every event after
    /// this returns is delivered.
    /// </summary>
    /// <exception cref="NetlinkException">The kernel refused (EPERM without CAP_NET_ADMIN).</exception>
    /// <exception cref="TimeoutException">No acknowledgement: not in the initial namespaces, or no proc connector.</exception>
    public static async Task<ProcessMonitor> StartAsync(ProcessMonitorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ProcessMonitorOptions();
        NetlinkEventSubscription subscription = NetlinkEventSubscription.Open(
            NetlinkProtocol.Connector,
            [CnProc.McastGroups.CnIdxProc],
            netns: null,
            receiveBufferSize: options.ReceiveBufferSize,
            forceReceiveBuffer: options.ReceiveBufferSize is not null);
        var monitor = new ProcessMonitor(subscription, (uint)Environment.TickCount);
        try
        {
            uint sequence = monitor.Send(CnProc.ProcCnMcastOp.Listen);
            await monitor.WaitForAcknowledgementAsync(sequence, options.AcknowledgementTimeout, cancellationToken).ConfigureAwait(false);
            return monitor;
        }
        catch
        {
            subscription.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Streams events as they arrive, with a <see cref="ProcessEventsLost"/> item where the kernel
    /// dropped some. Ends without an exception when cancelled; disposing the monitor ends it with
    /// <see cref="ObjectDisposedException"/>. One reader at a time. At most one datagram's events
    /// wait in memory: the socket's receive buffer (<see cref="ProcessMonitorOptions.ReceiveBufferSize"/>)
    /// holds the rest, and its overflow is the <see cref="ProcessEventsLost"/> item.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The monitor is disposed.</exception>
    public IAsyncEnumerable<ProcessEvent> ReadEventsAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return _subscription.ReadAsync<ProcessEvent>(
            static (NetlinkMessage message, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out ProcessEvent item) => TryDecode(message, out item),
            Lost,
            cancellationToken);
    }

    /// <summary>Decodes one proc connector message; false for acknowledgements and anything else.</summary>
    public static bool TryDecode(NetlinkMessage message, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ProcessEvent? item)
    {
        item = null;
        if (!TryReadEvent(message, out CnProc.ProcEventMsg msg))
        {
            return false;
        }

        CnProc.ProcEvent ev = msg.Event;
        ReadOnlySpan<byte> data = ev.EventData;

        // Every body starts with the process's pid and tgid, as proc-event-exec is laid out.
        CnProc.ProcEventExec process = Read<CnProc.ProcEventExec>(data);
        int pid = process.ProcessPid;
        int tgid = process.ProcessTgid;
        item = (CnProc.ProcEventWhat)ev.What switch
        {
            CnProc.ProcEventWhat.Fork => Read<CnProc.ProcEventFork>(data) is var f
                ? new ProcessForkEvent { Pid = f.ChildPid, Tgid = f.ChildTgid, ParentPid = f.ParentPid, ParentTgid = f.ParentTgid } : null,
            CnProc.ProcEventWhat.Exec => new ProcessExecEvent { Pid = pid, Tgid = tgid },
            CnProc.ProcEventWhat.Uid => Read<CnProc.ProcEventId>(data) is var u
                ? new ProcessUidEvent { Pid = pid, Tgid = tgid, RealUid = u.R, EffectiveUid = u.E } : null,
            CnProc.ProcEventWhat.Gid => Read<CnProc.ProcEventId>(data) is var g
                ? new ProcessGidEvent { Pid = pid, Tgid = tgid, RealGid = g.R, EffectiveGid = g.E } : null,
            CnProc.ProcEventWhat.Sid => new ProcessSidEvent { Pid = pid, Tgid = tgid },
            CnProc.ProcEventWhat.Ptrace => Read<CnProc.ProcEventPtrace>(data) is var p
                ? new ProcessPtraceEvent { Pid = pid, Tgid = tgid, TracerPid = p.TracerPid, TracerTgid = p.TracerTgid } : null,
            CnProc.ProcEventWhat.Comm => Read<CnProc.ProcEventComm>(data) is var n
                ? new ProcessCommEvent { Pid = pid, Tgid = tgid, Comm = CString(n.Comm) } : null,
            CnProc.ProcEventWhat.Coredump => Read<CnProc.ProcEventCoredump>(data) is var c
                ? new ProcessCoredumpEvent { Pid = pid, Tgid = tgid, ParentPid = c.ParentPid, ParentTgid = c.ParentTgid } : null,
            CnProc.ProcEventWhat.Exit => Read<CnProc.ProcEventExit>(data) is var x
                ? new ProcessExitEvent { Pid = pid, Tgid = tgid, ExitStatus = x.ExitCode, ParentExitSignal = x.ExitSignal, ParentPid = x.ParentPid, ParentTgid = x.ParentTgid } : null,
            _ => null,
        };
        if (item is null)
        {
            return false;
        }

        item = item with { Cpu = ev.Cpu, TimestampNanoseconds = ev.TimestampNs };
        return true;
    }

    /// <summary>
    /// Sends PROC_CN_MCAST_IGNORE (so the kernel stops counting this listener) and closes the socket;
    /// a stream being read ends with <see cref="ObjectDisposedException"/>.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            Send(CnProc.ProcCnMcastOp.Ignore);
        }
        catch (NetlinkException)
        {
            // Best effort: closing the socket also ends delivery.
        }
        finally
        {
            _subscription.Dispose();
        }
    }

    /// <summary>Same as <see cref="Dispose"/>.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static bool TryReadEvent(NetlinkMessage message, out CnProc.ProcEventMsg msg)
    {
        msg = default;
        return message.Type == CnProc.Messages.ProcEventNtf
            && CnProc.TryReadProcEventNtf(message.Bytes, out msg, out _)
            && msg.Cn.Id.Idx == CnProc.Constants.CnIdxProc
            && msg.Cn.Id.Val == CnProc.Constants.CnValProc;
    }

    private static T Read<T>(ReadOnlySpan<byte> data)
        where T : unmanaged => MemoryMarshal.Read<T>(data);

    private static string CString(ReadOnlySpan<byte> bytes)
    {
        int nul = bytes.IndexOf((byte)0);
        return System.Text.Encoding.UTF8.GetString(nul >= 0 ? bytes[..nul] : bytes);
    }

    private uint Send(CnProc.ProcCnMcastOp op)
    {
        uint sequence = Interlocked.Increment(ref _sequence);
        using NetlinkMessageWriterPool.Lease lease = NetlinkMessageWriterPool.Shared.Rent();
        CnProcRequest.WriteListen(lease.Writer, op, sequence, _subscription.Socket.PortId);
        _subscription.Socket.Send(lease.Writer.WrittenSpan);
        return sequence;
    }

    private async Task WaitForAcknowledgementAsync(uint sequence, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        uint? error = null;
        NetlinkMessageVisitor visitor = message =>
        {
            // The acknowledgement is an event with what = none and our ack + 1 (seq is the kernel's own).
            if (TryReadEvent(message, out CnProc.ProcEventMsg msg) && msg.Event.What == (uint)CnProc.ProcEventWhat.None && msg.Cn.Ack == unchecked(sequence + 1))
            {
                error = Read<CnProc.ProcEventAck>(msg.Event.EventData).Err;
            }
        };
        try
        {
            while (error is null)
            {
                await _subscription.ReceiveAsync(visitor, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"the proc connector did not acknowledge PROC_CN_MCAST_LISTEN within {timeout.TotalSeconds:0.#} s; " +
                "process events need root in the initial network, user and pid namespaces");
        }

        if (error != 0)
        {
            // The kernel refuses the listen request with EPERM unless the socket's opener has CAP_NET_ADMIN.
            throw new NetlinkException((int)error.Value, "PROC_CN_MCAST_LISTEN", null, Capabilities.NetAdmin);
        }
    }
}

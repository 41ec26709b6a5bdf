using Netlink.Messages;

namespace Netlink;

/// <summary>
/// The receive side: waiting callers take turns reading the socket ("the pump") and dispatch
/// every reply to the request that owns it.
/// </summary>
public sealed partial class NetlinkConnection
{
    private readonly object _pumpGate = new();
    private bool _pumping;
    private TaskCompletionSource? _pumpReleased;

    /// <summary>
    /// Waits until <paramref name="pending"/> finishes, reading the socket whenever no other caller
    /// does. Completes synchronously when the replies are already queued.
    /// </summary>
    private async Task<NetlinkReplySummary> WaitAsync(PendingRequest pending, Deadline deadline)
    {
        CancellationTokenRegistration registration = default;
        try
        {
            Task completion = pending.Completion.Task;
            while (!completion.IsCompleted)
            {
                if (TryStartPumping(out Task? released))
                {
                    bool over;
                    try
                    {
                        over = await PumpAsync(completion, deadline, sink: null).ConfigureAwait(false);
                    }
                    finally
                    {
                        StopPumping();
                    }

                    if (over)
                    {
                        pending.Completion.TrySetCanceled(deadline.CallerToken);
                    }
                }
                else
                {
                    // Another caller is reading; it completes our request or hands the role on.
                    ArmCancellation(pending, deadline, ref registration);
                    await Task.WhenAny(completion, released!).ConfigureAwait(false);
                }
            }

            return await pending.Completion.Task.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.HasExpired)
        {
            throw deadline.TimeoutError($"request (type {pending.RequestType}, seq {pending.Sequence})");
        }
        finally
        {
            await registration.DisposeAsync().ConfigureAwait(false);
            EndWait(pending);
        }
    }

    /// <summary>
    /// The caller of <paramref name="pending"/> is done with it. A request the kernel has finished
    /// (or that is no dump: a late reply to it is only counted) is forgotten; a dump the kernel still
    /// runs stays registered, so the rest of its replies is dropped as it arrives and the next dump
    /// waits for its NLMSG_DONE (see <see cref="AcquireDumpLaneAsync"/>).
    /// </summary>
    private void EndWait(PendingRequest pending)
    {
        if (pending.IsDump && !pending.KernelFinished && _pending.TryGetValue(pending.Sequence, out PendingRequest? registered) && registered == pending)
        {
            OnDumpAbandoned();
            return;
        }

        _pending.TryRemove(new KeyValuePair<uint, PendingRequest>(pending.Sequence, pending));
    }

    /// <summary>
    /// Reads and dispatches datagrams until <paramref name="until"/> completes: queued ones without
    /// waiting, then by waiting for the socket to become readable. The deadline is checked before
    /// every datagram, so a peer that never stops sending cannot keep a caller past it.
    /// </summary>
    /// <remarks>
    /// With a <paramref name="sink"/> (a streaming request) it stops as soon as the sink holds
    /// items, so the socket is read no faster than the stream's consumer takes them. It also stops
    /// when a dump is waiting to be sent (<see cref="SendDumpAsync"/>): the caller then waits for
    /// the role again.
    /// </remarks>
    /// <returns>True if it stopped because the deadline was over (the caller fails its wait).</returns>
    private ValueTask<bool> PumpAsync(Task until, Deadline deadline, StreamSink? sink)
    {
        while (!until.IsCompleted && sink is not { HasItems: true })
        {
            if (deadline.IsOver)
            {
                return new ValueTask<bool>(true);
            }

            if (Volatile.Read(ref _dumpSendsWaiting) > 0)
            {
                break; // a dump must be sent while nobody reads: give the socket up
            }

            if (!TryReceiveQueued(out NetlinkDatagram datagram))
            {
                if (until.IsCompleted)
                {
                    break; // the receive failed, and that failed the waiter
                }

                return PumpWaitingAsync(until, deadline, sink);
            }

            Deliver(datagram);
        }

        return new ValueTask<bool>(false);
    }

    /// <summary>The slow half of <see cref="PumpAsync"/>: nothing was queued, so wait on the socket.</summary>
    private async ValueTask<bool> PumpWaitingAsync(Task until, Deadline deadline, StreamSink? sink)
    {
        // The wait ends on the deadline, or early when a dump needs the socket (SendDumpAsync cancels it).
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
        while (!until.IsCompleted && sink is not { HasItems: true })
        {
            if (deadline.IsOver)
            {
                return true;
            }

            lock (_pumpGate)
            {
                if (_dumpSendsWaiting > 0)
                {
                    return false;
                }

                _pumpWake = wake;
            }

            NetlinkDatagram datagram;
            try
            {
                datagram = await _transport.ReceiveAsync(wake.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (wake.IsCancellationRequested)
            {
                // Our deadline fired, or a dump asked for the socket: either way this wait is over.
                return deadline.IsOver || deadline.Token.IsCancellationRequested;
            }
            catch (Exception e)
            {
                ReceiveFailed(e);
                continue;
            }
            finally
            {
                lock (_pumpGate)
                {
                    _pumpWake = null;
                }
            }

            Deliver(datagram);
            while (!until.IsCompleted && sink is not { HasItems: true } && !deadline.IsOver && Volatile.Read(ref _dumpSendsWaiting) == 0
                && TryReceiveQueued(out datagram))
            {
                Deliver(datagram);
            }
        }

        return false;
    }

    /// <summary>A datagram if one is queued; false if none is, or if the receive failed (<see cref="ReceiveFailed"/> has then handled it).</summary>
    private bool TryReceiveQueued(out NetlinkDatagram datagram)
    {
        try
        {
            return _transport.TryReceive(out datagram);
        }
        catch (Exception e)
        {
            ReceiveFailed(e);
            datagram = default;
            return false;
        }
    }

    /// <summary>
    /// Handles a failed receive. ENOBUFS fails only the requests whose replies may have been lost
    /// (<see cref="OnOverrun"/>); with none in flight it is only counted. Another socket error
    /// (a datagram too large…) fails every waiting caller, but the connection goes on. Anything
    /// else (the transport is gone) fails everything and marks the connection broken.
    /// </summary>
    private void ReceiveFailed(Exception error)
    {
        if (_disposed != 0)
        {
            FailAll(new ObjectDisposedException(nameof(NetlinkConnection)));
        }
        else if (error is NetlinkOverrunException)
        {
            OnOverrun();
        }
        else if (error is NetlinkException)
        {
            FailCallers(error);
        }
        else
        {
            _broken = error;
            FailAll(error);
        }
    }

    private void Deliver(NetlinkDatagram datagram)
    {
        if (!datagram.IsFromKernel)
        {
            Interlocked.Increment(ref _foreign);
            return;
        }

        Dispatch(datagram.Data.Span);
    }

    private void Dispatch(ReadOnlySpan<byte> datagram)
    {
        // The messages of a dump datagram all carry one sequence number: look it up once.
        PendingRequest? current = null;
        uint currentSequence = 0;
        try
        {
            foreach (NetlinkMessage message in new NetlinkMessageEnumerator(datagram))
            {
                uint sequence = message.Header.Sequence;
                if (current is null || sequence != currentSequence)
                {
                    currentSequence = sequence;
                    if (!_pending.TryGetValue(sequence, out current))
                    {
                        if (FindWindow(sequence) is { } window)
                        {
                            window.OnMessage(sequence, message);
                        }
                        else
                        {
                            Interlocked.Increment(ref _unmatched);
                        }

                        continue;
                    }
                }

                MessageOutcome outcome = current.OnMessage(message, _options.Describer);
                if ((outcome & MessageOutcome.Discarded) != 0)
                {
                    Interlocked.Increment(ref _discarded);
                }

                if ((outcome & MessageOutcome.KernelFinished) != 0)
                {
                    _pending.TryRemove(new KeyValuePair<uint, PendingRequest>(sequence, current));
                    if (current.IsDump)
                    {
                        ReleaseDumpLane(current);
                    }
                    else if (ReferenceEquals(current, _overrunProbe))
                    {
                        OnProbeAnswered(current);
                    }

                    current = null;
                }
            }
        }
        catch (NetlinkDecodeException e)
        {
            // A badly framed datagram: the messages after the bad one are lost. A kernel datagram
            // answers one request (a unicast reply, or one dump's batch), so only the request named
            // by its first header is concerned; if even that is unreadable, nobody can tell.
            DecodeFailed(datagram, e);
        }
    }

    private void DecodeFailed(ReadOnlySpan<byte> datagram, NetlinkDecodeException error)
    {
        if (datagram.Length < NlMsgHeader.Size)
        {
            FailCallers(error);
            return;
        }

        uint sequence = NlMsgHeader.Read(datagram).Sequence;
        if (_pending.TryGetValue(sequence, out PendingRequest? owner))
        {
            owner.Fail(error);
        }
        else if (FindWindow(sequence) is { } window)
        {
            window.OnDecodeError(sequence, error);
        }
        else
        {
            Interlocked.Increment(ref _unmatched);
        }
    }

    /// <summary>
    /// Fails every waiting caller with <paramref name="error"/> while the connection goes on. Dumps
    /// the kernel still runs stay registered (their replies are dropped as they come) so that the
    /// next dump is not sent into the kernel's "one dump per socket" refusal.
    /// </summary>
    private void FailCallers(Exception error)
    {
        foreach (KeyValuePair<uint, PendingRequest> entry in _pending)
        {
            PendingRequest pending = entry.Value;
            pending.Fail(error);
            if (!pending.IsDump || pending.KernelFinished)
            {
                _pending.TryRemove(entry);
            }
        }

        OnDumpAbandoned();
    }

    /// <summary>The connection is closed or its transport is gone: fails every request, every queued dump and every batch waiting.</summary>
    private void FailAll(Exception error)
    {
        foreach (KeyValuePair<uint, PendingRequest> entry in _pending)
        {
            if (_pending.TryRemove(entry))
            {
                entry.Value.Fail(error);
            }
        }

        FailDumpLane(error);
    }

    /// <summary>Makes the deadline (timeout or caller's token) cancel <paramref name="pending"/>; once.</summary>
    private static void ArmCancellation(PendingRequest pending, Deadline deadline, ref CancellationTokenRegistration registration)
    {
        if (registration == default)
        {
            registration = deadline.Token.Register(static state => ((PendingRequest)state!).Completion.TrySetCanceled(), pending);
        }
    }

    /// <summary>
    /// Takes the pump role if it is free (and no dump waits to be sent); otherwise returns a task
    /// that completes when it is released.
    /// </summary>
    private bool TryStartPumping(out Task? released)
    {
        lock (_pumpGate)
        {
            if (!_pumping && _dumpSendsWaiting == 0)
            {
                _pumping = true;
                released = null;
                return true;
            }

            _pumpReleased ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            released = _pumpReleased.Task;
            return false;
        }
    }

    /// <summary>Gives the pump role up and wakes the callers waiting for it (one of them takes it).</summary>
    private void StopPumping()
    {
        TaskCompletionSource? released;
        lock (_pumpGate)
        {
            _pumping = false;
            released = _pumpReleased;
            _pumpReleased = null;
        }

        released?.TrySetResult();
    }
}

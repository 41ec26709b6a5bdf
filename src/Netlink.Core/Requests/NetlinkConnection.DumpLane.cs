using Netlink.Encoding;

namespace Netlink;

/// <summary>
/// Dumps on a shared socket. The kernel runs one dump per socket at a time (a second one is
/// refused with EBUSY) and continues a dump from inside recvmsg. Two consequences shape this file:
/// <list type="bullet">
/// <item>Dumps take turns (the "lane"): a dump is sent only once the kernel has sent the NLMSG_DONE
/// (or error) of the one before; later dumps wait in order. Plain requests are not held up.</item>
/// <item>A dump is sent while nobody reads the socket. netlink_dump queues a dump's first datagram
/// after releasing the dump's lock, so a recvmsg running at that moment on another thread (which
/// continues the dump itself) can queue the next datagram, or the NLMSG_DONE, first: the request
/// would end at a DONE that overtook its data. The same race ends the dump before the reader's
/// own netlink_dump call, which then fails the socket with EINVAL. The sender therefore takes the
/// pump role for its send, waking a reader blocked on the socket if needed.</item>
/// </list>
/// </summary>
public sealed partial class NetlinkConnection
{
    private readonly Queue<LaneTicket> _laneQueue = new();
    private PendingRequest? _laneHolder;
    private TaskCompletionSource? _laneAbandoned;
    private CancellationTokenSource? _pumpWake;
    private int _dumpSendsWaiting;

    /// <summary>Registers and sends <paramref name="pending"/>: a dump after its turn and with the socket to itself, anything else at once.</summary>
    private ValueTask SendAsync(NetlinkMessageWriter request, int start, PendingRequest pending, Deadline deadline)
    {
        if (!pending.IsDump)
        {
            RegisterAndSend(request, start, pending);
            return ValueTask.CompletedTask;
        }

        ValueTask turn = AcquireDumpLaneAsync(pending, deadline);
        if (turn.IsCompletedSuccessfully && TrySendAlone(request, start, pending))
        {
            return ValueTask.CompletedTask;
        }

        return SendDumpAsync(turn, request, start, pending, deadline);
    }

    /// <summary>The slow path of a dump's send: wait for its turn, then for the socket.</summary>
    private async ValueTask SendDumpAsync(ValueTask turn, NetlinkMessageWriter request, int start, PendingRequest pending, Deadline deadline)
    {
        await turn.ConfigureAwait(false);
        bool counted = false;
        try
        {
            while (true)
            {
                Task released;
                CancellationTokenSource? wake;
                lock (_pumpGate)
                {
                    if (!_pumping)
                    {
                        _pumping = true;
                        break;
                    }

                    if (!counted)
                    {
                        _dumpSendsWaiting++;
                        counted = true;
                    }

                    wake = _pumpWake;
                    _pumpReleased ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    released = _pumpReleased.Task;
                }

                CancelQuietly(wake);
                await released.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            if (counted)
            {
                lock (_pumpGate)
                {
                    _dumpSendsWaiting--;
                }

                WakePumpWaiters();
            }

            ReleaseDumpLane(pending);
            if (e is OperationCanceledException && deadline.HasExpired)
            {
                throw deadline.TimeoutError($"dump (type {pending.RequestType}) waiting to be sent");
            }

            throw;
        }

        if (counted)
        {
            lock (_pumpGate)
            {
                _dumpSendsWaiting--;
            }
        }

        SendHoldingPump(request, start, pending);
    }

    /// <summary>Sends a dump whose turn it is if nobody reads the socket; false if somebody does.</summary>
    private bool TrySendAlone(NetlinkMessageWriter request, int start, PendingRequest pending)
    {
        lock (_pumpGate)
        {
            if (_pumping)
            {
                return false;
            }

            _pumping = true;
        }

        SendHoldingPump(request, start, pending);
        return true;
    }

    /// <summary>Sends with the pump role held (so no recvmsg runs meanwhile), then gives it back.</summary>
    private void SendHoldingPump(NetlinkMessageWriter request, int start, PendingRequest pending)
    {
        try
        {
            RegisterAndSend(request, start, pending);
        }
        catch
        {
            ReleaseDumpLane(pending);
            throw;
        }
        finally
        {
            StopPumping();
        }
    }

    /// <summary>
    /// Waits for <paramref name="pending"/>'s turn to dump. While the dump ahead has been left by its
    /// caller (cancelled, timed out, a stream abandoned), this waiter reads the socket to drop the
    /// rest of that dump, which is what frees the lane; otherwise the dump's own caller reads.
    /// </summary>
    private ValueTask AcquireDumpLaneAsync(PendingRequest pending, Deadline deadline)
    {
        LaneTicket ticket;
        lock (_pumpGate)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            if (_laneHolder is null && _laneQueue.Count == 0)
            {
                _laneHolder = pending;
                return ValueTask.CompletedTask;
            }

            ticket = new LaneTicket(pending);
            _laneQueue.Enqueue(ticket);
        }

        return WaitForLaneAsync(ticket, deadline);
    }

    private async ValueTask WaitForLaneAsync(LaneTicket ticket, Deadline deadline)
    {
        Task granted = ticket.Granted.Task;
        try
        {
            while (!granted.IsCompleted)
            {
                Task? abandoned = null;
                lock (_pumpGate)
                {
                    if (_laneHolder is { Completion.Task.IsCompleted: false })
                    {
                        _laneAbandoned ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        abandoned = _laneAbandoned.Task;
                    }
                }

                if (abandoned is not null)
                {
                    // The dump ahead has a caller reading it: wait for its end (or for it to be left).
                    await Task.WhenAny(granted, abandoned).WaitAsync(deadline.Token).ConfigureAwait(false);
                    continue;
                }

                if (TryStartPumping(out Task? released))
                {
                    bool over;
                    try
                    {
                        over = await PumpAsync(granted, deadline, sink: null).ConfigureAwait(false);
                    }
                    finally
                    {
                        StopPumping();
                    }

                    if (over)
                    {
                        throw new OperationCanceledException(deadline.CallerToken);
                    }
                }
                else
                {
                    await Task.WhenAny(granted, released!).WaitAsync(deadline.Token).ConfigureAwait(false);
                }
            }

            await granted.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!granted.IsCompletedSuccessfully)
        {
            bool handOn;
            uint ahead;
            lock (_pumpGate)
            {
                ticket.Cancelled = true;
                handOn = granted.IsCompletedSuccessfully;
                ahead = _laneHolder?.Sequence ?? 0;
            }

            if (handOn)
            {
                ReleaseDumpLane(ticket.Pending); // granted just as we gave up: pass the turn on
            }

            if (deadline.HasExpired)
            {
                throw deadline.TimeoutError($"dump (type {ticket.Pending.RequestType}) waiting for the dump ahead of it (seq {ahead}) to finish");
            }

            throw;
        }
    }

    /// <summary>The kernel has finished <paramref name="holder"/> (or it was never sent): the next dump in line may go.</summary>
    private void ReleaseDumpLane(PendingRequest holder)
    {
        LaneTicket? next = null;
        lock (_pumpGate)
        {
            if (_laneHolder != holder)
            {
                return;
            }

            _laneHolder = null;
            while (_laneQueue.TryDequeue(out LaneTicket? ticket))
            {
                if (!ticket.Cancelled)
                {
                    _laneHolder = ticket.Pending;
                    next = ticket;
                    break;
                }
            }
        }

        next?.Granted.TrySetResult();
    }

    /// <summary>The caller of the dump holding the lane has gone: the dumps queued behind it start draining it.</summary>
    private void OnDumpAbandoned()
    {
        TaskCompletionSource? abandoned;
        lock (_pumpGate)
        {
            abandoned = _laneAbandoned;
            _laneAbandoned = null;
        }

        abandoned?.TrySetResult();
    }

    /// <summary>The connection is closed or broken: no dump runs any more and none will be sent.</summary>
    private void FailDumpLane(Exception error)
    {
        List<LaneTicket> queued;
        lock (_pumpGate)
        {
            _laneHolder = null;
            queued = [.. _laneQueue];
            _laneQueue.Clear();
        }

        foreach (LaneTicket ticket in queued)
        {
            ticket.Granted.TrySetException(error);
        }

        OnDumpAbandoned();
    }

    /// <summary>Wakes callers waiting for the pump role (a dump send that gave up no longer blocks them).</summary>
    private void WakePumpWaiters()
    {
        TaskCompletionSource? released;
        lock (_pumpGate)
        {
            if (_pumping)
            {
                return; // whoever pumps wakes them when it stops
            }

            released = _pumpReleased;
            _pumpReleased = null;
        }

        released?.TrySetResult();
    }

    /// <summary>Cancels a reader's socket wait; it may have ended (and been disposed) meanwhile.</summary>
    private static void CancelQuietly(CancellationTokenSource? wake)
    {
        try
        {
            wake?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The reader already stopped waiting.
        }
    }

    /// <summary>A dump waiting for its turn.</summary>
    private sealed class LaneTicket(PendingRequest pending)
    {
        internal PendingRequest Pending { get; } = pending;

        internal TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The waiter gave up; skipped when the lane is handed on (guarded by the pump gate).</summary>
        internal bool Cancelled { get; set; }
    }
}

using Netlink.Messages;

namespace Netlink;

/// <summary>
/// The receive side: waiting callers take turns reading the socket ("the pump") and dispatch
/// every reply to the request that owns it.
/// </summary>
public sealed partial class NetlinkConnection
{
    /// <summary>Bytes of one batch window's sendmsg; well under the default socket send buffer.</summary>
    private const int BatchWindowBytes = 64 * 1024;

    /// <summary>Receive-buffer bytes budgeted per reply of a batch window: an error ACK with extended-ACK text fits.</summary>
    private const int ReceiveBufferPerReply = 1536;

    /// <summary>The first window of a batch: small, until the replies show how large they are.</summary>
    private const int InitialBatchWindow = 16;

    private readonly object _windowGate = new();
    private readonly object _pumpGate = new();
    private volatile BatchWindow[] _windows = [];
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
            while (!pending.Completion.Task.IsCompleted)
            {
                if (TryStartPumping(out Task? released))
                {
                    try
                    {
                        await PumpAsync(pending, deadline, ref registration).ConfigureAwait(false);
                    }
                    finally
                    {
                        StopPumping();
                    }
                }
                else
                {
                    // Another caller is reading; it completes our request or hands the role on.
                    ArmCancellation(pending, deadline, ref registration);
                    await Task.WhenAny(pending.Completion.Task, released!).ConfigureAwait(false);
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
            _pending.TryRemove(new KeyValuePair<uint, PendingRequest>(pending.Sequence, pending));
        }
    }

    /// <summary>
    /// Reads and dispatches datagrams until <paramref name="pending"/> is finished: queued ones
    /// without waiting, then (arming the deadline) by waiting for the socket to become readable.
    /// </summary>
    /// <remarks>
    /// With a <paramref name="sink"/> (a streaming request) it stops as soon as the sink holds
    /// items, so the socket is read no faster than the stream's consumer takes them.
    /// </remarks>
    private ValueTask PumpAsync(PendingRequest pending, Deadline deadline, ref CancellationTokenRegistration registration, StreamSink? sink = null)
    {
        Task<NetlinkReplySummary> completion = pending.Completion.Task;
        while (!completion.IsCompleted && sink is not { HasItems: true })
        {
            if (!TryReceiveQueued(out NetlinkDatagram datagram))
            {
                if (completion.IsCompleted)
                {
                    break; // the receive failed, and that failed every waiter
                }

                ArmCancellation(pending, deadline, ref registration);
                return PumpWaitingAsync(pending, deadline.Token, sink);
            }

            Deliver(datagram);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The slow half of <see cref="PumpAsync"/>: nothing was queued, so wait on the socket.</summary>
    private async ValueTask PumpWaitingAsync(PendingRequest pending, CancellationToken cancellationToken, StreamSink? sink)
    {
        Task<NetlinkReplySummary> completion = pending.Completion.Task;
        while (!completion.IsCompleted && sink is not { HasItems: true })
        {
            NetlinkDatagram datagram;
            try
            {
                datagram = await _transport.ReceiveAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Our deadline or token fired; the registration has cancelled the request.
                pending.Completion.TrySetCanceled(cancellationToken);
                return;
            }
            catch (Exception e)
            {
                ReceiveFailed(e);
                continue;
            }

            Deliver(datagram);
            while (!completion.IsCompleted && sink is not { HasItems: true } && TryReceiveQueued(out datagram))
            {
                Deliver(datagram);
            }
        }
    }

    /// <summary>A datagram if one is queued; false if none is, or if the receive failed (<see cref="ReceiveFailed"/> has then failed every waiter).</summary>
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
    /// Handles a failed receive. ENOBUFS (replies lost), truncation or another socket error: no
    /// waiter can know whether its reply survived, so all of them learn it, and new requests go
    /// on. Anything else (the transport is gone) fails every waiter and marks the connection broken.
    /// </summary>
    private void ReceiveFailed(Exception error)
    {
        if (_disposed != 0)
        {
            error = new ObjectDisposedException(nameof(NetlinkConnection));
        }
        else if (error is not NetlinkException)
        {
            _broken = error;
        }

        FailAll(error);
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

                if (current.OnMessage(message))
                {
                    _pending.TryRemove(new KeyValuePair<uint, PendingRequest>(sequence, current));
                    current = null;
                }
            }
        }
        catch (NetlinkDecodeException e)
        {
            // A badly framed datagram: the messages after the bad one are lost, and with them
            // possibly anyone's final reply.
            FailAll(e);
        }
    }

    private void FailAll(Exception error)
    {
        foreach (KeyValuePair<uint, PendingRequest> entry in _pending)
        {
            if (_pending.TryRemove(entry))
            {
                entry.Value.Fail(error);
            }
        }
    }

    /// <summary>The batch window <paramref name="sequence"/> belongs to, if any (there are rarely more than one or two).</summary>
    private BatchWindow? FindWindow(uint sequence)
    {
        foreach (BatchWindow window in _windows)
        {
            if (window.Contains(sequence))
            {
                return window;
            }
        }

        return null;
    }

    private void AddWindow(BatchWindow window)
    {
        lock (_windowGate)
        {
            _windows = [.. _windows, window];
        }
    }

    private void RemoveWindow(BatchWindow window)
    {
        lock (_windowGate)
        {
            _windows = _windows.Where(w => w != window).ToArray();
        }
    }

    /// <summary>A block of <paramref name="count"/> consecutive sequence numbers, none of them 0, for a batch window.</summary>
    private uint ReserveSequences(int count)
    {
        while (true)
        {
            uint last = Interlocked.Add(ref _sequence, (uint)count);
            uint first = last - (uint)count + 1;
            if (first != 0 && first <= last)
            {
                return first;
            }
        }
    }

    /// <summary>Makes the deadline (timeout or caller's token) cancel <paramref name="pending"/>; once.</summary>
    private static void ArmCancellation(PendingRequest pending, Deadline deadline, ref CancellationTokenRegistration registration)
    {
        if (registration == default)
        {
            registration = deadline.Token.Register(static state => ((PendingRequest)state!).Completion.TrySetCanceled(), pending);
        }
    }

    /// <summary>Takes the pump role if it is free; otherwise returns a task that completes when it is released.</summary>
    private bool TryStartPumping(out Task? released)
    {
        lock (_pumpGate)
        {
            if (!_pumping)
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

    /// <summary>The index after the last request of the batch window of up to <paramref name="size"/> starting at <paramref name="first"/>.</summary>
    private static int WindowEnd(List<(int Start, int Length, NlMsgHeader Header)> requests, int first, int size)
    {
        int end = first;
        int bytes = 0;
        while (end < requests.Count && end - first < size && (end == first || bytes + requests[end].Length <= BatchWindowBytes))
        {
            bytes += requests[end].Length;
            end++;
        }

        return end;
    }

    /// <summary>
    /// The next window's size: double, capped by <see cref="_batchWindow"/> and by how many replies
    /// of the largest size seen fit in the receive buffer (a reply costs the kernel about twice its
    /// length in buffer accounting, plus the socket buffer overhead).
    /// </summary>
    private int NextBatchWindow(int size, int largestReply)
    {
        int perReply = Math.Max(ReceiveBufferPerReply, (largestReply * 2) + 768);
        int fits = Math.Max(1, _receiveBufferBytes / perReply);
        return Math.Max(1, Math.Min(Math.Min(size * 2, _batchWindow), fits));
    }

    /// <summary>The socket's receive buffer as the kernel accounts it, or the Linux default for other transports.</summary>
    private static int ReceiveBufferBytes(INetlinkTransport transport) =>
        transport is NetlinkSocketTransport { Socket: { } socket } ? socket.ReceiveBufferSize : 212_992;
}

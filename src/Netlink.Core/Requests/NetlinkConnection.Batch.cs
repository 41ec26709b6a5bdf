using Netlink.Encoding;
using Netlink.Messages;

namespace Netlink;

/// <summary>Batches: many requests per sendmsg, in windows closed by an acknowledged NLMSG_NOOP barrier.</summary>
public sealed partial class NetlinkConnection
{
    /// <summary>Bytes of one batch window's sendmsg; well under the default socket send buffer.</summary>
    private const int BatchWindowBytes = 64 * 1024;

    /// <summary>Receive-buffer bytes budgeted per reply of a batch window: an error ACK with extended-ACK text fits.</summary>
    private const int ReceiveBufferPerReply = 1536;

    /// <summary>The first window of a batch: small, until the replies show how large they are.</summary>
    private const int InitialBatchWindow = 16;

    private readonly object _windowGate = new();
    private volatile BatchWindow[] _windows = [];

    /// <summary>
    /// Sends every request in <paramref name="requests"/> with as few sendmsg calls as possible and
    /// collects a result per request: one failing does not lose the others' results.
    /// The requests go out as written, in windows of <see cref="NetlinkConnectionOptions.BatchWindow"/>
    /// messages (and at most 64 KiB), each closed by an NLMSG_NOOP barrier with NLM_F_ACK. The
    /// kernel handles a datagram's messages in order and always answers a failing request with an
    /// error, so when the barrier's ACK arrives every request of the window that has not failed
    /// has succeeded: requests need no NLM_F_ACK of their own (saving the kernel one reply each),
    /// though one that has it gets its ACK. The next window is sent only after the barrier, so the
    /// replies of a large batch never overflow the receive buffer. Batch plain requests, not dumps
    /// (the kernel runs one dump per socket at a time), to families whose kernel side acknowledges
    /// NLMSG_NOOP like any request (rtnetlink, generic netlink, sock_diag, xfrm… all of netlink_rcv_skb's users).
    /// </summary>
    /// <exception cref="ArgumentException">The writer holds no message, or one without NLM_F_REQUEST.</exception>
    public async Task<IReadOnlyList<NetlinkBatchResult>> ExecuteBatchAsync(NetlinkMessageWriter requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        // Counted first so the list of 10,000 requests is allocated once, not grown by doubling.
        int count = 0;
        foreach (NetlinkMessage message in new NetlinkMessageEnumerator(requests.WrittenSpan))
        {
            CheckRequestFlags(message.Header, nameof(requests));
            count++;
        }

        var starts = new List<(int Start, int Length, NlMsgHeader Header)>(count);
        foreach (NetlinkMessage message in new NetlinkMessageEnumerator(requests.WrittenSpan))
        {
            starts.Add((message.Offset, message.Bytes.Length, message.Header));
        }

        if (starts.Count == 0)
        {
            throw new ArgumentException("the batch holds no message", nameof(requests));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var results = new NetlinkBatchResult[starts.Count];
        using var deadline = new Deadline(_options.Timeout, cancellationToken);
        using NetlinkMessageWriterPool.Lease window = Encoding.NetlinkMessageWriterPool.Shared.Rent();

        // Windows share the receive buffer, so concurrent batches take turns window by window.
        // An explicit BatchWindow is used as given; otherwise the windows start small and grow
        // while the replies seen so far show that twice as many would still fit.
        int size = _options.BatchWindow ?? Math.Min(InitialBatchWindow, _batchWindow);
        for (int first = 0; first < starts.Count;)
        {
            int end = WindowEnd(starts, first, size);
            int largestReply;
            await _batchGate.WaitAsync(deadline.Token).ConfigureAwait(false);
            try
            {
                largestReply = await ExecuteWindowAsync(requests, starts, first, end, window.Writer, results, deadline).ConfigureAwait(false);
            }
            finally
            {
                _batchGate.Release();
            }

            first = end;
            if (_options.BatchWindow is null)
            {
                size = NextBatchWindow(size, largestReply);
            }
        }

        return results;
    }

    /// <summary>Sends requests [first, end) plus a barrier in one datagram and fills their results.</summary>
    /// <returns>The length of the largest data reply of the window (0 if only ACKs and errors came).</returns>
    private async Task<int> ExecuteWindowAsync(
        NetlinkMessageWriter requests,
        List<(int Start, int Length, NlMsgHeader Header)> starts,
        int first,
        int end,
        NetlinkMessageWriter datagram,
        NetlinkBatchResult[] results,
        Deadline deadline)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);

        // Copy the window into its own datagram (the caller's bytes stay as written), number it with
        // one block of consecutive sequence numbers, and close it with the barrier.
        datagram.Clear();
        int from = starts[first].Start;
        int length = starts[end - 1].Start + starts[end - 1].Length - from;
        requests.WrittenSpan.Slice(from, length).CopyTo(datagram.Reserve(length));
        var window = new BatchWindow(ReserveSequences(end - first), end - first);
        for (int i = 0; i < window.Count; i++)
        {
            (int start, _, NlMsgHeader header) = starts[first + i];
            window.Describe(i, header.Type, header.Flags);
            datagram.SetSequence(start - from, window.FirstSequence + (uint)i, _transport.PortId);
        }

        int barrierStart = datagram.BeginMessage(NlMsgType.Noop, NlMsgFlags.Request | NlMsgFlags.Ack);
        datagram.EndMessage(barrierStart);
        var barrier = new PendingRequest(NlMsgType.Noop, NlMsgFlags.Request | NlMsgFlags.Ack, null);
        window.Barrier = barrier;

        Exception? barrierError = null;
        AddWindow(window);
        try
        {
            RegisterAndSend(datagram, barrierStart, barrier);
            await WaitAsync(barrier, deadline).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NetlinkException or TimeoutException or NetlinkDecodeException or OperationCanceledException or ObjectDisposedException)
        {
            barrierError = e;
        }
        finally
        {
            // Everything the kernel sent for this window came before the barrier's ACK.
            RemoveWindow(window);
        }

        if (barrierError is OperationCanceledException or ObjectDisposedException)
        {
            // The caller cancelled or the connection closed: that ends the whole batch.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(barrierError);
        }

        for (int i = 0; i < window.Count; i++)
        {
            results[first + i] = window.Result(i, first + i, barrierError, _options.Describer);
        }

        Interlocked.Add(ref _unmatched, window.LateReplies());
        return window.LargestReply;
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

    /// <summary>
    /// A block of <paramref name="count"/> consecutive sequence numbers, none of them 0 nor in use by
    /// a request still in flight (after the 32-bit counter wraps, a dump left running could hold one).
    /// </summary>
    private uint ReserveSequences(int count)
    {
        while (true)
        {
            uint last = Interlocked.Add(ref _sequence, (uint)count);
            uint first = last - (uint)count + 1;
            if (first != 0 && first <= last && !AnyPendingIn(first, count))
            {
                return first;
            }
        }
    }

    /// <summary>True if a registered request's sequence number lies in [first, first + count).</summary>
    private bool AnyPendingIn(uint first, int count)
    {
        // Enumerating takes no lock (Keys and IsEmpty would take them all).
        foreach (KeyValuePair<uint, PendingRequest> entry in _pending)
        {
            if (entry.Key - first < (uint)count)
            {
                return true;
            }
        }

        return false;
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

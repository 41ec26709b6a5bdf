using System.Runtime.CompilerServices;
using Netlink.Encoding;
using Netlink.Messages;

namespace Netlink;

/// <summary>Streaming dumps: items handed to the consumer as their datagrams arrive, no list built.</summary>
public sealed partial class NetlinkConnection
{
    /// <summary>
    /// Sends the single request in <paramref name="request"/> (usually a dump) when enumeration
    /// starts, and yields what <paramref name="decoder"/> makes of each data reply as the datagrams
    /// arrive, until NLMSG_DONE, the ACK, or the single reply of a plain request. The socket is
    /// read only while the consumer asks for more, so at most one datagram's items wait in memory
    /// however slow the consumer is (unless another caller of this connection is reading the socket
    /// for its own request meanwhile). The request bytes are copied when this method is called:
    /// the caller may reuse or dispose <paramref name="request"/> at once.
    /// </summary>
    /// <remarks>
    /// <para><see cref="NetlinkConnectionOptions.Timeout"/> bounds each wait for the kernel (and the
    /// wait for a dump's turn), not the whole enumeration (a consumer may take as long as it likes
    /// between items). A dump holds the connection's dump turn until its end: other dumps on this
    /// connection wait meanwhile, so a consumer that pauses for long delays them (plain requests are
    /// not held up).</para>
    /// <para>An interrupted dump (NLM_F_DUMP_INTR) is not retried: its items were already handed
    /// out. It ends with <see cref="NetlinkDumpInterruptedException{T}"/> (with an empty partial
    /// result) after the last item.</para>
    /// <para>A consumer that stops early (break, or disposing the enumerator) leaves the rest of the
    /// dump to be read and discarded, so the connection's next request starts clean.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">The writer does not hold exactly one request message.</exception>
    /// <exception cref="NetlinkException">The kernel answered with an error (thrown from MoveNextAsync).</exception>
    /// <exception cref="TimeoutException">A wait for the kernel took longer than the timeout.</exception>
    public IAsyncEnumerable<T> StreamAsync<T>(NetlinkMessageWriter request, NetlinkMessageDecoder<T> decoder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(decoder);
        (int start, NlMsgHeader header) = SingleRequest(request, nameof(request));
        byte[] bytes = request.WrittenSpan.Slice(start, (int)header.Length).ToArray();
        return Stream(bytes, header, decoder, cancellationToken);
    }

    private async IAsyncEnumerable<T> Stream<T>(byte[] requestBytes, NlMsgHeader header, NetlinkMessageDecoder<T> decoder, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var sink = new StreamSink<T>(decoder);
        var pending = new PendingRequest(header.Type, header.Flags, sink.OnMessage, cancellationToken);
        using (NetlinkMessageWriterPool.Lease lease = NetlinkMessageWriterPool.Shared.Rent())
        using (var sendDeadline = new Deadline(_options.Timeout, cancellationToken))
        {
            // A dump waits here for the one ahead of it on this connection (within the timeout).
            requestBytes.CopyTo(lease.Writer.Reserve(requestBytes.Length));
            await SendAsync(lease.Writer, 0, pending, sendDeadline).ConfigureAwait(false);
        }

        bool finished = false;
        try
        {
            while (true)
            {
                while (sink.TryTake(out T? item))
                {
                    yield return item;
                }

                if (pending.Completion.Task.IsCompleted)
                {
                    break;
                }

                using var deadline = new Deadline(_options.Timeout, cancellationToken);
                await WaitForItemsAsync(pending, sink, deadline).ConfigureAwait(false);
            }

            // Items decoded before an error were yielded above; now the outcome.
            NetlinkReplySummary summary = await pending.Completion.Task.ConfigureAwait(false);
            finished = true;
            if (summary.Interrupted)
            {
                throw new NetlinkDumpInterruptedException<T>(Array.Empty<T>(), header.Type, 1, _options.Describer?.GetMessageTypeName(header.Type));
            }
        }
        finally
        {
            if (!finished)
            {
                await AbandonAsync(pending, sink).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Waits until <paramref name="sink"/> holds items or <paramref name="pending"/> is finished,
    /// reading the socket whenever no other caller does. A fired deadline fails the request.
    /// </summary>
    private async Task WaitForItemsAsync<T>(PendingRequest pending, StreamSink<T> sink, Deadline deadline)
    {
        CancellationTokenRegistration registration = default;
        try
        {
            Task completion = pending.Completion.Task;
            while (!completion.IsCompleted && !sink.HasItems)
            {
                if (TryStartPumping(out Task? released))
                {
                    bool over;
                    try
                    {
                        over = await PumpAsync(completion, deadline, sink).ConfigureAwait(false);
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
                    // Another caller is reading: it delivers our items, finishes us, or hands the role on.
                    ArmCancellation(pending, deadline, ref registration);
                    await Task.WhenAny(pending.Completion.Task, released!, sink.ItemsArrived()).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await registration.DisposeAsync().ConfigureAwait(false);
        }

        if (pending.Completion.Task.IsCanceled && deadline.HasExpired)
        {
            throw deadline.TimeoutError($"dump (type {pending.RequestType}, seq {pending.Sequence})");
        }
    }

    /// <summary>
    /// The consumer left before the end: discard the rest of the reply so that it neither lingers
    /// on the socket nor counts as unmatched, within the connection's timeout. If that is not enough
    /// (or the stream had already failed, timed out or been cancelled), the dump stays registered and
    /// the rest is dropped as whoever reads next meets it; the next dump waits for its end. Failures
    /// are the consumer's no longer: they are swallowed.
    /// </summary>
    private async Task AbandonAsync<T>(PendingRequest pending, StreamSink<T> sink)
    {
        sink.Discard();
        try
        {
            if (!pending.Completion.Task.IsCompleted && _disposed == 0)
            {
                using var deadline = new Deadline(_options.Timeout, CancellationToken.None);
                await WaitAsync(pending, deadline).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is NetlinkException or TimeoutException or OperationCanceledException or ObjectDisposedException or NetlinkDecodeException or InvalidOperationException)
        {
            // Nobody is listening for this request's outcome any more.
        }
        finally
        {
            EndWait(pending);
            _ = pending.Completion.Task.Exception; // observed, so it is not reported as unobserved
        }
    }
}

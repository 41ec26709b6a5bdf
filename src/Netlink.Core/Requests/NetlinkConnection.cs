using System.Collections.Concurrent;
using Netlink.Encoding;
using Netlink.Messages;

namespace Netlink;

/// <summary>
/// The request engine: numbers requests, sends them, and routes every reply message to the
/// request with the same sequence number. One background receive loop reads the socket and
/// dispatches in place, so any number of tasks can share a connection. Replies from senders
/// other than the kernel are dropped (<see cref="ForeignDatagramsDropped"/>); replies nobody waits
/// for (late, or foreign sequence numbers) are counted in <see cref="UnmatchedMessages"/>.
/// </summary>
/// <example>
/// <code>
/// using var connection = NetlinkConnection.Open(NetlinkProtocol.Route, netns);
/// using var request = new NetlinkMessageWriter();
/// int start = request.BeginMessage(18 /* RTM_GETLINK */, NlMsgFlags.Request | NlMsgFlags.Dump);
/// request.Reserve(16); // struct ifinfomsg
/// request.EndMessage(start);
/// var summary = await connection.ExecuteAsync(request, message => Console.WriteLine(message.Header));
/// </code>
/// </example>
public sealed class NetlinkConnection : IDisposable, IAsyncDisposable
{
    private readonly INetlinkTransport _transport;
    private readonly NetlinkConnectionOptions _options;
    private readonly ConcurrentDictionary<uint, PendingRequest> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiveLoop;
    private uint _sequence;
    private long _unmatched;
    private long _foreign;
    private volatile Exception? _broken;
    private int _disposed;

    /// <summary>Runs the engine over <paramref name="transport"/>, which the connection then owns.</summary>
    public NetlinkConnection(INetlinkTransport transport, NetlinkConnectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _transport = transport;
        _options = options ?? new NetlinkConnectionOptions();
        if (_options.DumpAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.DumpAttempts, "DumpAttempts must be at least 1");
        }

        // Start from a time-based value, as libmnl does, so restarts do not reuse recent numbers.
        _sequence = (uint)Environment.TickCount;
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>The local port id.</summary>
    public uint PortId => _transport.PortId;

    /// <summary>The socket, when the connection runs over a real one (null over a test transport).</summary>
    public NetlinkSocket? Socket => (_transport as NetlinkSocketTransport)?.Socket;

    /// <summary>The options in force.</summary>
    public NetlinkConnectionOptions Options => _options;

    /// <summary>Reply messages no pending request claimed (late after a timeout, or a foreign sequence number).</summary>
    public long UnmatchedMessages => Interlocked.Read(ref _unmatched);

    /// <summary>Datagrams dropped because the source address was not the kernel.</summary>
    public long ForeignDatagramsDropped => Interlocked.Read(ref _foreign);

    /// <summary>Opens a socket for <paramref name="protocol"/> (in <paramref name="netns"/> if given) and runs a connection over it.</summary>
    public static NetlinkConnection Open(NetlinkProtocol protocol, NetworkNamespace? netns = null, NetlinkConnectionOptions? options = null)
    {
        options ??= new NetlinkConnectionOptions();
        NetlinkSocket socket = NetlinkSocket.Open(protocol, netns);
        try
        {
            if (options.ExtendedAck || options.StrictChecking)
            {
                socket.SetOption(NetlinkSocketOption.ExtAck, true);
            }

            if (options.StrictChecking)
            {
                socket.SetOption(NetlinkSocketOption.GetStrictChk, true);
            }

            if (options.ReceiveBufferSize is { } size)
            {
                socket.SetReceiveBufferSize(size);
            }

            return new NetlinkConnection(new NetlinkSocketTransport(socket), options);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sends the single request in <paramref name="request"/> and hands every data reply to
    /// <paramref name="visitor"/> in place (no copy, no allocation per message). Completes at the
    /// ACK, at NLMSG_DONE of a dump, or at a single non-multipart reply when no ACK was asked for.
    /// The writer's sequence number and port id are overwritten. Interrupted dumps are reported in
    /// the summary, not retried (the visitor has already seen the messages).
    /// </summary>
    /// <exception cref="ArgumentException">The writer does not hold exactly one request message.</exception>
    /// <exception cref="NetlinkException">The kernel answered with an error.</exception>
    /// <exception cref="TimeoutException">No final reply within <see cref="NetlinkConnectionOptions.Timeout"/>.</exception>
    public Task<NetlinkReplySummary> ExecuteAsync(NetlinkMessageWriter request, NetlinkMessageVisitor? visitor, CancellationToken cancellationToken = default) =>
        ExecuteAsync(request, visitor, _options.Timeout, cancellationToken);

    /// <summary>As <see cref="ExecuteAsync(NetlinkMessageWriter, NetlinkMessageVisitor?, CancellationToken)"/> with an explicit timeout.</summary>
    public async Task<NetlinkReplySummary> ExecuteAsync(NetlinkMessageWriter request, NetlinkMessageVisitor? visitor, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        (int start, NlMsgHeader header) = SingleRequest(request, nameof(request));
        var pending = new PendingRequest(header.Type, header.Flags, visitor, _options.Describer);
        using var deadline = new Deadline(timeout, cancellationToken);
        RegisterAndSend(request, [(start, pending)]);
        return await WaitAsync(pending, deadline).ConfigureAwait(false);
    }

    /// <summary>Sends a request that changes something and waits for its ACK (NLM_F_ACK is added).</summary>
    /// <exception cref="NetlinkException">The kernel rejected it; see <see cref="NetlinkException.ExtendedAckMessage"/>.</exception>
    public async Task RequestAsync(NetlinkMessageWriter request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        (int start, _) = SingleRequest(request, nameof(request));
        request.AddFlags(start, NlMsgFlags.Ack);
        await ExecuteAsync(request, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends one request and returns copies of all its data replies (a GET, a request with NLM_F_ECHO…). No retry.</summary>
    /// <exception cref="NetlinkDumpInterruptedException{T}">A dump reply carried NLM_F_DUMP_INTR.</exception>
    public async Task<IReadOnlyList<NetlinkReply>> QueryAsync(NetlinkMessageWriter request, CancellationToken cancellationToken = default)
    {
        var replies = new List<NetlinkReply>();
        NetlinkReplySummary summary = await ExecuteAsync(request, message => replies.Add(NetlinkReply.Copy(message)), cancellationToken).ConfigureAwait(false);
        if (summary.Interrupted)
        {
            throw DumpInterrupted(request, replies, 1);
        }

        return replies;
    }

    /// <summary>
    /// Runs a dump and decodes each message in place with <paramref name="decoder"/>. If the dump
    /// comes back interrupted (NLM_F_DUMP_INTR) it is run again, up to
    /// <see cref="NetlinkConnectionOptions.DumpAttempts"/> times in all.
    /// </summary>
    /// <exception cref="NetlinkDumpInterruptedException{T}">Every attempt was interrupted; carries the last partial result.</exception>
    public async Task<List<T>> DumpAsync<T>(NetlinkMessageWriter request, NetlinkMessageDecoder<T> decoder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        for (int attempt = 1; ; attempt++)
        {
            var items = new List<T>();
            NetlinkReplySummary summary = await ExecuteAsync(
                request,
                message =>
                {
                    if (decoder(message, out T? item))
                    {
                        items.Add(item);
                    }
                },
                cancellationToken).ConfigureAwait(false);
            if (!summary.Interrupted)
            {
                return items;
            }

            if (attempt >= _options.DumpAttempts)
            {
                throw DumpInterrupted(request, items, attempt);
            }
        }
    }

    /// <summary>Runs a dump (retrying interrupted ones) and returns copies of all messages.</summary>
    public Task<List<NetlinkReply>> DumpAsync(NetlinkMessageWriter request, CancellationToken cancellationToken = default) =>
        DumpAsync<NetlinkReply>(request, NetlinkReply.TryCopy, cancellationToken);

    /// <summary>
    /// Sends every request in <paramref name="requests"/> in one datagram and collects a result per
    /// request: one failing does not lose the others' results. NLM_F_ACK is added to every
    /// request, so each ends with an ACK or an error. Batch plain requests, not dumps (the kernel
    /// runs one dump per socket at a time and answers a second with EBUSY).
    /// </summary>
    /// <exception cref="ArgumentException">The writer holds no message, or one without NLM_F_REQUEST.</exception>
    public async Task<IReadOnlyList<NetlinkBatchResult>> ExecuteBatchAsync(NetlinkMessageWriter requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var starts = new List<(int Start, NlMsgHeader Header)>();
        foreach (NetlinkMessage message in new NetlinkMessageEnumerator(requests.WrittenSpan))
        {
            CheckRequestFlags(message.Header, nameof(requests));
            starts.Add((message.Offset, message.Header));
        }

        if (starts.Count == 0)
        {
            throw new ArgumentException("the batch holds no message", nameof(requests));
        }

        var entries = new (int Start, PendingRequest Pending)[starts.Count];
        var replies = new List<NetlinkReply>[starts.Count];
        for (int i = 0; i < starts.Count; i++)
        {
            requests.AddFlags(starts[i].Start, NlMsgFlags.Ack);
            List<NetlinkReply> collected = replies[i] = [];
            entries[i] = (starts[i].Start, new PendingRequest(starts[i].Header.Type, starts[i].Header.Flags | NlMsgFlags.Ack, message => collected.Add(NetlinkReply.Copy(message)), _options.Describer));
        }

        using var deadline = new Deadline(_options.Timeout, cancellationToken);
        RegisterAndSend(requests, entries);
        var results = new NetlinkBatchResult[entries.Length];
        for (int i = 0; i < entries.Length; i++)
        {
            PendingRequest pending = entries[i].Pending;
            Exception? error = null;
            try
            {
                await WaitAsync(pending, deadline).ConfigureAwait(false);
            }
            catch (Exception e) when (e is NetlinkException or TimeoutException or NetlinkDecodeException)
            {
                error = e;
            }

            results[i] = new NetlinkBatchResult(i, pending.RequestType, pending.Sequence, replies[i], error);
        }

        return results;
    }

    /// <summary>Stops the receive loop, closes the transport and fails every pending request with <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stop.Cancel();
        _transport.Dispose();
        FailAll(new ObjectDisposedException(nameof(NetlinkConnection)));
    }

    /// <summary>Disposes and waits for the receive loop to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        Dispose();
        await _receiveLoop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private static (int Start, NlMsgHeader Header) SingleRequest(NetlinkMessageWriter request, string parameterName)
    {
        var messages = new NetlinkMessageEnumerator(request.WrittenSpan);
        if (!messages.MoveNext())
        {
            throw new ArgumentException("the writer holds no message", parameterName);
        }

        NetlinkMessage first = messages.Current;
        if (messages.MoveNext())
        {
            throw new ArgumentException("the writer holds more than one message; use ExecuteBatchAsync for several", parameterName);
        }

        CheckRequestFlags(first.Header, parameterName);
        return (first.Offset, first.Header);
    }

    private static void CheckRequestFlags(NlMsgHeader header, string parameterName)
    {
        if ((header.Flags & NlMsgFlags.Request) == 0)
        {
            throw new ArgumentException($"message type {header.Type} lacks NLM_F_REQUEST; the kernel would ignore it", parameterName);
        }

        if (header.Type < NlMsgType.MinType)
        {
            throw new ArgumentException($"message type {header.Type} is a control type, not a request", parameterName);
        }
    }

    private void RegisterAndSend(NetlinkMessageWriter request, ReadOnlySpan<(int Start, PendingRequest Pending)> entries)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_broken is { } broken)
        {
            throw new InvalidOperationException("the connection's receive loop has stopped", broken);
        }

        // Register before sending so a fast reply always finds its waiter.
        foreach ((int start, PendingRequest pending) in entries)
        {
            uint sequence;
            do
            {
                sequence = Interlocked.Increment(ref _sequence);
            }
            while (sequence == 0 || !_pending.TryAdd(sequence, pending));

            pending.Sequence = sequence;
            request.SetSequence(start, sequence, _transport.PortId);
        }

        try
        {
            _transport.Send(request.WrittenSpan);
        }
        catch
        {
            foreach ((_, PendingRequest pending) in entries)
            {
                _pending.TryRemove(new KeyValuePair<uint, PendingRequest>(pending.Sequence, pending));
            }

            throw;
        }
    }

    private async Task<NetlinkReplySummary> WaitAsync(PendingRequest pending, Deadline deadline)
    {
        CancellationTokenRegistration registration = deadline.Token.Register(
            static state => ((PendingRequest)state!).Completion.TrySetCanceled(),
            pending);
        try
        {
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

    private async Task ReceiveLoopAsync()
    {
        Exception stopReason = new ObjectDisposedException(nameof(NetlinkConnection));
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                NetlinkDatagram datagram;
                try
                {
                    datagram = await _transport.ReceiveAsync(_stop.Token).ConfigureAwait(false);
                }
                catch (NetlinkException e)
                {
                    // ENOBUFS (replies lost), truncation or another socket error: no waiter can
                    // know whether its reply survived, so all of them learn it. New requests go on.
                    FailAll(e);
                    continue;
                }

                if (!datagram.IsFromKernel)
                {
                    Interlocked.Increment(ref _foreign);
                    continue;
                }

                Dispatch(datagram.Data.Span);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException && _disposed != 0)
        {
            // Normal shutdown.
        }
        catch (Exception e)
        {
            stopReason = e;
            _broken = e;
        }
        finally
        {
            FailAll(stopReason);
        }
    }

    private void Dispatch(ReadOnlySpan<byte> datagram)
    {
        try
        {
            foreach (NetlinkMessage message in new NetlinkMessageEnumerator(datagram))
            {
                uint sequence = message.Header.Sequence;
                if (!_pending.TryGetValue(sequence, out PendingRequest? pending))
                {
                    Interlocked.Increment(ref _unmatched);
                    continue;
                }

                if (pending.OnMessage(message))
                {
                    _pending.TryRemove(new KeyValuePair<uint, PendingRequest>(sequence, pending));
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

    private NetlinkDumpInterruptedException<T> DumpInterrupted<T>(NetlinkMessageWriter request, IReadOnlyList<T> partial, int attempts)
    {
        ushort type = NlMsgHeader.Read(request.WrittenSpan).Type;
        return new NetlinkDumpInterruptedException<T>(partial, type, attempts, _options.Describer?.GetMessageTypeName(type));
    }
}

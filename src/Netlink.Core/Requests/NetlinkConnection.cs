using System.Collections.Concurrent;
using Netlink.Encoding;
using Netlink.Messages;

namespace Netlink;

/// <summary>
/// The request engine: numbers requests, sends them, and routes every reply message to the
/// request with the same sequence number, so any number of tasks can share a connection.
/// There is no background thread: a waiting caller reads the socket itself ("pumps") and
/// dispatches every reply it finds to whichever request owns it; one caller pumps at a time and
/// hands the role on when its own request is done. Since the kernel answers most requests inside
/// the sendmsg call, a lone caller finds its reply already queued and completes on its own thread
/// without a context switch. Replies from senders other than the kernel are dropped
/// (<see cref="ForeignDatagramsDropped"/>); replies nobody waits for (late, or foreign sequence
/// numbers) are counted in <see cref="UnmatchedMessages"/> when the next request reads past them,
/// and the rest of a dump whose caller left early in <see cref="DiscardedMessages"/>.
/// </summary>
/// <remarks>
/// <para>Dumps take turns: the kernel runs one dump per socket, so a dump is sent once the one
/// before it has ended (its NLMSG_DONE read), and with nobody reading the socket at that moment
/// (the kernel would otherwise let a concurrent read reorder the new dump's datagrams). Concurrent
/// dumps never see EBUSY; plain requests go out at once, whatever dump is running.</para>
/// <para>One deadline per call (<see cref="NetlinkConnectionOptions.Timeout"/> and the caller's
/// token) covers waiting for a dump's turn, sending, and every reply; it is checked before each
/// datagram is read, so replies that keep coming do not keep a caller past it, and a visitor that
/// cancels the token sees no further message.</para>
/// </remarks>
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
public sealed partial class NetlinkConnection : IDisposable, IAsyncDisposable
{
    private readonly INetlinkTransport _transport;
    private readonly NetlinkConnectionOptions _options;
    private readonly ConcurrentDictionary<uint, PendingRequest> _pending = new();
    private readonly int _batchWindow;
    private readonly int _receiveBufferBytes;
    private readonly SemaphoreSlim _batchGate = new(1, 1);
    private uint _sequence;
    private long _unmatched;
    private long _discarded;
    private long _overruns;
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

        if (_options.BatchWindow is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.BatchWindow, "BatchWindow must be at least 1");
        }

        _receiveBufferBytes = ReceiveBufferBytes(transport);
        _batchWindow = _options.BatchWindow ?? Math.Clamp(_receiveBufferBytes / ReceiveBufferPerReply, 8, 1024);

        // Start from a time-based value, as libmnl does, so restarts do not reuse recent numbers.
        _sequence = (uint)Environment.TickCount;
    }

    /// <summary>The local port id.</summary>
    public uint PortId => _transport.PortId;

    /// <summary>The socket, when the connection runs over a real one (null over a test transport).</summary>
    public NetlinkSocket? Socket => (_transport as NetlinkSocketTransport)?.Socket;

    /// <summary>The options in force.</summary>
    public NetlinkConnectionOptions Options => _options;

    /// <summary>Reply messages no pending request claimed (late after a timeout, or a foreign sequence number).</summary>
    public long UnmatchedMessages => Interlocked.Read(ref _unmatched);

    /// <summary>
    /// Reply messages read and dropped because their request had already ended on the caller's side:
    /// the rest of a dump that was cancelled, timed out, failed in its visitor or left early by a
    /// stream's consumer. The kernel still sends them; reading them keeps the socket clean.
    /// </summary>
    public long DiscardedMessages => Interlocked.Read(ref _discarded);

    /// <summary>
    /// Times the socket reported ENOBUFS (its receive queue overflowed and the kernel dropped
    /// replies). The requests whose replies may have been among them fail with
    /// <see cref="NetlinkOverrunException"/> ("replies were lost"); when none was in flight it is
    /// only counted here and later requests are not affected.
    /// </summary>
    public long OverrunCount => Interlocked.Read(ref _overruns);

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
    /// ACK, at NLMSG_DONE of a dump (NLM_F_DUMP set; whatever NLM_F_MULTI says on its data), or at
    /// a single non-multipart reply to any other request when no ACK was asked for.
    /// The writer's sequence number and port id are overwritten. Interrupted dumps are reported in
    /// the summary, not retried (the visitor has already seen the messages). A dump waits for the
    /// one before it on this connection to end (see the class remarks); cancelling (also from inside
    /// the visitor) or the timeout ends the call at once, and the rest of the dump is read and dropped later.
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
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingRequest(header.Type, header.Flags, visitor, cancellationToken);
        using var deadline = new Deadline(timeout, cancellationToken);
        await SendAsync(request, start, pending, deadline).ConfigureAwait(false);
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
    public async Task<IReadOnlyList<T>> DumpAsync<T>(NetlinkMessageWriter request, NetlinkMessageDecoder<T> decoder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        for (int attempt = 1; ; attempt++)
        {
            // Chunked, so a huge dump neither copies its list nor lands on the large-object heap.
            var items = new DumpList<T>();
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
    public Task<IReadOnlyList<NetlinkReply>> DumpAsync(NetlinkMessageWriter request, CancellationToken cancellationToken = default) =>
        DumpAsync<NetlinkReply>(request, NetlinkReply.TryCopy, cancellationToken);

    /// <summary>Closes the transport and fails every pending request with <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _transport.Dispose();
        FailAll(new ObjectDisposedException(nameof(NetlinkConnection)));
    }

    /// <summary>As <see cref="Dispose"/> (nothing runs in the background, so there is nothing to wait for).</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
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

    /// <summary>Numbers the message at <paramref name="start"/> for <paramref name="pending"/>, registers it, and sends the writer's datagram.</summary>
    private void RegisterAndSend(NetlinkMessageWriter request, int start, PendingRequest pending)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_broken is { } broken)
        {
            throw new InvalidOperationException("the connection's transport failed; open a new connection", broken);
        }

        // Register before sending so a fast reply always finds its waiter. A number still in flight
        // (a registered request, or a batch window's block) is skipped, never reused.
        // The number is set before the entry becomes visible to the reader.
        uint sequence;
        do
        {
            sequence = Interlocked.Increment(ref _sequence);
            pending.Sequence = sequence;
        }
        while (sequence == 0 || FindWindow(sequence) is not null || !_pending.TryAdd(sequence, pending));

        request.SetSequence(start, sequence, _transport.PortId);
        try
        {
            _transport.Send(request.WrittenSpan);
        }
        catch
        {
            _pending.TryRemove(new KeyValuePair<uint, PendingRequest>(sequence, pending));
            throw;
        }

        pending.MarkSent();
    }

    private NetlinkDumpInterruptedException<T> DumpInterrupted<T>(NetlinkMessageWriter request, IReadOnlyList<T> partial, int attempts)
    {
        ushort type = NlMsgHeader.Read(request.WrittenSpan).Type;
        return new NetlinkDumpInterruptedException<T>(partial, type, attempts, _options.Describer?.GetMessageTypeName(type));
    }
}

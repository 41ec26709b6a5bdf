using System.Threading.Channels;
using Netlink.Messages;

namespace Netlink.Core.Tests.Fakes;

/// <summary>
/// A scripted kernel behind <see cref="INetlinkTransport"/>: each sent request is handed to the
/// script, whose datagrams are queued as replies; tests may also inject datagrams and errors.
/// </summary>
/// <remarks>
/// With <c>oneDumpAtATime</c> it keeps the kernel's rule that a socket runs one dump at a time: a
/// dump request that arrives before the running dump's last datagram was read is refused with
/// EBUSY, as netlink_dump_start does. It also counts dumps sent while a receive was in progress
/// (<see cref="DumpsSentWhileReading"/>): on a real socket that receive may continue the running
/// dump inside recvmsg and reorder the new dump's datagrams.
/// </remarks>
internal sealed class FakeKernel : INetlinkTransport
{
    private readonly Channel<Func<NetlinkDatagram>> _queue = Channel.CreateUnbounded<Func<NetlinkDatagram>>();
    private readonly Func<NlMsgHeader, byte[], IEnumerable<byte[]>>? _script;
    private readonly bool _oneDumpAtATime;
    private readonly bool _slowDumps;
    private readonly object _sentLock = new();
    private readonly object _enqueueLock = new();
    private readonly List<byte[]> _sentDatagrams = [];
    private int _received;
    private int _receiving;
    private int _dumpsSentWhileReading;
    private long _runningDump = -1;

    /// <param name="script">Gets each request (header, whole message bytes) and returns reply datagrams; null to reply nothing.</param>
    /// <param name="oneDumpAtATime">Refuse a dump with EBUSY while another one's replies are still unread, like the kernel.</param>
    /// <param name="slowDumps">Queue a dump's datagrams one by one from another thread, a millisecond apart, so its reader waits between them.</param>
    public FakeKernel(Func<NlMsgHeader, byte[], IEnumerable<byte[]>>? script = null, bool oneDumpAtATime = false, bool slowDumps = false)
    {
        _script = script;
        _oneDumpAtATime = oneDumpAtATime;
        _slowDumps = slowDumps;
    }

    /// <summary>Dump requests that arrived while a receive call was in progress.</summary>
    public int DumpsSentWhileReading => Volatile.Read(ref _dumpsSentWhileReading);

    /// <summary>Dump requests refused with EBUSY (<c>oneDumpAtATime</c>).</summary>
    public int DumpsRefusedBusy { get; private set; }

    public uint PortId => 4242;

    public bool IsDisposed { get; private set; }

    /// <summary>Datagrams (and injected errors) handed out by <see cref="ReceiveAsync"/> and <see cref="TryReceive"/> so far.</summary>
    public int ReceivedCount => Volatile.Read(ref _received);

    public IReadOnlyList<byte[]> SentDatagrams
    {
        get
        {
            lock (_sentLock)
            {
                return _sentDatagrams.ToList();
            }
        }
    }

    public void Send(ReadOnlySpan<byte> datagram)
    {
        byte[] copy = datagram.ToArray();
        lock (_sentLock)
        {
            _sentDatagrams.Add(copy);
        }

        if (_script is null)
        {
            return;
        }

        var requests = new List<(NlMsgHeader, byte[])>();
        foreach (NetlinkMessage message in new NetlinkMessageEnumerator(copy))
        {
            requests.Add((message.Header, message.Bytes.ToArray()));
        }

        foreach ((NlMsgHeader header, byte[] bytes) in requests)
        {
            // As netlink_rcv_skb does: control messages (a batch barrier) are only acknowledged.
            if (header.Type < NlMsgType.MinType)
            {
                if ((header.Flags & NlMsgFlags.Ack) != 0)
                {
                    Enqueue(Replies.Ack(header, bytes));
                }

                continue;
            }

            bool dump = (header.Flags & NlMsgFlags.Dump) == NlMsgFlags.Dump;
            if (dump && Volatile.Read(ref _receiving) > 0)
            {
                Interlocked.Increment(ref _dumpsSentWhileReading);
            }

            if (dump && _oneDumpAtATime && Interlocked.CompareExchange(ref _runningDump, header.Sequence, -1) != -1)
            {
                DumpsRefusedBusy++;
                Enqueue(Replies.Error(header.Sequence, -16 /* EBUSY */, bytes));
                continue;
            }

            if (dump && _slowDumps)
            {
                byte[][] replies = _script(header, bytes).ToArray();
                _ = Task.Run(async () =>
                {
                    foreach (byte[] reply in replies)
                    {
                        await Task.Delay(1);
                        Enqueue(reply);
                    }
                });
                continue;
            }

            foreach (byte[] reply in _script(header, bytes))
            {
                Enqueue(reply);
            }
        }
    }

    /// <summary>Queues a datagram from <paramref name="senderPortId"/> (0 = kernel).</summary>
    public void Enqueue(byte[] datagram, uint senderPortId = 0)
    {
        lock (_enqueueLock)
        {
            _queue.Writer.TryWrite(() => new NetlinkDatagram(datagram, senderPortId, 0));
        }
    }

    /// <summary>Makes the next receive fail with <paramref name="error"/>.</summary>
    public void EnqueueError(Exception error)
    {
        lock (_enqueueLock)
        {
            _queue.Writer.TryWrite(() => throw error);
        }
    }

    /// <summary>
    /// Queues a receive error followed by <paramref name="datagrams"/>, with no reply to a request
    /// sent meanwhile between them: what a socket reports after an overflow (the error first, then
    /// what was still queued).
    /// </summary>
    public void EnqueueErrorThen(Exception error, params byte[][] datagrams)
    {
        lock (_enqueueLock)
        {
            _queue.Writer.TryWrite(() => throw error);
            foreach (byte[] datagram in datagrams)
            {
                _queue.Writer.TryWrite(() => new NetlinkDatagram(datagram, 0, 0));
            }
        }
    }

    public async ValueTask<NetlinkDatagram> ReceiveAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _receiving);
        try
        {
            Func<NetlinkDatagram> next = await _queue.Reader.ReadAsync(cancellationToken);
            Interlocked.Increment(ref _received);
            return Handed(next());
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(FakeKernel));
        }
        finally
        {
            Interlocked.Decrement(ref _receiving);
        }
    }

    /// <summary>Like a real socket's non-blocking read: what is queued now, else nothing.</summary>
    public bool TryReceive(out NetlinkDatagram datagram)
    {
        if (IsDisposed)
        {
            throw new ObjectDisposedException(nameof(FakeKernel));
        }

        Interlocked.Increment(ref _receiving);
        try
        {
            if (_queue.Reader.TryRead(out Func<NetlinkDatagram>? next))
            {
                Interlocked.Increment(ref _received);
                datagram = Handed(next());
                return true;
            }

            datagram = default;
            return false;
        }
        finally
        {
            Interlocked.Decrement(ref _receiving);
        }
    }

    /// <summary>Notes the end of the running dump when its last datagram is read.</summary>
    private NetlinkDatagram Handed(NetlinkDatagram datagram)
    {
        long running = Interlocked.Read(ref _runningDump);
        if (running >= 0)
        {
            foreach (NetlinkMessage message in new NetlinkMessageEnumerator(datagram.Data.Span))
            {
                if (message.Header.Sequence == running && message.Type is NlMsgType.Done or NlMsgType.Error)
                {
                    Interlocked.Exchange(ref _runningDump, -1);
                }
            }
        }

        return datagram;
    }

    public void Dispose()
    {
        IsDisposed = true;
        _queue.Writer.TryComplete();
    }
}

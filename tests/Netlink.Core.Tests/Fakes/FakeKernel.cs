using System.Threading.Channels;
using Netlink.Messages;

namespace Netlink.Core.Tests.Fakes;

/// <summary>
/// A scripted kernel behind <see cref="INetlinkTransport"/>: each sent request is handed to the
/// script, whose datagrams are queued as replies; tests may also inject datagrams and errors.
/// </summary>
internal sealed class FakeKernel : INetlinkTransport
{
    private readonly Channel<Func<NetlinkDatagram>> _queue = Channel.CreateUnbounded<Func<NetlinkDatagram>>();
    private readonly Func<NlMsgHeader, byte[], IEnumerable<byte[]>>? _script;
    private readonly object _sentLock = new();
    private readonly List<byte[]> _sentDatagrams = [];
    private int _received;

    /// <param name="script">Gets each request (header, whole message bytes) and returns reply datagrams; null to reply nothing.</param>
    public FakeKernel(Func<NlMsgHeader, byte[], IEnumerable<byte[]>>? script = null) => _script = script;

    public uint PortId => 4242;

    public bool IsDisposed { get; private set; }

    /// <summary>Datagrams (and injected errors) handed out by <see cref="ReceiveAsync"/> so far.</summary>
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

            foreach (byte[] reply in _script(header, bytes))
            {
                Enqueue(reply);
            }
        }
    }

    /// <summary>Queues a datagram from <paramref name="senderPortId"/> (0 = kernel).</summary>
    public void Enqueue(byte[] datagram, uint senderPortId = 0) =>
        _queue.Writer.TryWrite(() => new NetlinkDatagram(datagram, senderPortId, 0));

    /// <summary>Makes the next receive fail with <paramref name="error"/>.</summary>
    public void EnqueueError(Exception error) => _queue.Writer.TryWrite(() => throw error);

    public async ValueTask<NetlinkDatagram> ReceiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            Func<NetlinkDatagram> next = await _queue.Reader.ReadAsync(cancellationToken);
            Interlocked.Increment(ref _received);
            return next();
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(FakeKernel));
        }
    }

    public void Dispose()
    {
        IsDisposed = true;
        _queue.Writer.TryComplete();
    }
}

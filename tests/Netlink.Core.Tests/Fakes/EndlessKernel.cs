using Netlink.Messages;

namespace Netlink.Core.Tests.Fakes;

/// <summary>
/// A peer that never stops sending: after a dump request it answers every receive, at once, with
/// another datagram of NLM_F_MULTI data for that request and never sends NLMSG_DONE. A request
/// that is no dump is acknowledged. Nothing is ever "waiting": only a check between datagrams can
/// end a caller's wait.
/// </summary>
internal sealed class EndlessKernel : INetlinkTransport
{
    private readonly object _gate = new();
    private readonly Queue<byte[]> _acks = new();
    private uint _dumpSequence;
    private bool _dumping;
    private uint _marker;
    private long _datagrams;

    public uint PortId => 77;

    public bool IsDisposed { get; private set; }

    /// <summary>Datagrams handed out so far.</summary>
    public long DatagramsSent => Interlocked.Read(ref _datagrams);

    /// <summary>Messages per data datagram.</summary>
    public int MessagesPerDatagram { get; init; } = 10;

    public void Send(ReadOnlySpan<byte> datagram)
    {
        NlMsgHeader header = NlMsgHeader.Read(datagram);
        lock (_gate)
        {
            if ((header.Flags & NlMsgFlags.Dump) == NlMsgFlags.Dump)
            {
                _dumpSequence = header.Sequence;
                _dumping = true;
            }
            else
            {
                _acks.Enqueue(Replies.Error(header.Sequence, 0, datagram.ToArray()));
            }
        }
    }

    public bool TryReceive(out NetlinkDatagram datagram)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        lock (_gate)
        {
            if (_acks.TryDequeue(out byte[]? ack))
            {
                datagram = new NetlinkDatagram(ack, 0, 0);
                return true;
            }

            if (!_dumping)
            {
                datagram = default;
                return false;
            }

            var messages = new byte[MessagesPerDatagram][];
            for (int i = 0; i < messages.Length; i++)
            {
                messages[i] = Replies.Data(0x10, _dumpSequence, NlMsgFlags.Multi, ++_marker);
            }

            Interlocked.Increment(ref _datagrams);
            datagram = new NetlinkDatagram(Replies.Datagram(messages), 0, 0);
            return true;
        }
    }

    public async ValueTask<NetlinkDatagram> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryReceive(out NetlinkDatagram datagram))
            {
                return datagram;
            }

            await Task.Delay(1, cancellationToken);
        }
    }

    public void Dispose() => IsDisposed = true;
}

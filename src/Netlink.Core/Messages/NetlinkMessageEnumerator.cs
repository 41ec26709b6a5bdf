namespace Netlink.Messages;

/// <summary>
/// Walks the messages packed in one received datagram without allocating. A message whose
/// length is shorter than its header or longer than the bytes left is a framing error:
/// <see cref="MoveNext"/> throws <see cref="NetlinkDecodeException"/> rather than guess.
/// </summary>
public ref struct NetlinkMessageEnumerator
{
    private readonly ReadOnlySpan<byte> _datagram;
    private int _next;
    private NetlinkMessage _current;

    /// <summary>Enumerates the messages of <paramref name="datagram"/>.</summary>
    public NetlinkMessageEnumerator(ReadOnlySpan<byte> datagram)
    {
        _datagram = datagram;
        _next = 0;
        _current = default;
    }

    /// <summary>The current message.</summary>
    public readonly NetlinkMessage Current => _current;

    /// <summary>Returns this enumerator (enables <c>foreach</c>).</summary>
    public readonly NetlinkMessageEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next message.</summary>
    /// <exception cref="NetlinkDecodeException">The next message is not framed correctly.</exception>
    public bool MoveNext()
    {
        int remaining = _datagram.Length - _next;
        if (remaining <= 0)
        {
            return false;
        }

        if (remaining < NlMsgHeader.Size)
        {
            throw new NetlinkDecodeException($"{remaining} trailing bytes are too short for a netlink header", _next);
        }

        NlMsgHeader header = NlMsgHeader.Read(_datagram[_next..]);
        if (header.Length < NlMsgHeader.Size || header.Length > remaining)
        {
            throw new NetlinkDecodeException($"message length {header.Length} is outside 16..{remaining}", _next);
        }

        int length = (int)header.Length;
        _current = new NetlinkMessage(header, _datagram.Slice(_next, length), _next);
        _next = Math.Min(_next + Encoding.NlAlign.Align(length), _datagram.Length);
        return true;
    }
}

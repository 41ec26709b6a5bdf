namespace Netlink;

/// <summary>
/// The documented decode error: bytes that cannot be framed as netlink messages or attributes
/// (a length field shorter than its header or longer than the bytes that remain). Decoders
/// throw nothing else for malformed input.
/// </summary>
public sealed class NetlinkDecodeException : Exception
{
    /// <summary>Creates the error with a description and the offset of the bad field.</summary>
    public NetlinkDecodeException(string message, int offset)
        : base($"{message} (at byte offset {offset})")
    {
        Offset = offset;
    }

    /// <summary>Byte offset, within the buffer being decoded, of the field that was wrong.</summary>
    public int Offset { get; }
}

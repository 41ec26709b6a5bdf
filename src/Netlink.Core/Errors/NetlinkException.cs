namespace Netlink;

/// <summary>
/// A netlink or socket call failed with an errno: the kernel answered a request with NLMSG_ERROR
/// (or a failing NLMSG_DONE), or a socket system call failed. Carries the errno (number and name),
/// the extended-ACK details, and which request failed.
/// </summary>
public class NetlinkException : Exception
{
    /// <summary>Creates the error for a failed operation.</summary>
    /// <param name="errno">The positive errno value.</param>
    /// <param name="operation">What failed, e.g. <c>RTM_NEWLINK (type 16, seq 3)</c> or <c>bind</c>.</param>
    /// <param name="extendedAck">Extended-ACK details, if the kernel sent any.</param>
    public NetlinkException(int errno, string operation, NetlinkExtendedAck? extendedAck = null)
        : base(FormatMessage(errno, operation, extendedAck))
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        Errno = errno;
        Operation = operation;
        ExtendedAck = extendedAck;
    }

    /// <summary>The positive errno value (95 for EOPNOTSUPP).</summary>
    public int Errno { get; }

    /// <summary>The errno's symbolic name (<c>EOPNOTSUPP</c>).</summary>
    public string ErrnoName => Netlink.Errno.GetName(Errno);

    /// <summary>What failed, as shown in the message.</summary>
    public string Operation { get; }

    /// <summary>The extended ACK, or null if the kernel sent none.</summary>
    public NetlinkExtendedAck? ExtendedAck { get; }

    /// <summary>The kernel's error text (NLMSGERR_ATTR_MSG), or null.</summary>
    public string? ExtendedAckMessage => ExtendedAck?.Message;

    /// <summary>Offset within the request of the attribute the kernel rejected (NLMSGERR_ATTR_OFFS), or null.</summary>
    public uint? ExtendedAckOffset => ExtendedAck?.Offset;

    /// <summary>The request's message type, when the error answers a request.</summary>
    public ushort? RequestType { get; init; }

    /// <summary>The request's sequence number, when the error answers a request.</summary>
    public uint? RequestSequence { get; init; }

    /// <summary>Creates the error for a request the kernel rejected.</summary>
    /// <param name="errno">The positive errno value.</param>
    /// <param name="requestType">The request's nlmsg_type.</param>
    /// <param name="sequence">The request's sequence number.</param>
    /// <param name="extendedAck">Extended-ACK details, if any.</param>
    /// <param name="describer">Names message types; null shows only the number.</param>
    public static NetlinkException ForRequest(int errno, ushort requestType, uint sequence, NetlinkExtendedAck? extendedAck, INetlinkMessageDescriber? describer = null)
    {
        string? name = describer?.GetMessageTypeName(requestType);
        string operation = name is null ? $"message type {requestType} (seq {sequence})" : $"{name} (type {requestType}, seq {sequence})";
        return errno == Interop.Libc.ENOBUFS
            ? new NetlinkOverrunException(operation) { RequestType = requestType, RequestSequence = sequence }
            : new NetlinkException(errno, operation, extendedAck) { RequestType = requestType, RequestSequence = sequence };
    }

    /// <summary>Creates the error for a failed system call from the calling thread's last P/Invoke errno.</summary>
    internal static NetlinkException FromLastError(string operation) =>
        FromErrno(System.Runtime.InteropServices.Marshal.GetLastPInvokeError(), operation);

    /// <summary>Creates the error for a failed system call.</summary>
    internal static NetlinkException FromErrno(int errno, string operation) =>
        errno == Interop.Libc.ENOBUFS ? new NetlinkOverrunException(operation) : new NetlinkException(errno, operation);

    private static string FormatMessage(int errno, string operation, NetlinkExtendedAck? extendedAck)
    {
        string text = $"{operation} failed: {Netlink.Errno.GetName(errno)} ({errno}) {Netlink.Errno.GetDescription(errno)}";
        string detail = extendedAck?.ToString() ?? string.Empty;
        return detail.Length == 0 ? text : $"{text}: {detail}";
    }
}

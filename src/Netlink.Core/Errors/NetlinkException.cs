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
        : this(errno, operation, extendedAck, requiredCapability: null)
    {
    }

    /// <summary>Creates the error for a failed operation that needs a capability when it failed with EPERM.</summary>
    /// <param name="errno">The positive errno value.</param>
    /// <param name="operation">What failed.</param>
    /// <param name="extendedAck">Extended-ACK details, if the kernel sent any.</param>
    /// <param name="requiredCapability">
    /// The capability the kernel checks for <paramref name="operation"/> (<see cref="Capabilities"/>);
    /// kept, and named in the message, only when <paramref name="errno"/> is EPERM.
    /// </param>
    public NetlinkException(int errno, string operation, NetlinkExtendedAck? extendedAck, string? requiredCapability)
        : base(FormatMessage(errno, operation, extendedAck, PermissionCapability(errno, requiredCapability)))
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        Errno = errno;
        Operation = operation;
        ExtendedAck = extendedAck;
        RequiredCapability = PermissionCapability(errno, requiredCapability);
    }

    /// <summary>The positive errno value (95 for EOPNOTSUPP).</summary>
    public int Errno { get; }

    /// <summary>The errno's symbolic name (<c>EOPNOTSUPP</c>).</summary>
    public string ErrnoName => Netlink.Errno.GetName(Errno);

    /// <summary>What failed, as shown in the message.</summary>
    public string Operation { get; }

    /// <summary>
    /// For EPERM: the capability the operation needs (e.g. <c>CAP_NET_ADMIN</c>), which the caller
    /// (or the opener of the socket) lacks in the namespace's user namespace; otherwise null.
    /// </summary>
    public string? RequiredCapability { get; }

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
        // Every netlink family this library speaks refuses a request for want of CAP_NET_ADMIN with EPERM.
        return errno == Interop.Libc.ENOBUFS
            ? new NetlinkOverrunException(operation) { RequestType = requestType, RequestSequence = sequence }
            : new NetlinkException(errno, operation, extendedAck, Capabilities.NetAdmin) { RequestType = requestType, RequestSequence = sequence };
    }

    /// <summary>Creates the error for a failed system call from the calling thread's last P/Invoke errno.</summary>
    /// <param name="operation">What failed.</param>
    /// <param name="capabilityIfDenied">The capability the call needs, named if it failed with EPERM.</param>
    internal static NetlinkException FromLastError(string operation, string? capabilityIfDenied = null) =>
        FromErrno(System.Runtime.InteropServices.Marshal.GetLastPInvokeError(), operation, capabilityIfDenied);

    /// <summary>Creates the error for a failed system call.</summary>
    /// <param name="errno">The errno.</param>
    /// <param name="operation">What failed.</param>
    /// <param name="capabilityIfDenied">The capability the call needs, named if it failed with EPERM.</param>
    internal static NetlinkException FromErrno(int errno, string operation, string? capabilityIfDenied = null) =>
        errno == Interop.Libc.ENOBUFS ? new NetlinkOverrunException(operation) : new NetlinkException(errno, operation, null, capabilityIfDenied);

    private static string? PermissionCapability(int errno, string? capability) => errno == Interop.Libc.EPERM ? capability : null;

    private static string FormatMessage(int errno, string operation, NetlinkExtendedAck? extendedAck, string? requiredCapability)
    {
        string text = $"{operation} failed: {Netlink.Errno.GetName(errno)} ({errno}) {Netlink.Errno.GetDescription(errno)}";
        if (requiredCapability is not null)
        {
            text += $" (needs {requiredCapability})";
        }

        string detail = extendedAck?.ToString() ?? string.Empty;
        return detail.Length == 0 ? text : $"{text}: {detail}";
    }
}

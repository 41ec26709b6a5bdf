namespace Netlink;

/// <summary>
/// ENOBUFS: the socket's receive queue overflowed and the kernel dropped messages. For a request
/// it means replies may be lost; for an event subscription it means events were lost and state
/// should be re-read (dumped).
/// </summary>
public sealed class NetlinkOverrunException : NetlinkException
{
    /// <summary>Creates the error for <paramref name="operation"/>.</summary>
    public NetlinkOverrunException(string operation)
        : base(Interop.Libc.ENOBUFS, operation)
    {
    }
}

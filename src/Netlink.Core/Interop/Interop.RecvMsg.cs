using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>recvmsg(2): returns bytes received (or the datagram size with MSG_TRUNC) or -1.</summary>
        [LibraryImport(LibraryName, EntryPoint = "recvmsg", SetLastError = true)]
        internal static unsafe partial nint RecvMsg(SafeHandle socket, MsgHdr* message, int flags);
    }
}

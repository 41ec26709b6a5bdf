using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>getsockname(2) with any sockaddr.</summary>
        [LibraryImport(LibraryName, EntryPoint = "getsockname", SetLastError = true)]
        internal static unsafe partial int GetSockName(SafeHandle socket, void* address, uint* addressLength);
    }
}

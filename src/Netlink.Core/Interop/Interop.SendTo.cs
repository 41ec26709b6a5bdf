using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>sendto(2): returns bytes sent or -1.</summary>
        [LibraryImport(LibraryName, EntryPoint = "sendto", SetLastError = true)]
        internal static unsafe partial nint SendTo(SafeHandle socket, void* buffer, nuint length, int flags, void* address, uint addressLength);
    }
}

using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>setsockopt(2).</summary>
        [LibraryImport(LibraryName, EntryPoint = "setsockopt", SetLastError = true)]
        internal static unsafe partial int SetSockOpt(SafeHandle socket, int level, int name, void* value, uint valueLength);
    }
}

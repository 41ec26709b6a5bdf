using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>getsockopt(2).</summary>
        [LibraryImport(LibraryName, EntryPoint = "getsockopt", SetLastError = true)]
        internal static unsafe partial int GetSockOpt(SafeHandle socket, int level, int name, void* value, uint* valueLength);
    }
}

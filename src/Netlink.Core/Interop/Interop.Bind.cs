using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>bind(2) with any sockaddr.</summary>
        [LibraryImport(LibraryName, EntryPoint = "bind", SetLastError = true)]
        internal static unsafe partial int Bind(SafeHandle socket, void* address, uint addressLength);
    }
}

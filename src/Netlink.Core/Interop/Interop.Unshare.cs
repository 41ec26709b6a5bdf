using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>unshare(2): gives the calling thread new namespaces of the kinds in <paramref name="flags"/>.</summary>
        [LibraryImport(LibraryName, EntryPoint = "unshare", SetLastError = true)]
        internal static partial int Unshare(int flags);
    }
}

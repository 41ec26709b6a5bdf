using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>setns(2): moves the calling thread into the namespace behind <paramref name="namespaceFd"/>.</summary>
        [LibraryImport(LibraryName, EntryPoint = "setns", SetLastError = true)]
        internal static partial int SetNs(SafeHandle namespaceFd, int namespaceType);
    }
}

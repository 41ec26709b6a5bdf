using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>
        /// ioctl(2) with a pointer argument (the SIOCGIF* interface requests take a <c>struct ifreq*</c>).
        /// ioctl is variadic in C; with integer and pointer arguments only, the x86-64 and arm64 Linux
        /// variadic conventions equal the fixed ones, so a fixed three-argument import is correct.
        /// On a socket, the kernel answers interface requests in the socket's network namespace.
        /// </summary>
        [LibraryImport(LibraryName, EntryPoint = "ioctl", SetLastError = true)]
        internal static unsafe partial int Ioctl(SafeHandle fd, nuint request, void* argument);
    }
}

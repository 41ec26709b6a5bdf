using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>statx(2): with <see cref="AT_EMPTY_PATH"/> and an empty path, the file behind <paramref name="directoryFd"/> itself.</summary>
        [LibraryImport(LibraryName, EntryPoint = "statx", SetLastError = true)]
        internal static unsafe partial int Statx(SafeHandle directoryFd, [MarshalUsing(typeof(LosslessPathMarshaller))] string path, int flags, uint mask, StatxBuffer* result);

        /// <summary>statx(2) on a path relative to <paramref name="directoryFd"/> (<see cref="AT_FDCWD"/> for the working directory).</summary>
        [LibraryImport(LibraryName, EntryPoint = "statx", SetLastError = true)]
        internal static unsafe partial int Statx(int directoryFd, [MarshalUsing(typeof(LosslessPathMarshaller))] string path, int flags, uint mask, StatxBuffer* result);
    }
}

using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>fstatfs(2): the file system of the file behind <paramref name="fd"/> (also an O_PATH fd).</summary>
        [LibraryImport(LibraryName, EntryPoint = "fstatfs", SetLastError = true)]
        internal static unsafe partial int FStatFs(SafeHandle fd, StatFsBuffer* result);
    }
}

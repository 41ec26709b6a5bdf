using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>mount(2); <paramref name="fileSystemType"/> may be null for bind and propagation changes.</summary>
        [LibraryImport(LibraryName, EntryPoint = "mount", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int Mount(string source, string target, string? fileSystemType, ulong flags, nint data);
    }
}

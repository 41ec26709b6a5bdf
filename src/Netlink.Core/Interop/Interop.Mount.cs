using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>mount(2); <paramref name="fileSystemType"/> may be null for bind and propagation changes.</summary>
        [LibraryImport(LibraryName, EntryPoint = "mount", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int Mount([MarshalUsing(typeof(LosslessPathMarshaller))] string source, [MarshalUsing(typeof(LosslessPathMarshaller))] string target, string? fileSystemType, ulong flags, nint data);
    }
}

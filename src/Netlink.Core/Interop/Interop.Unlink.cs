using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>unlink(2), with the path's exact bytes. EBUSY if it is a mount point in this mount namespace.</summary>
        [LibraryImport(LibraryName, EntryPoint = "unlink", SetLastError = true)]
        internal static partial int Unlink([MarshalUsing(typeof(LosslessPathMarshaller))] string path);
    }
}

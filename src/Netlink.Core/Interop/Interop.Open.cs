using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>open(2): returns a new fd or -1. The path is passed as its exact bytes.</summary>
        [LibraryImport(LibraryName, EntryPoint = "open", SetLastError = true)]
        internal static partial int Open([MarshalUsing(typeof(LosslessPathMarshaller))] string path, int flags, uint mode);
    }
}

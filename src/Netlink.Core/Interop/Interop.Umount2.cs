using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>umount2(2).</summary>
        [LibraryImport(LibraryName, EntryPoint = "umount2", SetLastError = true)]
        internal static partial int Umount2([MarshalUsing(typeof(LosslessPathMarshaller))] string target, int flags);
    }
}

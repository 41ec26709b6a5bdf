/// <summary>
/// Direct libc calls. One file per call, raw errno kept: every import sets
/// <c>SetLastError = true</c> and callers read <see cref="System.Runtime.InteropServices.Marshal.GetLastPInvokeError"/>.
/// </summary>
internal static partial class Interop
{
    /// <summary>The C library; constants and structs live in Interop.Constants.cs and Interop.*Struct files.</summary>
    internal static partial class Libc
    {
        /// <summary>Library name passed to every <c>LibraryImport</c>.</summary>
        internal const string LibraryName = "libc";
    }
}

using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

internal static partial class Interop
{
    /// <summary>
    /// Marshals a path as the exact bytes it stands for (<see cref="Netlink.LosslessUtf8"/>):
    /// the default UTF-8 marshalling would turn an escaped byte into EF BF BD, i.e. another file.
    /// A path that cannot round-trip is an <see cref="ArgumentException"/>, never a guess.
    /// </summary>
    [CustomMarshaller(typeof(string), MarshalMode.ManagedToUnmanagedIn, typeof(LosslessPathMarshaller))]
    internal static unsafe class LosslessPathMarshaller
    {
        public static byte* ConvertToUnmanaged(string? path)
        {
            if (path is null)
            {
                return null;
            }

            int length = Netlink.LosslessUtf8.GetByteCount(path, nameof(path));
            if (path.Contains('\0'))
            {
                throw new ArgumentException("a path must not contain NUL", nameof(path));
            }

            byte* bytes = (byte*)NativeMemory.Alloc((nuint)length + 1);
            Netlink.LosslessUtf8.GetBytes(path, new Span<byte>(bytes, length), nameof(path));
            bytes[length] = 0;
            return bytes;
        }

        public static void Free(byte* bytes) => NativeMemory.Free(bytes);
    }
}

using System.Runtime.InteropServices;

namespace Netlink.Diag;

/// <summary>Socket cookies: sock_diag sends them as two host-order u32 words, low word first.</summary>
internal static class Cookies
{
    /// <summary>The 64-bit cookie in an 8-byte cookie field.</summary>
    public static ulong Read(ReadOnlySpan<byte> field) =>
        MemoryMarshal.Read<uint>(field) | ((ulong)MemoryMarshal.Read<uint>(field[4..]) << 32);
}

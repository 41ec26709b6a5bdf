using System.Runtime.InteropServices;

namespace Netlink.Fuzz;

/// <summary>
/// Folds every value a getter returns into a hash, so the JIT cannot drop a getter call and every
/// byte a reader hands out is actually read (an out-of-bounds span would throw here).
/// </summary>
internal struct Sink
{
    public ulong Hash;

    public void Add<T>(T value)
        where T : unmanaged => Add(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)));

    public void Add(ReadOnlySpan<byte> bytes)
    {
        ulong h = Hash ^ (ulong)bytes.Length;
        foreach (byte b in bytes)
        {
            h = (h ^ b) * 0x100000001B3UL;
        }

        Hash = h;
    }

    public void Add(object? value) => Hash = (Hash * 31) + (ulong)(value?.ToString()?.Length ?? 0);
}

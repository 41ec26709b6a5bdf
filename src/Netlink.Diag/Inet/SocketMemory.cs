namespace Netlink.Diag;

/// <summary>
/// Socket memory counters in bytes (INET_DIAG_SKMEMINFO / UNIX_DIAG_MEMINFO, the <c>skmem:</c> of
/// <c>ss -m</c>). When only INET_DIAG_MEMINFO was sent, the four values it has are filled
/// (rmem_alloc, wmem_queued, fwd_alloc, wmem_alloc) and the rest are 0.
/// </summary>
public sealed record SocketMemory
{
    /// <summary>Receive memory in use (r).</summary>
    public uint ReceiveAllocated { get; init; }

    /// <summary>Receive buffer size (rb).</summary>
    public uint ReceiveBuffer { get; init; }

    /// <summary>Send memory in use (t).</summary>
    public uint SendAllocated { get; init; }

    /// <summary>Send buffer size (tb).</summary>
    public uint SendBuffer { get; init; }

    /// <summary>Memory reserved ahead (f).</summary>
    public uint ForwardAllocated { get; init; }

    /// <summary>Send queue memory (w).</summary>
    public uint SendQueued { get; init; }

    /// <summary>Option memory (o).</summary>
    public uint OptionMemory { get; init; }

    /// <summary>Backlog (bl).</summary>
    public uint Backlog { get; init; }

    /// <summary>Dropped packets (d).</summary>
    public uint Drops { get; init; }

    /// <summary>Reads the u32 array of SKMEMINFO/UNIX_DIAG_MEMINFO (shorter arrays leave the rest 0).</summary>
    internal static SocketMemory FromArray(ReadOnlySpan<byte> payload)
    {
        Span<uint> values = stackalloc uint[9];
        values.Clear();
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(payload[..Math.Min(payload.Length & ~3, 36)]).CopyTo(values);
        return new SocketMemory
        {
            ReceiveAllocated = values[0],
            ReceiveBuffer = values[1],
            SendAllocated = values[2],
            SendBuffer = values[3],
            ForwardAllocated = values[4],
            SendQueued = values[5],
            OptionMemory = values[6],
            Backlog = values[7],
            Drops = values[8],
        };
    }
}

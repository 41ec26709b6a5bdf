namespace Netlink.Packet;

/// <summary>
/// Frame counters of a <see cref="PacketSocket"/> (PACKET_STATISTICS), summed in user space so
/// that no count is lost although the kernel resets its counters on every read.
/// </summary>
/// <param name="Received">Frames that passed the socket's filter, whether queued or dropped (the kernel's tp_packets, which includes drops).</param>
/// <param name="Dropped">Of those, frames dropped because the receive queue was full (tp_drops).</param>
public readonly record struct PacketStatistics(ulong Received, ulong Dropped)
{
    /// <summary>Frames that were queued for the application: <see cref="Received"/> minus <see cref="Dropped"/>.</summary>
    public ulong Delivered => Received - Dropped;

    /// <summary>Adds two sets of counters.</summary>
    public static PacketStatistics operator +(PacketStatistics left, PacketStatistics right) =>
        new(left.Received + right.Received, left.Dropped + right.Dropped);

    /// <summary>Subtracts an earlier snapshot from a later one.</summary>
    public static PacketStatistics operator -(PacketStatistics left, PacketStatistics right) =>
        new(left.Received - right.Received, left.Dropped - right.Dropped);

    /// <summary>Adds two sets of counters (the named form of <c>+</c>).</summary>
    public static PacketStatistics Add(PacketStatistics left, PacketStatistics right) => left + right;

    /// <summary>Subtracts <paramref name="right"/> from <paramref name="left"/> (the named form of <c>-</c>).</summary>
    public static PacketStatistics Subtract(PacketStatistics left, PacketStatistics right) => left - right;
}

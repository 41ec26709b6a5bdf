namespace Netlink.Packet;

/// <summary>
/// Well-known EtherType values (host byte order) for <see cref="PacketSocket"/>. An EtherType is at
/// least <see cref="Minimum"/>; smaller values in that header field are IEEE 802.3 frame lengths.
/// </summary>
public static class EtherTypes
{
    /// <summary>ETH_P_ALL: every protocol. Not a real EtherType; only valid for binding (capturing).</summary>
    public const ushort All = 0x0003;

    /// <summary>The smallest value that is an EtherType and not an 802.3 length (0x0600).</summary>
    public const ushort Minimum = 0x0600;

    /// <summary>IPv4 (0x0800).</summary>
    public const ushort IPv4 = 0x0800;

    /// <summary>ARP (0x0806).</summary>
    public const ushort Arp = 0x0806;

    /// <summary>IEEE 802.1Q VLAN tag (0x8100).</summary>
    public const ushort Vlan = 0x8100;

    /// <summary>IPv6 (0x86DD).</summary>
    public const ushort IPv6 = 0x86DD;

    /// <summary>IEEE 802.1ad service VLAN tag, QinQ (0x88A8).</summary>
    public const ushort QinQ = 0x88A8;

    /// <summary>IEEE 802 local experimental EtherType 1 (0x88B5), free for private protocols and tests.</summary>
    public const ushort LocalExperimental1 = 0x88B5;

    /// <summary>IEEE 802 local experimental EtherType 2 (0x88B6).</summary>
    public const ushort LocalExperimental2 = 0x88B6;

    /// <summary>Throws unless <paramref name="etherType"/> is a real EtherType (or <see cref="All"/> when allowed).</summary>
    internal static void Validate(ushort etherType, string parameterName, bool allowAll)
    {
        if (etherType == All && allowAll)
        {
            return;
        }

        if (etherType < Minimum)
        {
            string hint = allowAll ? $" (or {nameof(EtherTypes)}.{nameof(All)} = 0x0003 for every protocol)" : string.Empty;
            throw new ArgumentOutOfRangeException(
                parameterName,
                $"0x{etherType:x4}",
                $"an EtherType must be at least 0x{Minimum:x4}{hint}; smaller values are IEEE 802.3 frame lengths");
        }
    }
}

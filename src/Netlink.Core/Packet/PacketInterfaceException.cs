namespace Netlink.Packet;

/// <summary>
/// The interface a <see cref="PacketSocket"/> is bound to (or asked for) cannot be used: it does
/// not exist (ENODEV), or it is down (ENETDOWN). Names the interface and carries the errno.
/// </summary>
public sealed class PacketInterfaceException : NetlinkException
{
    /// <summary>Creates the error.</summary>
    /// <param name="errno">ENODEV (19) or ENETDOWN (100), or another errno an interface request returned.</param>
    /// <param name="operation">What failed, naming the interface, e.g. <c>sendto on interface 'eth0' (index 2)</c>.</param>
    /// <param name="interfaceName">The interface name, if known.</param>
    /// <param name="interfaceIndex">The interface index, or 0 if unknown.</param>
    public PacketInterfaceException(int errno, string operation, string? interfaceName, int interfaceIndex)
        : base(errno, operation)
    {
        InterfaceName = interfaceName;
        InterfaceIndex = interfaceIndex;
    }

    /// <summary>The interface name, or null if only the index was known.</summary>
    public string? InterfaceName { get; }

    /// <summary>The interface index, or 0 if only the name was known.</summary>
    public int InterfaceIndex { get; }

    /// <summary>True if the interface does not exist (ENODEV or ENXIO).</summary>
    public bool IsNotFound => Errno is Interop.Libc.ENODEV or Interop.Libc.ENXIO;

    /// <summary>True if the interface exists but is down (ENETDOWN).</summary>
    public bool IsDown => Errno == Interop.Libc.ENETDOWN;
}

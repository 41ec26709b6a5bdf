namespace Netlink;

/// <summary>
/// The Linux capabilities the kernel checks for the operations this library performs, named in
/// the message of an EPERM <see cref="NetlinkException"/> (<see cref="NetlinkException.RequiredCapability"/>).
/// </summary>
public static class Capabilities
{
    /// <summary>Netlink requests that change configuration, multicast groups reserved to admins, SO_RCVBUFFORCE, the proc connector.</summary>
    public const string NetAdmin = "CAP_NET_ADMIN";

    /// <summary>setns(2) into a network namespace, unshare(2) and mount(2) (creating and deleting named namespaces).</summary>
    public const string SysAdmin = "CAP_SYS_ADMIN";

    /// <summary>AF_PACKET sockets.</summary>
    public const string NetRaw = "CAP_NET_RAW";
}

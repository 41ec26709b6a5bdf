namespace Netlink;

/// <summary>Netlink protocols (the third argument of <c>socket(AF_NETLINK, SOCK_RAW, …)</c>, NETLINK_*).</summary>
public enum NetlinkProtocol
{
    /// <summary>Routing and link configuration (NETLINK_ROUTE).</summary>
    Route = 0,

    /// <summary>User-mode socket protocols (NETLINK_USERSOCK).</summary>
    UserSock = 2,

    /// <summary>Socket monitoring (NETLINK_SOCK_DIAG).</summary>
    SockDiag = 4,

    /// <summary>Netfilter ULOG (NETLINK_NFLOG).</summary>
    NfLog = 5,

    /// <summary>IPsec (NETLINK_XFRM).</summary>
    Xfrm = 6,

    /// <summary>SELinux event notifications (NETLINK_SELINUX).</summary>
    SELinux = 7,

    /// <summary>Open-iSCSI (NETLINK_ISCSI).</summary>
    Iscsi = 8,

    /// <summary>Auditing (NETLINK_AUDIT).</summary>
    Audit = 9,

    /// <summary>FIB lookup (NETLINK_FIB_LOOKUP).</summary>
    FibLookup = 10,

    /// <summary>Kernel connector, e.g. process events (NETLINK_CONNECTOR).</summary>
    Connector = 11,

    /// <summary>Netfilter subsystems (NETLINK_NETFILTER).</summary>
    Netfilter = 12,

    /// <summary>Kernel object events, uevents (NETLINK_KOBJECT_UEVENT).</summary>
    KobjectUevent = 15,

    /// <summary>Generic netlink (NETLINK_GENERIC).</summary>
    Generic = 16,

    /// <summary>SCSI transports (NETLINK_SCSITRANSPORT).</summary>
    ScsiTransport = 18,

    /// <summary>RDMA (NETLINK_RDMA).</summary>
    Rdma = 20,

    /// <summary>Crypto layer (NETLINK_CRYPTO).</summary>
    Crypto = 21,

    /// <summary>SMC monitoring (NETLINK_SMC).</summary>
    Smc = 22,
}

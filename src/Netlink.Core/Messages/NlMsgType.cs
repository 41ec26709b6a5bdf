namespace Netlink.Messages;

/// <summary>Control message types shared by every netlink protocol (NLMSG_*).</summary>
public static class NlMsgType
{
    /// <summary>Nothing; ignore (NLMSG_NOOP).</summary>
    public const ushort Noop = 1;

    /// <summary>Error or acknowledgement (NLMSG_ERROR).</summary>
    public const ushort Error = 2;

    /// <summary>End of a multi-part message (NLMSG_DONE).</summary>
    public const ushort Done = 3;

    /// <summary>Data lost (NLMSG_OVERRUN).</summary>
    public const ushort Overrun = 4;

    /// <summary>Family-specific types start here (NLMSG_MIN_TYPE).</summary>
    public const ushort MinType = 0x10;
}

namespace Netlink;

/// <summary>
/// One item of an event stream: a notification message, or an overrun marker saying the kernel
/// dropped notifications (ENOBUFS) at this point, so cached state must be re-read.
/// </summary>
public sealed class NetlinkEvent
{
    private NetlinkEvent(NetlinkReply? message, uint groups)
    {
        Message = message;
        Groups = groups;
    }

    /// <summary>The shared overrun marker.</summary>
    public static NetlinkEvent Overrun { get; } = new(null, 0);

    /// <summary>True for the overrun marker: events were lost before this point.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(Message))]
    public bool IsOverrun => Message is null;

    /// <summary>The notification, or null for an overrun.</summary>
    public NetlinkReply? Message { get; }

    /// <summary>The multicast group bits of the datagram's source address (nl_groups).</summary>
    public uint Groups { get; }

    /// <summary>Wraps a received notification.</summary>
    public static NetlinkEvent FromMessage(NetlinkReply message, uint groups)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new NetlinkEvent(message, groups);
    }

    /// <inheritdoc/>
    public override string ToString() => IsOverrun ? "overrun (events lost)" : Message.ToString();
}

namespace Netlink.Encoding;

/// <summary>Netlink alignment: messages and attributes are padded to 4 bytes (NLMSG_ALIGN, NLA_ALIGN).</summary>
public static class NlAlign
{
    /// <summary>The alignment of messages and attributes.</summary>
    public const int To = 4;

    /// <summary>Rounds <paramref name="length"/> up to a multiple of 4.</summary>
    public static int Align(int length) => (length + To - 1) & ~(To - 1);
}

using System.Globalization;
using System.Text;
using Netlink.Messages;

namespace Netlink;

/// <summary>
/// Renders nlmsg_flags as the kernel means them, e.g. <c>0x0605 request|ack|excl|create</c> for a
/// NEW request and <c>0x0302 multi|0x300</c> should a reply carry bits replies do not define.
/// Every describer and <c>nlctl decode</c> print flags through here.
/// </summary>
public static class NetlinkFlagNames
{
    private static readonly (ushort Bit, string Name)[] Common =
    [
        (0x01, "request"), (0x02, "multi"), (0x04, "ack"), (0x08, "echo"), (0x10, "dump-intr"), (0x20, "dump-filtered"),
    ];

    private static readonly (ushort Bit, string Name)[] Get = [(0x100, "root"), (0x200, "match"), (0x400, "atomic")];

    private static readonly (ushort Bit, string Name)[] New = [(0x100, "replace"), (0x200, "excl"), (0x400, "create"), (0x800, "append")];

    private static readonly (ushort Bit, string Name)[] Delete = [(0x100, "nonrec"), (0x200, "bulk")];

    private static readonly (ushort Bit, string Name)[] Error = [(0x100, "capped"), (0x200, "ack-tlvs")];

    /// <summary>The kind of a message from its type and flags, given what a request's operation is.</summary>
    /// <param name="type">nlmsg_type.</param>
    /// <param name="flags">nlmsg_flags.</param>
    /// <param name="requestKind">For a request: GetRequest, NewRequest, DeleteRequest, or Request when unknown.</param>
    public static NetlinkMessageKind KindOf(ushort type, NlMsgFlags flags, NetlinkMessageKind requestKind = NetlinkMessageKind.Request) =>
        type == NlMsgType.Error ? NetlinkMessageKind.Error
        : (flags & NlMsgFlags.Request) == 0 ? NetlinkMessageKind.Reply
        : requestKind;

    /// <summary>Renders <paramref name="flags"/>: hex, then the names of the bits set, unnamed bits as one hex rest.</summary>
    public static string Format(NlMsgFlags flags, NetlinkMessageKind kind)
    {
        ushort rest = (ushort)flags;
        var text = new StringBuilder("0x").Append(rest.ToString("x4", CultureInfo.InvariantCulture));
        char separator = ' ';
        Append(Common, ref rest, text, ref separator);
        if (kind == NetlinkMessageKind.GetRequest && (rest & 0x300) == 0x300)
        {
            // NLM_F_DUMP is root|match: name the pair once.
            text.Append(separator).Append("dump");
            separator = '|';
            rest &= unchecked((ushort)~0x300);
        }

        Append(
            kind switch
            {
                NetlinkMessageKind.GetRequest => Get,
                NetlinkMessageKind.NewRequest => New,
                NetlinkMessageKind.DeleteRequest => Delete,
                NetlinkMessageKind.Error => Error,
                _ => [],
            },
            ref rest,
            text,
            ref separator);
        if (rest != 0)
        {
            text.Append(separator).Append("0x").Append(rest.ToString("x", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static void Append((ushort Bit, string Name)[] names, ref ushort rest, StringBuilder text, ref char separator)
    {
        foreach ((ushort bit, string name) in names)
        {
            if ((rest & bit) != 0)
            {
                text.Append(separator).Append(name);
                separator = '|';
                rest &= (ushort)~bit;
            }
        }
    }
}

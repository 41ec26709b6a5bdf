using Netlink.Encoding;
using Netlink.Messages;

namespace Netlink.Codegen;

/// <summary>The generic netlink header (<c>struct genlmsghdr</c>: cmd, version, reserved) that follows nlmsghdr.</summary>
public static class NlGenl
{
    /// <summary>Size of genlmsghdr (GENL_HDRLEN).</summary>
    public const int HeaderSize = 4;

    /// <summary>Starts a message of family <paramref name="familyId"/> with its genlmsghdr; end it with <see cref="NetlinkMessageWriter.EndMessage"/>.</summary>
    /// <returns>The message start.</returns>
    public static int BeginMessage(NetlinkMessageWriter writer, ushort familyId, byte command, NlMsgFlags flags, uint sequence, byte version)
    {
        ArgumentNullException.ThrowIfNull(writer);
        int message = writer.BeginMessage(familyId, flags, sequence);
        Span<byte> header = writer.Reserve(HeaderSize);
        header[0] = command;
        header[1] = version;
        return message;
    }
}

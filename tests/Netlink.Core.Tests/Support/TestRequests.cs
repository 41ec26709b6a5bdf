using Netlink.Encoding;
using Netlink.Messages;

namespace Netlink.Core.Tests.Support;

/// <summary>Request writers for engine tests (the payload content does not matter to a fake kernel).</summary>
internal static class TestRequests
{
    public const ushort GetThing = 0x12;
    public const ushort NewThing = 0x10;

    public static NetlinkMessageWriter One(ushort type, NlMsgFlags flags, uint marker = 7)
    {
        var writer = new NetlinkMessageWriter();
        Append(writer, type, flags, marker);
        return writer;
    }

    public static void Append(NetlinkMessageWriter writer, ushort type, NlMsgFlags flags, uint marker = 7)
    {
        int start = writer.BeginMessage(type, flags);
        writer.WriteStruct(marker);
        writer.WriteU32(1, marker);
        writer.EndMessage(start);
    }

    /// <summary>Reads the 4-byte marker at the start of a fake reply's payload.</summary>
    public static uint Marker(NetlinkMessage message) =>
        message.TryGetFixedHeader(out uint marker) ? marker : throw new InvalidOperationException("no marker");
}

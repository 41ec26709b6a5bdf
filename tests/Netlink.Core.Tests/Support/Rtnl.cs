using System.Runtime.InteropServices;
using Netlink.Encoding;
using Netlink.Messages;

namespace Netlink.Core.Tests.Support;

/// <summary>
/// Just enough hand-built rtnetlink for the core's integration tests (the typed client lives in
/// Netlink.Route): struct ifinfomsg, a few IFLA_* attributes and veth creation.
/// </summary>
internal static class Rtnl
{
    public const ushort NewLink = 16;
    public const ushort DelLink = 17;
    public const ushort GetLink = 18;
    public const ushort IflaIfname = 3;
    public const ushort IflaMtu = 4;
    public const ushort IflaLinkinfo = 18;
    public const ushort IflaInfoKind = 1;
    public const ushort IflaInfoData = 2;
    public const ushort VethInfoPeer = 1;
    public const uint RtnlgrpLink = 1;
    public const uint IffUp = 1;

    /// <summary>struct ifinfomsg (16 bytes).</summary>
    [StructLayout(LayoutKind.Sequential, Size = 16)]
    public struct IfInfoMsg
    {
        public byte Family;
        public byte Pad;
        public ushort Type;
        public int Index;
        public uint Flags;
        public uint Change;
    }

    public sealed record Link(int Index, string Name, uint Flags, uint? Mtu);

    public static void AppendGetLinkDump(NetlinkMessageWriter writer)
    {
        int start = writer.BeginMessage(GetLink, NlMsgFlags.Request | NlMsgFlags.Dump);
        writer.WriteStruct(new IfInfoMsg());
        writer.EndMessage(start);
    }

    public static void AppendGetLink(NetlinkMessageWriter writer, int index, bool ack)
    {
        int start = writer.BeginMessage(GetLink, NlMsgFlags.Request | (ack ? NlMsgFlags.Ack : NlMsgFlags.None));
        writer.WriteStruct(new IfInfoMsg { Index = index });
        writer.EndMessage(start);
    }

    public static void AppendSetUp(NetlinkMessageWriter writer, int index, bool up)
    {
        int start = writer.BeginMessage(NewLink, NlMsgFlags.Request | NlMsgFlags.Ack);
        writer.WriteStruct(new IfInfoMsg { Index = index, Flags = up ? IffUp : 0, Change = IffUp });
        writer.EndMessage(start);
    }

    public static void AppendSetMtu(NetlinkMessageWriter writer, int index, uint mtu)
    {
        int start = writer.BeginMessage(NewLink, NlMsgFlags.Request | NlMsgFlags.Ack);
        writer.WriteStruct(new IfInfoMsg { Index = index });
        writer.WriteU32(IflaMtu, mtu);
        writer.EndMessage(start);
    }

    public static void AppendNewVeth(NetlinkMessageWriter writer, string name, string peer)
    {
        int start = writer.BeginMessage(NewLink, NlMsgFlags.Request | NlMsgFlags.Create | NlMsgFlags.Excl | NlMsgFlags.Ack);
        writer.WriteStruct(new IfInfoMsg());
        writer.WriteString(IflaIfname, name);
        int linkinfo = writer.BeginNested(IflaLinkinfo);
        writer.WriteString(IflaInfoKind, "veth");
        int data = writer.BeginNested(IflaInfoData);
        int peerInfo = writer.BeginNested(VethInfoPeer);
        writer.WriteStruct(new IfInfoMsg());
        writer.WriteString(IflaIfname, peer);
        writer.EndNested(peerInfo);
        writer.EndNested(data);
        writer.EndNested(linkinfo);
        writer.EndMessage(start);
    }

    public static void AppendDelLink(NetlinkMessageWriter writer, string name)
    {
        int start = writer.BeginMessage(DelLink, NlMsgFlags.Request | NlMsgFlags.Ack);
        writer.WriteStruct(new IfInfoMsg());
        writer.WriteString(IflaIfname, name);
        writer.EndMessage(start);
    }

    /// <summary>Decodes an RTM_NEWLINK message in place; false for anything else.</summary>
    public static bool TryParseLink(NetlinkMessage message, out Link link)
    {
        link = null!;
        if (message.Type != NewLink || !message.TryGetFixedHeader(out IfInfoMsg header))
        {
            return false;
        }

        string? name = null;
        uint? mtu = null;
        foreach (NlAttribute attribute in message.GetAttributes(16))
        {
            if (attribute.Type == IflaIfname)
            {
                name = attribute.GetString();
            }
            else if (attribute.Type == IflaMtu && attribute.TryGetU32(out uint value))
            {
                mtu = value;
            }
        }

        link = new Link(header.Index, name ?? string.Empty, header.Flags, mtu);
        return true;
    }

    public static async Task<IReadOnlyList<Link>> ListLinksAsync(NetlinkConnection connection)
    {
        using var request = new NetlinkMessageWriter();
        AppendGetLinkDump(request);
        return await connection.DumpAsync<Link>(request, TryParseLink);
    }

    public static async Task RequestAsync(NetlinkConnection connection, Action<NetlinkMessageWriter> build)
    {
        using var request = new NetlinkMessageWriter();
        build(request);
        await connection.RequestAsync(request);
    }
}

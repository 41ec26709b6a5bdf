using System.Runtime.InteropServices;
using Netlink.Encoding;
using Netlink.Messages;

namespace Netlink.Reliability.Tests.Support;

/// <summary>The few raw rtnetlink requests these tests need (ifinfomsg/ifaddrmsg and a handful of attributes).</summary>
internal static class Rt
{
    public const ushort NewLink = 16;
    public const ushort DelLink = 17;
    public const ushort GetLink = 18;
    public const ushort NewAddr = 20;
    public const ushort DelAddr = 21;
    public const ushort GetAddr = 22;
    public const uint GroupLink = 1;
    public const uint GroupIPv4Addr = 5;

    /// <summary>How many requests/changes/cycles: reduced in CI, full with NETLINK_FULL_LOAD=1.</summary>
    public static bool FullLoad => Environment.GetEnvironmentVariable("NETLINK_FULL_LOAD") == "1";

    public static int Count(int ci, int full) => FullLoad ? full : ci;

    public static void GetLinkRequest(NetlinkMessageWriter w, int index)
    {
        int start = w.BeginMessage(GetLink, NlMsgFlags.Request);
        WriteIfInfo(w, index);
        w.EndMessage(start);
    }

    public static void LinkDump(NetlinkMessageWriter w)
    {
        int start = w.BeginMessage(GetLink, NlMsgFlags.Request | NlMsgFlags.Dump);
        WriteIfInfo(w, 0);
        w.EndMessage(start);
    }

    public static void AddrDump(NetlinkMessageWriter w)
    {
        int start = w.BeginMessage(GetAddr, NlMsgFlags.Request | NlMsgFlags.Dump);
        w.Reserve(8)[0] = 2;
        w.EndMessage(start);
    }

    public static void SetMtu(NetlinkMessageWriter w, int index, uint mtu)
    {
        int start = w.BeginMessage(NewLink, NlMsgFlags.Request | NlMsgFlags.Ack);
        WriteIfInfo(w, index);
        w.WriteU32(4, mtu);
        w.EndMessage(start);
    }

    public static void SetUp(NetlinkMessageWriter w, int index)
    {
        int start = w.BeginMessage(NewLink, NlMsgFlags.Request | NlMsgFlags.Ack);
        Span<byte> ifi = w.Reserve(16);
        MemoryMarshal.Write(ifi[4..], index);
        MemoryMarshal.Write(ifi[8..], 1u);
        MemoryMarshal.Write(ifi[12..], 1u);
        w.EndMessage(start);
    }

    /// <summary>RTM_NEWADDR / RTM_DELADDR of an IPv4 /32 on a link.</summary>
    public static void Address(NetlinkMessageWriter w, bool add, int index, byte[] address)
    {
        int start = w.BeginMessage(add ? NewAddr : DelAddr, NlMsgFlags.Request | NlMsgFlags.Ack | (add ? NlMsgFlags.Create | NlMsgFlags.Excl : NlMsgFlags.None));
        Span<byte> ifa = w.Reserve(8);
        ifa[0] = 2;
        ifa[1] = 32;
        MemoryMarshal.Write(ifa[4..], index);
        w.WriteAttribute(2, address); // IFA_LOCAL
        w.WriteAttribute(1, address); // IFA_ADDRESS
        w.EndMessage(start);
    }

    public static void NewVeth(NetlinkMessageWriter w, string name, string peer)
    {
        int start = w.BeginMessage(NewLink, NlMsgFlags.Request | NlMsgFlags.Create | NlMsgFlags.Excl | NlMsgFlags.Ack);
        WriteIfInfo(w, 0);
        w.WriteString(3, name);
        int info = w.BeginNested(18);
        w.WriteString(1, "veth");
        int data = w.BeginNested(2);
        int peerInfo = w.BeginNested(1);
        WriteIfInfo(w, 0);
        w.WriteString(3, peer);
        w.EndNested(peerInfo);
        w.EndNested(data);
        w.EndNested(info);
        w.EndMessage(start);
    }

    public static void DelLinkByName(NetlinkMessageWriter w, string name)
    {
        int start = w.BeginMessage(DelLink, NlMsgFlags.Request | NlMsgFlags.Ack);
        WriteIfInfo(w, 0);
        w.WriteString(3, name);
        w.EndMessage(start);
    }

    public sealed record Link(int Index, string Name, uint Mtu);

    public static bool TryParseLink(NetlinkMessage message, out Link link)
    {
        link = null!;
        if (message.Type != NewLink || message.Payload.Length < 16)
        {
            return false;
        }

        int index = MemoryMarshal.Read<int>(message.Payload[4..]);
        string name = string.Empty;
        uint mtu = 0;
        foreach (NlAttribute a in message.GetAttributes(16))
        {
            if (a.Type == 3)
            {
                name = a.GetString();
            }
            else if (a.Type == 4)
            {
                a.TryGetU32(out mtu);
            }
        }

        link = new Link(index, name, mtu);
        return true;
    }

    /// <summary>The IPv4 address (IFA_LOCAL) of an RTM_NEWADDR/RTM_DELADDR message.</summary>
    public static bool TryParseAddress(NetlinkMessage message, out (int Index, uint Address) address)
    {
        address = default;
        if (message.Type is not (NewAddr or DelAddr) || message.Payload.Length < 8 || message.Payload[0] != 2)
        {
            return false;
        }

        foreach (NlAttribute a in message.GetAttributes(8))
        {
            if (a.Type == 2 && a.Payload.Length == 4)
            {
                address = (MemoryMarshal.Read<int>(message.Payload[4..]), System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(a.Payload));
                return true;
            }
        }

        return false;
    }

    public static async Task RequestAsync(NetlinkConnection connection, Action<NetlinkMessageWriter> build)
    {
        using var w = new NetlinkMessageWriter();
        build(w);
        await connection.RequestAsync(w);
    }

    public static async Task<IReadOnlyList<Link>> LinksAsync(NetlinkConnection connection)
    {
        using var w = new NetlinkMessageWriter();
        LinkDump(w);
        return await connection.DumpAsync<Link>(w, TryParseLink);
    }

    private static void WriteIfInfo(NetlinkMessageWriter w, int index) => MemoryMarshal.Write(w.Reserve(16)[4..], index);
}

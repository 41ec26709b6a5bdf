using BenchmarkDotNet.Attributes;
using Netlink.Encoding;
using Netlink.Messages;
using Netlink.Route.Generated;

namespace Netlink.Benchmarks;

/// <summary>
/// The generated codecs on their own (no socket): both must allocate 0 bytes per operation.
/// </summary>
[MemoryDiagnoser]
public class CodecBenchmarks
{
    private static readonly byte[] Destination = [198, 18, 0, 0];
    private static readonly byte[] Gateway = [10, 0, 0, 2];
    private static readonly byte[] Source = [10, 0, 0, 1];

    private readonly NetlinkMessageWriter _writer = new();
    private byte[] _linkMessage = [];

    [GlobalSetup]
    public void Setup()
    {
        _linkMessage = BuildBridgeLinkMessage();

        // Guard against measuring a path that silently decodes nothing: 7 + 3 + 1500 + 1500 + 0 + 1.
        if (ReadLinkWithNestedLinkinfo() != 3011 || EncodeNewRouteSixAttributes() != 76)
        {
            throw new InvalidOperationException("the benchmark messages do not decode as built");
        }
    }

    /// <summary>RTM_NEWROUTE with six attributes (dst, gateway, prefsrc, oif, priority, table) into a reused writer.</summary>
    [Benchmark]
    public int EncodeNewRouteSixAttributes()
    {
        _writer.Clear();
        var header = new RtRoute.Rtmsg { RtmFamily = 2, RtmDstLen = 32, RtmTable = 254, RtmProtocol = 4, RtmType = 1 };
        RtRoute.RouteAttrsWriter attributes = RtRoute.BeginNewrouteRequest(_writer, in header, NlMsgFlags.Request | NlMsgFlags.Ack | NlMsgFlags.Create | NlMsgFlags.Excl);
        attributes.WriteDst(Destination);
        attributes.WriteGateway(Gateway);
        attributes.WritePrefsrc(Source);
        attributes.WriteOif(2);
        attributes.WritePriority(100);
        attributes.WriteTable(254);
        attributes.End();
        return _writer.Length;
    }

    /// <summary>Reads a bridge link message: header, name, MTU, then linkinfo -> kind -> bridge data (a sub-message).</summary>
    [Benchmark]
    public long ReadLinkWithNestedLinkinfo()
    {
        long sum = 0;
        if (RtLink.TryReadNewlink(_linkMessage, out RtLink.Ifinfomsg header, out RtLink.LinkAttrsReader link))
        {
            sum += header.IfiIndex;
            if (link.TryGetIfnameBytes(out ReadOnlySpan<byte> name))
            {
                sum += name.Length;
            }

            if (link.TryGetMtu(out uint mtu))
            {
                sum += mtu;
            }

            if (link.TryGetLinkinfo(out RtLink.LinkinfoAttrsReader info)
                && info.TryGetData(out RtLink.LinkinfoDataMsg data)
                && data.TryGetBridge(out RtLink.LinkinfoBridgeAttrsReader bridge))
            {
                if (bridge.TryGetForwardDelay(out uint delay))
                {
                    sum += delay;
                }

                if (bridge.TryGetStpState(out uint stp))
                {
                    sum += stp;
                }

                if (bridge.TryGetVlanFiltering(out byte filtering))
                {
                    sum += filtering;
                }
            }
        }

        return sum;
    }

    private static byte[] BuildBridgeLinkMessage()
    {
        using var writer = new NetlinkMessageWriter();
        var header = new RtLink.Ifinfomsg { IfiIndex = 7, IfiFlags = 0x1003 };
        RtLink.LinkAttrsWriter link = RtLink.BeginNewlinkRequest(writer, in header, NlMsgFlags.Request);
        link.WriteIfname("br0");
        link.WriteMtu(1500);
        link.WriteTxqlen(1000);
        RtLink.LinkinfoAttrsWriter info = link.BeginLinkinfo();
        info.WriteKind("bridge");
        RtLink.LinkinfoBridgeAttrsWriter bridge = info.BeginDataAsBridge();
        bridge.WriteForwardDelay(1500);
        bridge.WriteStpState(0);
        bridge.WriteVlanFiltering(1);
        bridge.End();
        info.End();
        link.End();
        return writer.WrittenSpan.ToArray();
    }
}

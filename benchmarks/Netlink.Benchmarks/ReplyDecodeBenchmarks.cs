using BenchmarkDotNet.Attributes;
using Netlink.Messages;
using Netlink.Route.Generated;

namespace Netlink.Benchmarks;

/// <summary>
/// Reading real kernel replies (the datagrams the fuzz driver captured from dumps, copied next to
/// the benchmark) with the generated readers: every message of the datagram is indexed and its
/// common attributes read. Each must allocate 0 bytes. The describer (annotated dump text) is
/// measured too; it allocates its text by design.
/// </summary>
[MemoryDiagnoser]
public class ReplyDecodeBenchmarks
{
    private byte[] _links = [];
    private byte[] _addresses = [];
    private byte[] _routes = [];
    private byte[] _neighbours = [];
    private byte[] _rules = [];

    [GlobalSetup]
    public void Setup()
    {
        _links = Seed("RtLink.Ifinfomsg.dump.000.bin");
        _addresses = Seed("RtAddr.Ifaddrmsg.dump.000.bin");
        _routes = Seed("RtRoute.Rtmsg.dump.000.bin");
        _neighbours = Seed("RtNeigh.Ndmsg.dump.000.bin");
        _rules = Seed("RtRule.FibRuleHdr.dump4.000.bin");
        if (LinkDatagram() == 0 || AddressDatagram() == 0 || RouteDatagram() == 0 || NeighbourDatagram() == 0 || RuleDatagram() == 0)
        {
            throw new InvalidOperationException("a seed datagram decoded to nothing");
        }
    }

    [Benchmark]
    public long LinkDatagram()
    {
        long sum = 0;
        foreach (NetlinkMessage message in new NetlinkMessageEnumerator(_links))
        {
            if (RtLink.TryReadNewlink(message.Bytes, out RtLink.Ifinfomsg header, out RtLink.LinkAttrsReader link))
            {
                sum += header.IfiIndex;
                sum += link.TryGetIfnameBytes(out ReadOnlySpan<byte> name) ? name.Length : 0;
                sum += link.TryGetMtu(out uint mtu) ? mtu : 0;
                sum += link.TryGetAddressBytes(out ReadOnlySpan<byte> address) ? address.Length : 0;
                sum += link.TryGetStats64(out RtLink.RtnlLinkStats64 stats) ? (long)stats.RxPackets : 0;
                if (link.TryGetLinkinfo(out RtLink.LinkinfoAttrsReader info) && info.TryGetKindBytes(out ReadOnlySpan<byte> kind))
                {
                    sum += kind.Length;
                }
            }
        }

        return sum;
    }

    [Benchmark]
    public long AddressDatagram()
    {
        long sum = 0;
        foreach (NetlinkMessage message in new NetlinkMessageEnumerator(_addresses))
        {
            if (RtAddr.TryReadNewaddr(message.Bytes, out RtAddr.Ifaddrmsg header, out RtAddr.AddrAttrsReader address))
            {
                sum += header.IfaIndex + header.IfaPrefixlen;
                sum += address.TryGetLocalBytes(out ReadOnlySpan<byte> local) ? local[0] : 0;
                sum += address.TryGetAddressBytes(out ReadOnlySpan<byte> peer) ? peer[0] : 0;
                sum += address.TryGetLabelBytes(out ReadOnlySpan<byte> label) ? label.Length : 0;
                sum += address.TryGetCacheinfo(out RtAddr.IfaCacheinfo cache) ? cache.IfaValid : 0;
            }
        }

        return sum;
    }

    [Benchmark]
    public long RouteDatagram()
    {
        long sum = 0;
        foreach (NetlinkMessage message in new NetlinkMessageEnumerator(_routes))
        {
            if (RtRoute.TryReadNewroute(message.Bytes, out RtRoute.Rtmsg header, out RtRoute.RouteAttrsReader route))
            {
                sum += header.RtmDstLen + header.RtmTable;
                sum += route.TryGetDstBytes(out ReadOnlySpan<byte> destination) ? destination[0] : 0;
                sum += route.TryGetGatewayBytes(out ReadOnlySpan<byte> gateway) ? gateway[0] : 0;
                sum += route.TryGetOif(out uint oif) ? oif : 0;
                sum += route.TryGetPriority(out uint priority) ? priority : 0;
                sum += route.TryGetTable(out uint table) ? table : 0;
            }
        }

        return sum;
    }

    [Benchmark]
    public long NeighbourDatagram()
    {
        long sum = 0;
        foreach (NetlinkMessage message in new NetlinkMessageEnumerator(_neighbours))
        {
            if (RtNeigh.TryReadNewneigh(message.Bytes, out RtNeigh.Ndmsg header, out RtNeigh.NeighbourAttrsReader neighbour))
            {
                sum += header.NdmIfindex + header.NdmState;
                sum += neighbour.TryGetDstBytes(out ReadOnlySpan<byte> destination) ? destination.Length : 0;
                sum += neighbour.TryGetLladdrBytes(out ReadOnlySpan<byte> lladdr) ? lladdr.Length : 0;
                sum += neighbour.TryGetProbes(out uint probes) ? probes : 0;
            }
        }

        return sum;
    }

    [Benchmark]
    public long RuleDatagram()
    {
        long sum = 0;
        foreach (NetlinkMessage message in new NetlinkMessageEnumerator(_rules))
        {
            if (RtRule.TryReadNewrule(message.Bytes, out RtRule.FibRuleHdr header, out RtRule.FibRuleAttrsReader rule))
            {
                sum += header.Table + header.Action;
                sum += rule.TryGetPriority(out uint priority) ? priority : 0;
                sum += rule.TryGetTable(out uint table) ? table : 0;
                sum += rule.TryGetFwmark(out uint mark) ? mark : 0;
            }
        }

        return sum;
    }

    [Benchmark]
    public int DescribeLinkDatagram()
    {
        using var output = new StringWriter();
        RtLink.Describe(_links, output);
        return output.GetStringBuilder().Length;
    }

    [Benchmark]
    public int DescribeRouteDatagram()
    {
        using var output = new StringWriter();
        RtRoute.Describe(_routes, output);
        return output.GetStringBuilder().Length;
    }

    private static byte[] Seed(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Seeds", name));
}

using System.Runtime.CompilerServices;
using CsCheck;
using Netlink.Diag.Generated;
using Netlink.Encoding;
using Netlink.Generic.Generated;
using Netlink.Messages;
using Netlink.Route;
using Netlink.Route.Generated;
using Xunit;

namespace Netlink.Reliability.Tests.Properties;

/// <summary>
/// Every fixed header of the rt-*, sock-diag and cn-proc families: random header bytes read by the
/// generated TryRead* come back byte for byte when written with the message writer, the struct is
/// exactly as big as its declared wire size, and the attributes start right after it (aligned).
/// And random bytes never make a generated decoder or describer throw anything but
/// <see cref="NetlinkDecodeException"/>.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class FixedHeaderAndDecoderProperties
{
    private delegate bool Read<T>(ReadOnlySpan<byte> message, out T header, out int attributeBytes);

    private static void Header<T>(int declaredSize, ushort type, Read<T> read)
        where T : unmanaged
    {
        Assert.Equal(declaredSize, Unsafe.SizeOf<T>());
        Gen.Select(Gen.Byte.Array[declaredSize], Gen.Byte.Array[0, 64]).Sample((headerBytes, tail) =>
        {
            using var w = new NetlinkMessageWriter();
            int start = w.BeginMessage(type, NlMsgFlags.Request); // the reader's own message type: readers refuse others
            headerBytes.CopyTo(w.Reserve(declaredSize));
            int attributes = w.Length;
            w.WriteAttribute(1, tail);
            w.EndMessage(start);

            Assert.True(read(w.WrittenSpan, out T header, out int attributeBytes));
            Assert.Equal(w.Length - attributes, attributeBytes);
            using var again = new NetlinkMessageWriter();
            again.WriteStruct(header);
            Assert.True(again.WrittenSpan[..declaredSize].SequenceEqual(headerBytes));
        });
    }

    [Fact] public void Ifinfomsg() => Header<RtLink.Ifinfomsg>(RtLink.Ifinfomsg.Size, RtLink.Messages.NewlinkRequest, (ReadOnlySpan<byte> m, out RtLink.Ifinfomsg h, out int n) => { bool ok = RtLink.TryReadNewlink(m, out h, out var r); n = r.Data.Length; return ok; });
    [Fact] public void Ifaddrmsg() => Header<RtAddr.Ifaddrmsg>(RtAddr.Ifaddrmsg.Size, RtAddr.Messages.NewaddrRequest, (ReadOnlySpan<byte> m, out RtAddr.Ifaddrmsg h, out int n) => { bool ok = RtAddr.TryReadNewaddr(m, out h, out var r); n = r.Data.Length; return ok; });
    [Fact] public void Rtmsg() => Header<RtRoute.Rtmsg>(RtRoute.Rtmsg.Size, RtRoute.Messages.NewrouteRequest, (ReadOnlySpan<byte> m, out RtRoute.Rtmsg h, out int n) => { bool ok = RtRoute.TryReadNewroute(m, out h, out var r); n = r.Data.Length; return ok; });
    [Fact] public void Ndmsg() => Header<RtNeigh.Ndmsg>(RtNeigh.Ndmsg.Size, RtNeigh.Messages.NewneighRequest, (ReadOnlySpan<byte> m, out RtNeigh.Ndmsg h, out int n) => { bool ok = RtNeigh.TryReadNewneigh(m, out h, out var r); n = r.Data.Length; return ok; });
    [Fact] public void FibRuleHdr() => Header<RtRule.FibRuleHdr>(RtRule.FibRuleHdr.Size, RtRule.Messages.NewruleRequest, (ReadOnlySpan<byte> m, out RtRule.FibRuleHdr h, out int n) => { bool ok = RtRule.TryReadNewrule(m, out h, out var r); n = r.Data.Length; return ok; });
    [Fact] public void InetDiagReqV2() => Header<SockDiag.InetDiagReqV2>(SockDiag.InetDiagReqV2.Size, 20, (ReadOnlySpan<byte> m, out SockDiag.InetDiagReqV2 h, out int n) => { bool ok = SockDiag.TryReadInetDiag(m, out h, out var r); n = r.Data.Length; return ok; });
    [Fact] public void InetDiagMsg() => Header<SockDiag.InetDiagMsg>(SockDiag.InetDiagMsg.Size, 20, (ReadOnlySpan<byte> m, out SockDiag.InetDiagMsg h, out int n) => { bool ok = SockDiag.TryReadInetDiagReply(m, out h, out var r); n = r.Data.Length; return ok; });
    [Fact] public void UnixDiagReq() => Header<SockDiag.UnixDiagReq>(SockDiag.UnixDiagReq.Size, 20, (ReadOnlySpan<byte> m, out SockDiag.UnixDiagReq h, out int n) => { bool ok = SockDiag.TryReadUnixDiag(m, out h, out var r); n = r.Data.Length; return ok; });
    [Fact] public void UnixDiagMsg() => Header<SockDiag.UnixDiagMsg>(SockDiag.UnixDiagMsg.Size, 20, (ReadOnlySpan<byte> m, out SockDiag.UnixDiagMsg h, out int n) => { bool ok = SockDiag.TryReadUnixDiagReply(m, out h, out var r); n = r.Data.Length; return ok; });
    [Fact] public void ProcEventMsg() => Header<CnProc.ProcEventMsg>(CnProc.ProcEventMsg.Size, CnProc.Messages.ProcEventNtf, (ReadOnlySpan<byte> m, out CnProc.ProcEventMsg h, out int n) => { bool ok = CnProc.TryReadProcEventNtf(m, out h, out var r); n = r.Data.Length; return ok; });
    [Fact] public void ProcListenMsg() => Header<CnProc.ProcListenMsg>(CnProc.ProcListenMsg.Size, 3, (ReadOnlySpan<byte> m, out CnProc.ProcListenMsg h, out int n) => { bool ok = CnProc.TryReadListen(m, out h, out var r); n = r.Data.Length; return ok; });
    [Fact] public void ProcFilterMsg() => Header<CnProc.ProcFilterMsg>(CnProc.ProcFilterMsg.Size, 3, (ReadOnlySpan<byte> m, out CnProc.ProcFilterMsg h, out int n) => { bool ok = CnProc.TryReadListenFiltered(m, out h, out var r); n = r.Data.Length; return ok; });

    [Fact]
    public void Random_bytes_only_ever_raise_the_documented_decode_error()
    {
        Action<ReadOnlySpan<byte>, TextWriter>[] describers =
        [
            (b, o) => RtLink.Describe(b, o), (b, o) => RtAddr.Describe(b, o), (b, o) => RtRoute.Describe(b, o),
            (b, o) => RtNeigh.Describe(b, o), (b, o) => RtRule.Describe(b, o), (b, o) => SockDiag.Describe(b, o),
            (b, o) => CnProc.Describe(b, o), (b, o) => Nlctrl.Describe(b, o), (b, o) => RouteMessageDescriber.Describe(b, o),
        ];

        // Inputs that start with a plausible header, so the decoders get past framing often.
        Gen<byte[]> framed = Gen.Select(Gen.Byte.Array[0, 300], Gen.UShort[16, 40]).Select((body, type) =>
        {
            byte[] m = new byte[16 + body.Length];
            BitConverter.TryWriteBytes(m, m.Length);
            BitConverter.TryWriteBytes(m.AsSpan(4), type);
            body.CopyTo(m, 16);
            return m;
        });
        Gen.OneOf(Gen.Byte.Array[0, 300], framed).Sample(bytes =>
        {
            foreach (var describe in describers)
            {
                describe(bytes, TextWriter.Null);
            }

            try
            {
                foreach (NetlinkMessage message in new NetlinkMessageEnumerator(bytes))
                {
                    RtLink.TryReadNewlink(message.Bytes, out _, out var link);
                    link.TryGetIfname(out _);
                    link.TryGetStats64(out _);
                    if (link.TryGetLinkinfo(out var info))
                    {
                        info.TryGetKind(out _);
                        info.TryGetData(out _);
                    }

                    RtRoute.TryReadNewroute(message.Bytes, out _, out var route);
                    route.TryGetDstBytes(out _);
                    foreach (NlAttribute a in message.GetAttributes(16))
                    {
                        a.GetNested().MoveNext();
                    }
                }
            }
            catch (NetlinkDecodeException)
            {
            }
        }, iter: 20_000);
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Net;
using Netlink.Encoding;
using Netlink.Messages;
using Netlink.Route.Generated;

namespace Netlink.Route;

/// <summary>Decodes RTM_NEWADDR / RTM_DELADDR messages into <see cref="Address"/> records.</summary>
internal static class AddressDecoder
{
    /// <summary>Decodes an address message (dump reply or notification); false for other types, short headers or a missing address.</summary>
    public static bool TryDecode(NetlinkMessage message, [MaybeNullWhen(false)] out Address address)
    {
        address = null;
        if (message.Type is not (RtAddr.Messages.NewaddrNtf or RtAddr.Messages.DeladdrNtf)
            || message.Bytes.Length < NlMsgHeader.Size + RtAddr.Ifaddrmsg.Size
            || !(message.Type == RtAddr.Messages.DeladdrNtf
                ? RtAddr.TryReadDeladdrNtf(message.Bytes, out RtAddr.Ifaddrmsg header, out RtAddr.AddrAttrsReader attributes)
                : RtAddr.TryReadNewaddrNtf(message.Bytes, out header, out attributes)))
        {
            return false;
        }

        address = Decode(in header, attributes);
        return address is not null;
    }

    /// <summary>Builds the record from a header and its attributes; null without IFA_LOCAL/IFA_ADDRESS.</summary>
    public static Address? Decode(in RtAddr.Ifaddrmsg header, RtAddr.AddrAttrsReader attributes)
    {
        bool hasLocal = attributes.TryGetLocalBytes(out ReadOnlySpan<byte> localBytes);
        bool hasAddress = attributes.TryGetAddressBytes(out ReadOnlySpan<byte> addressBytes);

        // IFA_ADDRESS is the peer only when it differs from IFA_LOCAL (compared before allocating).
        IPAddress? local = hasLocal ? InetAddress.Read(localBytes) : null;
        IPAddress? peer = hasAddress && !(hasLocal && addressBytes.SequenceEqual(localBytes)) ? InetAddress.Read(addressBytes) : null;
        if (local is null)
        {
            (local, peer) = (peer, null);
        }

        if (local is null)
        {
            return null;
        }

        TimeSpan? valid = null;
        TimeSpan? preferred = null;
        if (attributes.TryGetCacheinfo(out RtAddr.IfaCacheinfo cacheinfo))
        {
            valid = cacheinfo.IfaValid == AddressRequests.Infinite ? null : TimeSpan.FromSeconds(cacheinfo.IfaValid);
            preferred = cacheinfo.IfaPrefered == AddressRequests.Infinite ? null : TimeSpan.FromSeconds(cacheinfo.IfaPrefered);
        }

        return new Address
        {
            LinkIndex = (int)header.IfaIndex,
            Family = InetAddress.FromLinux(header.IfaFamily),
            Local = local,
            PrefixLength = header.IfaPrefixlen,
            Peer = peer,
            Broadcast = attributes.TryGetBroadcastAddress(out IPAddress? broadcast) ? broadcast : null,
            Anycast = attributes.TryGetAnycastAddress(out IPAddress? anycast) ? anycast : null,
            Label = attributes.TryGetLabelBytes(out ReadOnlySpan<byte> label) ? Internal.Utf8StringCache.Get(label) : null,
            Scope = (AddressScope)header.IfaScope,
            Flags = attributes.TryGetFlags(out RtAddr.IfaFlags flags) ? (AddressFlags)(uint)flags : (AddressFlags)header.IfaFlags,
            ValidLifetime = valid,
            PreferredLifetime = preferred,
            Metric = attributes.TryGetRtPriority(out uint metric) ? metric : null,
            Protocol = attributes.TryGetProto(out RtAddr.IfaProto protocol) ? (byte)protocol : null,
        };
    }
}

using System.Net;
using System.Net.Sockets;
using Netlink.Encoding;
using Netlink.Messages;
using Netlink.Route.Generated;

namespace Netlink.Route;

/// <summary>Builds address requests into a writer without sending them (sequence 0); each validates first.</summary>
internal static class AddressRequests
{
    /// <summary>0xFFFFFFFF in IFA_CACHEINFO: forever.</summary>
    public const uint Infinite = uint.MaxValue;

    /// <summary>How an add is sent: fail if present, or create-or-replace.</summary>
    public enum Mode
    {
        /// <summary>NLM_F_CREATE|NLM_F_EXCL.</summary>
        Add,

        /// <summary>NLM_F_CREATE|NLM_F_REPLACE.</summary>
        Replace,
    }

    /// <summary>RTM_GETADDR dump; family and link index go in ifaddrmsg (kernel-side filters in strict mode).</summary>
    public static void WriteDump(NetlinkMessageWriter writer, AddressFilter? filter)
    {
        filter ??= new AddressFilter();
        if (filter.LinkIndex is { } index)
        {
            InterfaceName.ValidateIndex(index, nameof(filter.LinkIndex));
        }

        if (filter.Family is not (AddressFamily.Unspecified or AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            throw new ArgumentException($"family {filter.Family} has no addresses here; use InterNetwork, InterNetworkV6 or Unspecified", nameof(filter));
        }

        var header = new RtAddr.Ifaddrmsg
        {
            IfaFamily = InetAddress.ToLinux(filter.Family),
            IfaIndex = (uint)(filter.LinkIndex ?? 0),
        };
        RtAddr.BeginGetaddrDumpRequest(writer, in header).End();
    }

    /// <summary>RTM_NEWADDR (add or replace). <paramref name="linkName"/>, when known, enables the label check.</summary>
    public static void WriteAdd(NetlinkMessageWriter writer, AddressSpec spec, Mode mode, string? linkName)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate(forDelete: false, linkName);
        NlMsgFlags flags = NlMsgFlags.Request | NlMsgFlags.Ack | NlMsgFlags.Create | (mode == Mode.Add ? NlMsgFlags.Excl : NlMsgFlags.Replace);
        uint allFlags = (uint)spec.Flags;
        var header = new RtAddr.Ifaddrmsg
        {
            IfaFamily = InetAddress.FamilyOf(spec.Address),
            IfaPrefixlen = (byte)spec.PrefixLength,
            IfaFlags = (byte)(allFlags & 0xff),
            IfaScope = (byte)(spec.Scope ?? DefaultScope(spec.Address)),
            IfaIndex = (uint)spec.LinkIndex,
        };
        RtAddr.AddrAttrsWriter attributes = RtAddr.BeginNewaddrRequest(writer, in header, flags);
        WriteAddresses(attributes, spec);
        if (spec.Broadcast is { } broadcast)
        {
            attributes.WriteBroadcast(broadcast);
        }

        if (spec.Label is { } label)
        {
            attributes.WriteLabel(label);
        }

        if (allFlags > 0xff)
        {
            attributes.WriteFlags((RtAddr.IfaFlags)allFlags);
        }

        if (spec.ValidLifetime is not null || spec.PreferredLifetime is not null)
        {
            uint valid = ToSeconds(spec.ValidLifetime);
            uint preferred = spec.PreferredLifetime is null ? valid : ToSeconds(spec.PreferredLifetime);
            attributes.WriteCacheinfo(new RtAddr.IfaCacheinfo { IfaValid = valid, IfaPrefered = preferred });
        }

        if (spec.Metric is { } metric)
        {
            attributes.WriteRtPriority(metric);
        }

        attributes.End();
    }

    /// <summary>RTM_DELADDR for the address (and peer) of <paramref name="spec"/>.</summary>
    public static void WriteDelete(NetlinkMessageWriter writer, AddressSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate(forDelete: true, linkName: null);
        var header = new RtAddr.Ifaddrmsg
        {
            IfaFamily = InetAddress.FamilyOf(spec.Address),
            IfaPrefixlen = (byte)spec.PrefixLength,
            IfaScope = spec.Scope is { } scope ? (byte)scope : (byte)0,
            IfaIndex = (uint)spec.LinkIndex,
        };
        RtAddr.AddrAttrsWriter attributes = RtAddr.BeginDeladdrRequest(writer, in header);
        WriteAddresses(attributes, spec);
        attributes.End();
    }

    private static void WriteAddresses(RtAddr.AddrAttrsWriter attributes, AddressSpec spec)
    {
        attributes.WriteLocal(spec.Address);
        attributes.WriteAddress(spec.Peer ?? spec.Address);
    }

    private static AddressScope DefaultScope(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetwork && InetAddress.FirstByte(address) == 127 ? AddressScope.Host : AddressScope.Global;

    private static uint ToSeconds(TimeSpan? time) => time is { } value ? (uint)value.TotalSeconds : Infinite;
}

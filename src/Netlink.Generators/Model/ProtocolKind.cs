namespace Netlink.Generators.Model;

/// <summary>The spec's <c>protocol</c>.</summary>
internal enum ProtocolKind
{
    /// <summary>netlink-raw: message types are the operation values, a fixed header follows nlmsghdr.</summary>
    NetlinkRaw,

    /// <summary>genetlink.</summary>
    Genetlink,

    /// <summary>genetlink-c.</summary>
    GenetlinkC,

    /// <summary>genetlink-legacy.</summary>
    GenetlinkLegacy,
}

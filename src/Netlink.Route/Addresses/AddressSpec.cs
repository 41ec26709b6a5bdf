using System.Net;
using System.Net.Sockets;
using Netlink.Route.Internal;

namespace Netlink.Route;

/// <summary>
/// An address to add, replace or delete on a link. Host bits may be set (10.0.0.1/24); the
/// prefix length is checked against the family before anything is sent.
/// </summary>
/// <example>
/// <code>
/// await client.AddAddressAsync(new AddressSpec(IPAddress.Parse("10.0.0.1"), 24, eth0.Index) { Label = "eth0:web" });
/// await client.AddAddressAsync(AddressSpec.Parse("2001:db8::1/64", eth0.Index) with { Flags = AddressFlags.NoDad });
/// </code>
/// </example>
public sealed record AddressSpec
{
    /// <summary>Creates a spec for <paramref name="address"/>/<paramref name="prefixLength"/> on link <paramref name="linkIndex"/>.</summary>
    public AddressSpec(IPAddress address, int prefixLength, int linkIndex)
    {
        Address = address;
        PrefixLength = prefixLength;
        LinkIndex = linkIndex;
    }

    /// <summary>The address (IFA_LOCAL).</summary>
    public IPAddress Address { get; init; }

    /// <summary>Prefix length: 0-32 for IPv4, 0-128 for IPv6.</summary>
    public int PrefixLength { get; init; }

    /// <summary>The link's index.</summary>
    public int LinkIndex { get; init; }

    /// <summary>Point-to-point peer (IFA_ADDRESS), same family.</summary>
    public IPAddress? Peer { get; init; }

    /// <summary>IPv4 broadcast address (IFA_BROADCAST).</summary>
    public IPAddress? Broadcast { get; init; }

    /// <summary>IPv4 label (IFA_LABEL): must start with the link's name, at most 15 bytes.</summary>
    public string? Label { get; init; }

    /// <summary>Scope; null for global, or host for 127.0.0.0/8 (as iproute2 does).</summary>
    public AddressScope? Scope { get; init; }

    /// <summary>Flags to set: NoDad, NoPrefixRoute, ManageTempAddress, McAutoJoin, HomeAddress, Optimistic.</summary>
    public AddressFlags Flags { get; init; }

    /// <summary>Valid lifetime; null for forever.</summary>
    public TimeSpan? ValidLifetime { get; init; }

    /// <summary>Preferred lifetime (at most the valid one); null for forever (or the valid lifetime when only that is set).</summary>
    public TimeSpan? PreferredLifetime { get; init; }

    /// <summary>Metric of the prefix route (IFA_RT_PRIORITY).</summary>
    public uint? Metric { get; init; }

    /// <summary>The family: InterNetwork or InterNetworkV6.</summary>
    public AddressFamily Family => Address.AddressFamily;

    /// <summary>
    /// Parses "ADDRESS[/LEN]" (host bits allowed; no /LEN means /32 or /128) for link <paramref name="linkIndex"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Not an IPv4/IPv6 prefix, or the length is out of range for the family.</exception>
    public static AddressSpec Parse(string prefix, int linkIndex)
    {
        if (!IPPrefixText.TryParse(prefix, out IPAddress address, out int length, out string? error))
        {
            throw new ArgumentException(error, nameof(prefix));
        }

        return new AddressSpec(address, length, linkIndex);
    }

    /// <summary>Checks everything that can be checked without the kernel; <paramref name="linkName"/> enables the label check.</summary>
    internal void Validate(bool forDelete, string? linkName)
    {
        ArgumentNullException.ThrowIfNull(Address, nameof(Address));
        if (Address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            throw new ArgumentException($"{Address} is not an IPv4 or IPv6 address", nameof(Address));
        }

        int max = IPPrefixText.MaxPrefixLength(Family);
        if (PrefixLength < 0 || PrefixLength > max)
        {
            throw new ArgumentOutOfRangeException(nameof(PrefixLength), PrefixLength, $"an {(max == 32 ? "IPv4" : "IPv6")} prefix length is 0-{max}");
        }

        InterfaceName.ValidateIndex(LinkIndex, nameof(LinkIndex));
        if (Peer is not null && Peer.AddressFamily != Family)
        {
            throw new ArgumentException($"peer {Peer} is not of the same family as {Address}", nameof(Peer));
        }

        if (Broadcast is not null && (Family != AddressFamily.InterNetwork || Broadcast.AddressFamily != AddressFamily.InterNetwork))
        {
            throw new ArgumentException("a broadcast address is IPv4 only, for an IPv4 address", nameof(Broadcast));
        }

        if (Label is not null)
        {
            ValidateLabel(Label, linkName);
        }

        if (forDelete)
        {
            return;
        }

        const AddressFlags settable = AddressFlags.NoDad | AddressFlags.NoPrefixRoute | AddressFlags.ManageTempAddress
            | AddressFlags.McAutoJoin | AddressFlags.HomeAddress | AddressFlags.Optimistic;
        if ((Flags & ~settable) != 0)
        {
            throw new ArgumentException($"flags {Flags & ~settable} are set by the kernel, not by requests", nameof(Flags));
        }

        CheckLifetime(ValidLifetime, nameof(ValidLifetime));
        CheckLifetime(PreferredLifetime, nameof(PreferredLifetime));
        if (PreferredLifetime > (ValidLifetime ?? TimeSpan.MaxValue))
        {
            throw new ArgumentException($"the preferred lifetime ({PreferredLifetime}) exceeds the valid lifetime ({ValidLifetime})", nameof(PreferredLifetime));
        }
    }

    internal static void ValidateLabel(string label, string? linkName)
    {
        // In bytes, as the kernel stores it (LosslessUtf8 also refuses a label that cannot round-trip).
        if (label.Length == 0 || LosslessUtf8.GetByteCount(label, nameof(Label)) > InterfaceName.MaxLength)
        {
            throw new ArgumentException($"label \"{LosslessUtf8.ToPrintable(label)}\" must be 1-{InterfaceName.MaxLength} bytes", nameof(Label));
        }

        if (label.Contains('\0'))
        {
            throw new ArgumentException("a label must not contain NUL", nameof(Label));
        }

        if (linkName is not null && !label.StartsWith(linkName, StringComparison.Ordinal))
        {
            throw new ArgumentException($"label \"{label}\" must start with the link's name \"{linkName}\"", nameof(Label));
        }
    }

    /// <summary>Lifetimes are whole seconds below 0xFFFFFFFF (which means forever).</summary>
    private static void CheckLifetime(TimeSpan? value, string name)
    {
        if (value is { } time && (time < TimeSpan.Zero || time.TotalSeconds >= uint.MaxValue))
        {
            throw new ArgumentOutOfRangeException(name, value, "a lifetime is 0 to 4294967294 seconds (null = forever)");
        }
    }
}

/// <summary>Kernel-side filters for <see cref="RouteClient.ListAddressesAsync"/> (ifa_family / ifa_index in strict mode).</summary>
public sealed record AddressFilter
{
    /// <summary>Only addresses of this link.</summary>
    public int? LinkIndex { get; init; }

    /// <summary>Only this family (InterNetwork or InterNetworkV6); Unspecified for both.</summary>
    public AddressFamily Family { get; init; } = AddressFamily.Unspecified;
}

/// <summary>Called once per address of a dump with the generated header and reader, in place (no allocation).</summary>
public delegate void AddressVisitor(in Generated.RtAddr.Ifaddrmsg header, Generated.RtAddr.AddrAttrsReader attributes);

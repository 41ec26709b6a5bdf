namespace Netlink.Generators.Model;

/// <summary>YNL <c>display-hint</c>: how a value is shown, and which .NET type the typed layer uses.</summary>
internal enum DisplayHint
{
    /// <summary>No hint.</summary>
    None,

    /// <summary>hex.</summary>
    Hex,

    /// <summary>mac.</summary>
    Mac,

    /// <summary>fddi (a hardware address too).</summary>
    Fddi,

    /// <summary>ipv4.</summary>
    Ipv4,

    /// <summary>ipv6.</summary>
    Ipv6,

    /// <summary>ipv4-or-v6.</summary>
    Ipv4OrV6,

    /// <summary>uuid.</summary>
    Uuid,
}

namespace Netlink.Generators.Model;

/// <summary>A multicast group; <see cref="Value"/> is -1 for genetlink (resolved by name at run time).</summary>
internal sealed record McastGroupSpec
{
    /// <summary>The spec name.</summary>
    public required string Name { get; init; }

    /// <summary>The C# name.</summary>
    public required Identifier Cs { get; init; }

    /// <summary>The group number (netlink-raw), or -1.</summary>
    public long Value { get; init; } = -1;
}

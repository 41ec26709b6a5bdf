namespace Netlink.Generators.Model;

/// <summary>One member of a fixed-layout struct, at a known offset.</summary>
internal sealed record StructMemberSpec
{
    /// <summary>The spec name.</summary>
    public required string Name { get; init; }

    /// <summary>The C# name.</summary>
    public required Identifier Cs { get; init; }

    /// <summary>Offset in the struct.</summary>
    public required int Offset { get; init; }

    /// <summary>Size in bytes.</summary>
    public required int Length { get; init; }

    /// <summary>The encoding (scalar, binary, string or pad).</summary>
    public required TypeSpec Type { get; init; }

    /// <summary>The doc text.</summary>
    public string? Doc { get; init; }
}

namespace Netlink.Generators.Model;

/// <summary>
/// A C# name derived from a spec name (by <see cref="Helpers.Naming"/> only): the identifier to
/// emit (keywords escaped, <c>@class</c>) and the bare name to build other names from (<c>class</c>,
/// as in <c>TryGetclass</c>).
/// </summary>
internal sealed record Identifier(string Escaped, string Bare)
{
    /// <summary>The identifier as emitted.</summary>
    public override string ToString() => Escaped;
}

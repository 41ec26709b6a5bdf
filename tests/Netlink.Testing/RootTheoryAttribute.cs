using Xunit;

namespace Netlink.Testing;

/// <summary>A theory that needs root; skipped with a visible reason otherwise (see <see cref="RootFactAttribute"/>).</summary>
public sealed class RootTheoryAttribute : TheoryAttribute
{
    /// <summary>Creates the attribute; sets <see cref="FactAttribute.Skip"/> when not running as root.</summary>
    public RootTheoryAttribute()
    {
        if (!Root.IsRoot)
        {
            Skip = Root.SkipReason;
        }
    }
}

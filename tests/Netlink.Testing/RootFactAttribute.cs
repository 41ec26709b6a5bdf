using Xunit;

namespace Netlink.Testing;

/// <summary>
/// A fact that needs root (CAP_NET_ADMIN, to create network namespaces). Without root it is
/// skipped with a visible reason, never passed silently.
/// </summary>
public sealed class RootFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute; sets <see cref="FactAttribute.Skip"/> when not running as root.</summary>
    public RootFactAttribute()
    {
        if (!Root.IsRoot)
        {
            Skip = Root.SkipReason;
        }
    }
}

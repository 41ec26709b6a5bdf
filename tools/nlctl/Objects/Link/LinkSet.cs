using Netlink.Route;

namespace Nlctl.Objects.Link;

/// <summary>
/// The links a printer may need to name (a parent, a master) besides the one it prints: a full
/// listing, or, for monitor events, just the link at hand with the other names looked up on demand.
/// </summary>
internal sealed class LinkSet
{
    private readonly Dictionary<int, Netlink.Route.Link> _byIndex;
    private readonly Func<int, string?>? _nameOf;

    public LinkSet(IEnumerable<Netlink.Route.Link> links, Func<int, string?>? nameOf = null)
    {
        _byIndex = [];
        foreach (Netlink.Route.Link link in links)
        {
            _byIndex[link.Index] = link;
        }

        _nameOf = nameOf;
    }

    /// <summary>The links in index order.</summary>
    public IEnumerable<Netlink.Route.Link> All => _byIndex.Values;

    /// <summary>The link with <paramref name="index"/>, known or looked up by name only (then assumed up); null if none.</summary>
    public Netlink.Route.Link? Find(int index)
    {
        if (_byIndex.TryGetValue(index, out Netlink.Route.Link? link))
        {
            return link;
        }

        return _nameOf?.Invoke(index) is { } name ? new Netlink.Route.Link { Index = index, Name = name, Flags = LinkFlags.Up } : null;
    }

    /// <summary>The link named <paramref name="name"/>, or null.</summary>
    public Netlink.Route.Link? Named(string name) => _byIndex.Values.FirstOrDefault(l => l.Name == name);
}

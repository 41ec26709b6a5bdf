using Netlink.Reliability.Tests.Support;
using Netlink.Testing;
using Xunit;

namespace Netlink.Reliability.Tests.Faults;

/// <summary>
/// Deleting a namespace (<c>ip netns del</c>: unmount + unlink of /run/netns/NAME) only drops the
/// name. The namespace lives while anything holds it, and an open socket does: it keeps working
/// on the namespace's links until it is closed.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class NamespaceDeletedTests
{
    [RootFact]
    public async Task Socket_keeps_working_after_its_namespace_is_deleted()
    {
        var netns = new TestNamespace();
        await using NetlinkConnection connection = netns.OpenConnection();
        await Rt.RequestAsync(connection, w => Rt.NewVeth(w, "gone0", "gone1"));
        string name = netns.Name;

        netns.Dispose();
        Assert.False(NetworkNamespace.Exists(name));

        // Still the deleted namespace's links (not the host's): lo + the veth pair only.
        IReadOnlyList<Rt.Link> links = await Rt.LinksAsync(connection);
        Assert.Equal(["gone0", "gone1", "lo"], links.Select(l => l.Name).Order());

        // And still writable.
        int index = links.Single(l => l.Name == "gone0").Index;
        await Rt.RequestAsync(connection, w => Rt.SetMtu(w, index, 1400));
        Assert.Equal(1400u, (await Rt.LinksAsync(connection)).Single(l => l.Index == index).Mtu);
    }
}

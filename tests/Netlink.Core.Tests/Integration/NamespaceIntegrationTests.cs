using System.Collections.Concurrent;
using Netlink.Core.Tests.Support;
using Netlink.Testing;
using Xunit;

namespace Netlink.Core.Tests.Integration;

public sealed class NamespaceIntegrationTests : IClassFixture<TestNamespace>
{
    private readonly TestNamespace _a;

    public NamespaceIntegrationTests(TestNamespace a) => _a = a;

    [RootFact]
    public async Task Socket_opened_in_namespace_A_lists_A_links_while_callers_stay_home()
    {
        string home = NetworkNamespace.CurrentThreadId;
        Assert.NotEqual(home, _a.Namespace.Id);
        await using (NetlinkConnection setup = _a.OpenConnection())
        {
            if ((await Rtnl.ListLinksAsync(setup)).All(l => l.Name != "nlta0"))
            {
                await Rtnl.RequestAsync(setup, w => Rtnl.AppendNewVeth(w, "nlta0", "nlta1"));
            }
        }

        // Many thread-pool threads open sockets in A concurrently; none of them may move.
        var threadNamespaces = new ConcurrentBag<string>();
        var linkSets = new ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            await using NetlinkConnection connection = NetlinkConnection.Open(NetlinkProtocol.Route, _a.Namespace);
            threadNamespaces.Add(NetworkNamespace.CurrentThreadId);
            IReadOnlyList<Rtnl.Link> links = await Rtnl.ListLinksAsync(connection);
            linkSets.Add(string.Join(",", links.Select(l => l.Name).Order()));
            threadNamespaces.Add(NetworkNamespace.CurrentThreadId);
        })));

        Assert.Equal(home, NetworkNamespace.CurrentThreadId);
        Assert.All(threadNamespaces, id => Assert.Equal(home, id));
        Assert.All(linkSets, set => Assert.Equal("lo,nlta0,nlta1", set));
    }

    [RootFact]
    public async Task Namespace_can_be_opened_by_name_path_fd_and_pid()
    {
        using NetworkNamespace byName = NetworkNamespace.Open(_a.Name);
        using NetworkNamespace byPath = NetworkNamespace.OpenPath($"/run/netns/{_a.Name}");
        using NetworkNamespace byFd = NetworkNamespace.OpenFileDescriptor((int)_a.Namespace.Handle.DangerousGetHandle());
        using NetworkNamespace byPid = NetworkNamespace.OpenProcess(Environment.ProcessId);

        Assert.Equal(_a.Namespace.Id, byName.Id);
        Assert.Equal(_a.Namespace.Id, byPath.Id);
        Assert.Equal(_a.Namespace.Id, byFd.Id);
        Assert.Equal(NetworkNamespace.CurrentThreadId, byPid.Id);
        Assert.Equal(_a.Name, byName.Name);

        // RunInside really runs inside, on another thread, and the caller stays put.
        string home = NetworkNamespace.CurrentThreadId;
        Assert.Equal(_a.Namespace.Id, byName.RunInside(() => NetworkNamespace.CurrentThreadId));
        Assert.Equal(home, NetworkNamespace.CurrentThreadId);

        await using NetlinkConnection connection = NetlinkConnection.Open(NetlinkProtocol.Route, byPid);
        Assert.NotEmpty(await Rtnl.ListLinksAsync(connection)); // read-only look at the host: lists, changes nothing
    }

    [RootFact]
    public void Create_and_delete_behave_like_ip_netns()
    {
        string name = "nlt-cd-" + Guid.NewGuid().ToString("N")[..8];
        using (NetworkNamespace created = NetworkNamespace.Create(name))
        {
            Assert.True(NetworkNamespace.Exists(name));
            Assert.Equal(17, Assert.Throws<NetlinkException>(() => NetworkNamespace.Create(name)).Errno);
            Assert.NotEqual(NetworkNamespace.CurrentThreadId, created.Id);
        }

        Assert.True(NetworkNamespace.Exists(name)); // Create is persistent until Delete
        NetworkNamespace.Delete(name);
        Assert.False(NetworkNamespace.Exists(name));
        Assert.Equal("ENOENT", Assert.Throws<NetlinkException>(() => NetworkNamespace.Open(name)).ErrnoName);

        string temporary;
        using (NetworkNamespace scratch = NetworkNamespace.CreateTemporary())
        {
            temporary = scratch.Name!;
            Assert.True(NetworkNamespace.Exists(temporary));
        }

        Assert.False(NetworkNamespace.Exists(temporary));
    }

    [RootFact]
    public void Bad_namespace_names_are_rejected_with_the_parameter_name()
    {
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => NetworkNamespace.Open("../etc")).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => NetworkNamespace.Create("")).ParamName);
    }
}

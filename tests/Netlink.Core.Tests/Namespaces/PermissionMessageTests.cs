using Netlink.Core.Tests.Support;
using Netlink.Testing;
using Xunit;

namespace Netlink.Core.Tests.Namespaces;

/// <summary>
/// Refusals for want of a capability say which one. The unprivileged side runs on a thread that
/// dropped every capability (<see cref="WithoutCapabilities"/>), inside a test namespace.
/// </summary>
public sealed class PermissionMessageTests
{
    [RootFact]
    public async Task A_netlink_change_refused_with_EPERM_names_CAP_NET_ADMIN()
    {
        using var netns = new TestNamespace();
        await using NetlinkConnection connection = NetlinkConnection.Open(NetlinkProtocol.Route, netns.Namespace);

        // The kernel checks the sender's capabilities (the request is addressed to the kernel), so
        // the request is made and awaited on a thread that has none.
        var error = WithoutCapabilities.Run(() => Assert.ThrowsAsync<NetlinkException>(() =>
            Rtnl.RequestAsync(connection, writer => Rtnl.AppendNewVeth(writer, "perm0", "perm1"))).GetAwaiter().GetResult());

        Assert.Equal(Errno.EPERM, error.Errno);
        Assert.Equal("CAP_NET_ADMIN", error.RequiredCapability);
        Assert.Contains("EPERM (1) Operation not permitted (needs CAP_NET_ADMIN)", error.Message);

        // The namespace was not changed.
        Assert.Equal(["lo"], (await Rtnl.ListLinksAsync(connection)).Select(l => l.Name));
    }

    [RootFact]
    public void Entering_a_namespace_refused_with_EPERM_names_CAP_SYS_ADMIN()
    {
        using var netns = new TestNamespace();

        var error = Assert.Throws<NetlinkException>(() => WithoutCapabilities.Run(() => netns.Namespace.RunInside(() => 0)));

        Assert.Equal(Errno.EPERM, error.Errno);
        Assert.Equal("CAP_SYS_ADMIN", error.RequiredCapability);
        Assert.Contains("setns(CLONE_NEWNET) failed: EPERM (1) Operation not permitted (needs CAP_SYS_ADMIN)", error.Message);
    }

    [RootFact]
    public void A_forced_receive_buffer_without_CAP_NET_ADMIN_falls_back_to_the_capped_size()
    {
        int granted = WithoutCapabilities.Run(() =>
        {
            using NetlinkSocket socket = NetlinkSocket.Open(NetlinkProtocol.Route);
            socket.SetReceiveBufferSize(64 << 20, force: true);
            return socket.ReceiveBufferSize;
        });

        // SO_RCVBUF: the kernel caps the request at net.core.rmem_max and doubles it.
        int rmemMax = int.Parse(File.ReadAllText("/proc/sys/net/core/rmem_max").Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Math.Min(64 << 20, rmemMax) * 2, granted);
    }

    [Fact]
    public void Only_EPERM_carries_the_capability()
    {
        var denied = new NetlinkException(Errno.EPERM, "RTM_NEWLINK", null, Capabilities.NetAdmin);
        var other = new NetlinkException(Errno.EEXIST, "RTM_NEWLINK", null, Capabilities.NetAdmin);

        Assert.Equal("CAP_NET_ADMIN", denied.RequiredCapability);
        Assert.EndsWith("(needs CAP_NET_ADMIN)", denied.Message);
        Assert.Null(other.RequiredCapability);
        Assert.DoesNotContain("CAP_", other.Message);
    }
}

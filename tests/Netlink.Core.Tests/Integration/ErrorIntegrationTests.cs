using Netlink.Core.Tests.Support;
using Netlink.Encoding;
using Netlink.Messages;
using Netlink.Testing;
using Xunit;

namespace Netlink.Core.Tests.Integration;

public sealed class ErrorIntegrationTests(TestNamespace netns) : IClassFixture<TestNamespace>
{
    [RootFact]
    public async Task Unknown_link_kind_fails_with_kernel_errno_and_extended_ack_text()
    {
        await using NetlinkConnection connection = netns.OpenConnection();
        using var request = new NetlinkMessageWriter();
        int start = request.BeginMessage(Rtnl.NewLink, NlMsgFlags.Request | NlMsgFlags.Create | NlMsgFlags.Excl | NlMsgFlags.Ack);
        request.WriteStruct(new Rtnl.IfInfoMsg());
        int linkinfo = request.BeginNested(Rtnl.IflaLinkinfo);
        request.WriteString(Rtnl.IflaInfoKind, "nosuchkind");
        request.EndNested(linkinfo);
        request.EndMessage(start);

        var error = await Assert.ThrowsAsync<NetlinkException>(() => connection.ExecuteAsync(request, null));

        Assert.Equal(95, error.Errno);
        Assert.Equal("EOPNOTSUPP", error.ErrnoName);
        Assert.Equal("Unknown device type", error.ExtendedAckMessage);
        Assert.Equal(Rtnl.NewLink, error.RequestType);
        Assert.Equal(NlMsgHeader.Read(request.WrittenSpan).Sequence, error.RequestSequence);
        Assert.EndsWith("failed: EOPNOTSUPP (95) Operation not supported: Unknown device type", error.Message);
    }

    [RootFact]
    public async Task Missing_device_fails_with_enodev()
    {
        await using NetlinkConnection connection = netns.OpenConnection();
        using var request = new NetlinkMessageWriter();
        Rtnl.AppendGetLink(request, index: 4242, ack: false);

        var error = await Assert.ThrowsAsync<NetlinkException>(() => connection.QueryAsync(request));

        Assert.Equal("ENODEV", error.ErrnoName);
    }
}

using Netlink.Generic;
using Xunit;

namespace Netlink.Core.Tests.Generic;

/// <summary>Generic netlink name resolution against the real kernel controller (no root needed, nothing changed).</summary>
public sealed class GenericNetlinkTests : IAsyncLifetime
{
    private NetlinkConnection _connection = null!;

    public Task InitializeAsync()
    {
        _connection = NetlinkConnection.Open(NetlinkProtocol.Generic);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    [Fact]
    public async Task Resolves_the_controller_itself_by_name()
    {
        GenericFamily nlctrl = await _connection.ResolveGenericFamilyAsync("nlctrl");

        Assert.Equal("nlctrl", nlctrl.Name);
        Assert.Equal(GenericNetlink.ControllerId, nlctrl.Id);
        Assert.Contains(nlctrl.Operations, op => op.Id == 3); // CTRL_CMD_GETFAMILY
        Assert.Equal(0x10u, nlctrl.GetMulticastGroupId("notify"));
    }

    [Fact]
    public async Task Dump_lists_every_family_with_distinct_ids()
    {
        IReadOnlyList<GenericFamily> families = await _connection.ListGenericFamiliesAsync();

        Assert.Contains(families, f => f.Name == "nlctrl" && f.Id == GenericNetlink.ControllerId);
        Assert.True(families.Count > 1, $"only {families.Count} family listed");
        Assert.Equal(families.Count, families.Select(f => f.Id).Distinct().Count());

        // Every listed family resolves by name to the same id.
        GenericFamily other = families.First(f => f.Name != "nlctrl");
        Assert.Equal(other.Id, (await _connection.ResolveGenericFamilyAsync(other.Name)).Id);
    }

    [Fact]
    public async Task Unknown_family_is_ENOENT_naming_the_family()
    {
        var error = await Assert.ThrowsAsync<NetlinkException>(() => _connection.ResolveGenericFamilyAsync("no-such-family"));

        Assert.Equal(Errno.ENOENT, error.Errno);
        Assert.Contains("no-such-family", error.Message);
    }

    [Fact]
    public async Task Unknown_multicast_group_lists_the_known_ones()
    {
        GenericFamily nlctrl = await _connection.ResolveGenericFamilyAsync("nlctrl");

        var error = Assert.Throws<KeyNotFoundException>(() => nlctrl.GetMulticastGroupId("nosuchgroup"));
        Assert.Contains("notify", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a-name-longer-than-15")]
    public async Task Bad_names_are_rejected_before_sending(string name)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => _connection.ResolveGenericFamilyAsync(name));
        Assert.Equal("name", error.ParamName);
    }
}

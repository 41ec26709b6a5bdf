#if KERNEL_SPECS
using Netlink.Generators.Tests.Kernel;
using Netlink.Testing;
using Xunit;

namespace Netlink.Generators.Tests.Live;

/// <summary>
/// Clients generated from the kernel's own netdev.yaml and nlctrl.yaml, live, in a fresh namespace
/// holding lo and a veth pair: every device and every queue, as sysfs in that namespace has them.
/// </summary>
public sealed class KernelFamilyClientTests : IDisposable
{
    private readonly TestNamespace _ns = new();

    public KernelFamilyClientTests()
    {
        IpTool.Run("ip", "-n", _ns.Name, "link", "add", "v0", "type", "veth", "peer", "name", "v1");

        // The kernel reports the queues of running devices only.
        foreach (string device in new[] { "lo", "v0", "v1" })
        {
            IpTool.Run("ip", "-n", _ns.Name, "link", "set", device, "up");
        }
    }

    public void Dispose() => _ns.Dispose();

    /// <summary>ifindex -> (rx queues, tx queues) as sysfs in the namespace lists them.</summary>
    private Dictionary<int, (int Rx, int Tx)> SysfsQueues()
    {
        string script = "for d in /sys/class/net/*; do echo $(cat $d/ifindex) $(ls -d $d/queues/rx-* 2>/dev/null | wc -l) $(ls -d $d/queues/tx-* 2>/dev/null | wc -l); done";
        return IpTool.Run("ip", "netns", "exec", _ns.Name, "sh", "-c", script)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ').Select(int.Parse).ToArray())
            .ToDictionary(f => f[0], f => (f[1], f[2]));
    }

    [RootFact]
    public async Task NetdevDumpsEveryDeviceAndEveryQueue()
    {
        Dictionary<int, (int Rx, int Tx)> sysfs = SysfsQueues();
        Assert.Equal(3, sysfs.Count);

        await using NetdevClient client = await NetdevClient.OpenAsync(_ns.Namespace);
        var devices = new List<uint>();
        await foreach (Netdev.DevGetReply device in client.DevGetDumpAsync())
        {
            devices.Add(device.Ifindex ?? 0);
        }

        Assert.Equal(sysfs.Keys.Order(), devices.Select(i => (int)i).Order());

        var queues = new List<Netdev.QueueGetReply>();
        await foreach (Netdev.QueueGetReply queue in client.QueueGetDumpAsync())
        {
            queues.Add(queue);
        }

        foreach ((int index, (int rx, int tx)) in sysfs)
        {
            Assert.Equal(rx, queues.Count(q => q.Ifindex == index && q.Type == Netdev.QueueType.Rx));
            Assert.Equal(tx, queues.Count(q => q.Ifindex == index && q.Type == Netdev.QueueType.Tx));
        }

        Assert.Equal(sysfs.Values.Sum(q => q.Rx + q.Tx), queues.Count);
    }

    [RootFact]
    public async Task NetdevDoGetsOneDevice()
    {
        await using NetdevClient client = await NetdevClient.OpenAsync(_ns.Namespace);
        Netdev.DevGetReply lo = await client.DevGetAsync(new Netdev.DevGetRequest { Ifindex = 1 });
        Assert.Equal(1u, lo.Ifindex);
        NetlinkException missing = await Assert.ThrowsAsync<NetlinkException>(() => client.DevGetAsync(new Netdev.DevGetRequest { Ifindex = 4242 }));
        Assert.Equal(Errno.ENODEV, missing.Errno);
    }

    [RootFact]
    public async Task KernelNlctrlResolvesNetdev()
    {
        await using NlctrlClient client = await NlctrlClient.OpenAsync(_ns.Namespace);
        Nlctrl.GetfamilyReply netdev = await client.GetfamilyAsync(new Nlctrl.GetfamilyRequest { FamilyName = "netdev" });
        Assert.Equal("netdev", netdev.FamilyName);
        Assert.NotNull(netdev.FamilyId);
        Assert.Contains(netdev.McastGroups!, g => g.Value.Name == "mgmt");
    }
}
#else
using Xunit;

namespace Netlink.Generators.Tests.Live;

/// <summary>Says why the kernel-spec client tests did not run.</summary>
public sealed class KernelFamilyClientTests
{
    [Fact(Skip = "no kernel specs at build time: set NETLINK_KERNEL_SPECS or provide ../shared/conformance/kernel-specs (the live netdev/nlctrl client tests compile from them)")]
    public void NetdevDumpsEveryDeviceAndEveryQueue()
    {
    }
}
#endif

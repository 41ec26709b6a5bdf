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

    /// <summary>
    /// The kernel's own ynl (tools/net/ynl/cli.py from a linux-source package, path in NETLINK_YNL)
    /// run on the same spec in the same namespace lists the same devices and queues, with the same
    /// flag names. Skipped, saying so, when NETLINK_YNL is not set.
    /// </summary>
    [YnlFact]
    public async Task NetdevAgreesWithTheKernelsYnl()
    {
        string ynl = Environment.GetEnvironmentVariable("NETLINK_YNL")!;

        string spec = Path.Combine(ConformanceTests.FindFolder()!, "netdev.yaml");
        System.Text.Json.JsonElement Ynl(string dump) => System.Text.Json.JsonDocument.Parse(
            IpTool.Run("ip", "netns", "exec", _ns.Name, "python3", ynl, "--no-schema", "--spec", spec, "--dump", dump, "--output-json")).RootElement;

        await using NetdevClient client = await NetdevClient.OpenAsync(_ns.Namespace);
        var ours = new List<string>();
        await foreach (Netdev.DevGetReply d in client.DevGetDumpAsync())
        {
            ours.Add($"{d.Ifindex} xdp={Names(d.XdpFeatures?.ToName())} rx-metadata={Names(d.XdpRxMetadataFeatures?.ToName())} xsk={Names(d.XskFeatures?.ToName())}");
        }

        var theirs = Ynl("dev-get").EnumerateArray().Select(d =>
            $"{d.GetProperty("ifindex").GetUInt32()} xdp={Set(d, "xdp-features")} rx-metadata={Set(d, "xdp-rx-metadata-features")} xsk={Set(d, "xsk-features")}").ToList();
        Assert.Equal(theirs.Order(), ours.Order());

        var queues = new List<string>();
        await foreach (Netdev.QueueGetReply q in client.QueueGetDumpAsync())
        {
            queues.Add($"{q.Ifindex}/{q.Type?.ToName()}/{q.Id}");
        }

        Assert.Equal(
            Ynl("queue-get").EnumerateArray().Select(q => $"{q.GetProperty("ifindex").GetUInt32()}/{q.GetProperty("type").GetString()}/{q.GetProperty("id").GetUInt32()}").Order(),
            queues.Order());

        static string Names(string? joined) => string.Join(',', (joined ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));

        static string Set(System.Text.Json.JsonElement d, string key) => d.TryGetProperty(key, out System.Text.Json.JsonElement v)
            ? string.Join(',', v.EnumerateArray().Select(x => x.GetString()).Order(StringComparer.Ordinal))
            : string.Empty;
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
/// <summary>A root fact that also needs the kernel's ynl (NETLINK_YNL); skipped with the reason otherwise.</summary>
public sealed class YnlFactAttribute : FactAttribute
{
    public YnlFactAttribute()
    {
        string? ynl = Environment.GetEnvironmentVariable("NETLINK_YNL");
        if (!Root.IsRoot)
        {
            Skip = "needs root (network namespaces)";
        }
        else if (string.IsNullOrEmpty(ynl) || !File.Exists(ynl))
        {
            Skip = "NETLINK_YNL is not set to the kernel's tools/net/ynl/cli.py (apt-get install linux-source-6.12 python3-yaml python3-jsonschema, unpack tools/net/ynl from /usr/src)";
        }
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

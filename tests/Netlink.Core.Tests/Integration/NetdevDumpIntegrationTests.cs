using System.Diagnostics;
using Netlink.Generic;
using Netlink.Messages;
using Netlink.Testing;
using Xunit;
#if KERNEL_NETDEV_SPEC
using Netlink.Core.Tests.Generated;
using Netlink.Encoding;
#endif

namespace Netlink.Core.Tests.Integration;

/// <summary>
/// The generic netlink netdev family, through the code the generator makes of the kernel's own
/// netdev.yaml: its dumps send data messages with flags 0 (no NLM_F_MULTI), which once ended a
/// dump at its first message. In a namespace with lo and a veth pair (all up) the dev-get and
/// queue-get dumps must list every device and every queue that /sys/class/net shows there.
/// </summary>
public sealed class NetdevDumpIntegrationTests
{
    private const string NoSpec = "the kernel's netdev.yaml was not found at build time (set NETLINK_KERNEL_SPECS or provide ../shared/conformance/kernel-specs)";

#if KERNEL_NETDEV_SPEC
    [RootFact]
    public async Task Dev_get_dump_lists_every_device_of_the_namespace()
    {
        using var netns = NewNamespaceWithVethPair();
        await using NetlinkConnection genl = NetlinkConnection.Open(NetlinkProtocol.Generic, netns.Namespace);
        GenericFamily family = await genl.ResolveGenericFamilyAsync(Netdev.FamilyName);
        using var request = new NetlinkMessageWriter();
        Netdev.BeginDevGetDumpRequest(request, family.Id).End();

        IReadOnlyList<uint> devices = await genl.DumpAsync(request, (NetlinkMessage message, out uint ifindex) =>
        {
            ifindex = 0;
            return message.Type == family.Id && Netdev.TryReadDevGet(message.Bytes, family.Id, out Netdev.DevReader dev) && dev.TryGetIfindex(out ifindex);
        });

        Assert.Equal(3, devices.Count);
        Assert.Equal(SysfsIfindexes(netns.Name), devices.Order());
        Assert.Equal(0, genl.UnmatchedMessages);
    }

    [RootFact]
    public async Task Queue_get_dump_lists_every_queue_of_the_namespace()
    {
        using var netns = NewNamespaceWithVethPair();
        await using NetlinkConnection genl = NetlinkConnection.Open(NetlinkProtocol.Generic, netns.Namespace);
        GenericFamily family = await genl.ResolveGenericFamilyAsync(Netdev.FamilyName);
        using var request = new NetlinkMessageWriter();
        Netdev.BeginQueueGetDumpRequest(request, family.Id).End();

        IReadOnlyList<string> queues = await genl.DumpAsync(request, (NetlinkMessage message, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string queue) =>
        {
            queue = string.Empty;
            if (message.Type != family.Id || !Netdev.TryReadQueueGet(message.Bytes, family.Id, out Netdev.QueueReader reader)
                || !reader.TryGetIfindex(out uint ifindex) || !reader.TryGetType(out Netdev.QueueType type) || !reader.TryGetId(out uint id))
            {
                return false;
            }

            queue = $"{ifindex}/{(type == Netdev.QueueType.Rx ? "rx" : "tx")}-{id}";
            return true;
        });

        Assert.Equal(SysfsQueues(netns.Name), queues.Order(StringComparer.Ordinal));
        Assert.Equal(6, queues.Count);
    }

    [RootFact]
    public async Task Netdev_dump_streams_every_device_too()
    {
        using var netns = NewNamespaceWithVethPair();
        await using NetlinkConnection genl = NetlinkConnection.Open(NetlinkProtocol.Generic, netns.Namespace);
        GenericFamily family = await genl.ResolveGenericFamilyAsync(Netdev.FamilyName);
        using var request = new NetlinkMessageWriter();
        Netdev.BeginDevGetDumpRequest(request, family.Id).End();

        var devices = new List<uint>();
        await foreach (uint ifindex in genl.StreamAsync(request, (NetlinkMessage message, out uint index) =>
        {
            index = 0;
            return Netdev.TryReadDevGet(message.Bytes, family.Id, out Netdev.DevReader dev) && dev.TryGetIfindex(out index);
        }))
        {
            devices.Add(ifindex);
        }

        Assert.Equal(SysfsIfindexes(netns.Name), devices.Order());
    }

    /// <summary>lo, and a veth pair, all up (the netdev family reports queues of devices that are up).</summary>
    private static TestNamespace NewNamespaceWithVethPair()
    {
        var netns = new TestNamespace();
        try
        {
            Run("ip", "-n", netns.Name, "link", "set", "dev", "lo", "up");
            Run("ip", "-n", netns.Name, "link", "add", "name", "nd0", "type", "veth", "peer", "name", "nd1");
            Run("ip", "-n", netns.Name, "link", "set", "dev", "nd0", "up");
            Run("ip", "-n", netns.Name, "link", "set", "dev", "nd1", "up");
            return netns;
        }
        catch
        {
            netns.Dispose();
            throw;
        }
    }

    /// <summary>The ifindex of every device /sys/class/net lists inside the namespace (ip netns exec mounts its sysfs).</summary>
    private static IEnumerable<uint> SysfsIfindexes(string netns) =>
        Run("ip", "netns", "exec", netns, "sh", "-c", "cat /sys/class/net/*/ifindex")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(uint.Parse)
            .Order();

    /// <summary>Every queue /sys/class/net lists inside the namespace, as "ifindex/rx-N".</summary>
    private static IEnumerable<string> SysfsQueues(string netns) =>
        Run("ip", "netns", "exec", netns, "sh", "-c", "for d in /sys/class/net/*; do for q in $d/queues/*; do echo $(cat $d/ifindex)/${q##*/}; done; done")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Order(StringComparer.Ordinal);

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
    }
#else
    [Fact(Skip = NoSpec)]
    public void Dev_get_dump_lists_every_device_of_the_namespace()
    {
    }

    [Fact(Skip = NoSpec)]
    public void Queue_get_dump_lists_every_queue_of_the_namespace()
    {
    }
#endif
}

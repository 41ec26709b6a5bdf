// Schema authoring end to end: the kernel's netdev.yaml (an AdditionalFiles item, see the .csproj)
// becomes GenericNetlinkSample.Generated.Netdev at build time; this program resolves the family id
// by name through nlctrl and dumps every device with `dev-get`, like
// `ynl --family netdev --dump dev-get`.
//
//   dotnet run                          # as root: in a fresh network namespace (only lo)
//   dotnet run -- --current-namespace   # the namespace this process runs in (no root needed)
using System.Text;
using GenericNetlinkSample.Generated;
using Netlink;
using Netlink.Encoding;
using Netlink.Generic;
using Netlink.Messages;

bool useCurrent = args.Contains("--current-namespace");
if (args.Any(a => a is "-h" or "--help"))
{
    Console.WriteLine("usage: GenericNetlinkSample [--current-namespace]");
    return 0;
}

try
{
    // A temporary namespace is deleted again on Dispose; it holds nothing but a down lo.
    using NetworkNamespace? netns = useCurrent ? null : NetworkNamespace.CreateTemporary();
    await using NetlinkConnection genl = NetlinkConnection.Open(NetlinkProtocol.Generic, netns);

    // Generic netlink families get their id at runtime: ask the controller for 'netdev'.
    GenericFamily family = await genl.ResolveGenericFamilyAsync(Netdev.FamilyName);
    Console.WriteLine($"namespace {netns?.Name ?? "(current)"}: family '{family.Name}' id {family.Id}, version {family.Version}");

    // NLM_F_DUMP request for 'dev-get', written by the generated builder.
    using var request = new NetlinkMessageWriter();
    Netdev.BeginDevGetDumpRequest(request, family.Id).End();

    IReadOnlyList<Device> devices = await genl.DumpAsync<Device>(request, TryDecode);
    foreach (Device device in devices)
    {
        Console.WriteLine($"ifindex {device.Ifindex}: xdp-features {Names(device.XdpFeatures)}, " +
            $"xdp-rx-metadata-features {Names(device.XdpRxMetadataFeatures)}, xsk-features {Names(device.XskFeatures)}, " +
            $"xdp-zc-max-segs {device.XdpZcMaxSegs}");
    }

    if (devices.Count == 0 || (netns is not null && !devices.Any(d => d.Ifindex == 1)))
    {
        Console.Error.WriteLine("error: the dump did not list the loopback device (ifindex 1)");
        return 1;
    }

    Console.WriteLine($"{devices.Count} device(s)");
    return 0;

    // Decodes one reply of the dump with the generated reader; other messages are skipped.
    bool TryDecode(NetlinkMessage message, out Device device)
    {
        device = default;
        if (!Netdev.TryReadDevGet(message.Bytes, family.Id, out Netdev.DevReader dev) || !dev.TryGetIfindex(out uint ifindex))
        {
            return false;
        }

        device = new Device(
            ifindex,
            dev.TryGetXdpFeatures(out Netdev.XdpAct xdp) ? xdp : Netdev.XdpAct.None,
            dev.TryGetXdpRxMetadataFeatures(out Netdev.XdpRxMetadata rxMetadata) ? rxMetadata : Netdev.XdpRxMetadata.None,
            dev.TryGetXskFeatures(out Netdev.XskFlags xsk) ? xsk : Netdev.XskFlags.None,
            dev.TryGetXdpZcMaxSegs(out uint segments) ? segments : 0);
        return true;
    }
}
catch (NetlinkException error)
{
    Console.Error.WriteLine($"error: {error.Message}");
    if (!useCurrent && error.Errno == Errno.EPERM)
    {
        Console.Error.WriteLine("creating a network namespace needs root; try --current-namespace");
    }

    return 1;
}

// Flag sets rendered with the generated ToName (a switch, no reflection: AOT-safe).
static string Names<T>(T flags) where T : struct, Enum
{
    ulong bits = Convert.ToUInt64(flags, System.Globalization.CultureInfo.InvariantCulture);
    if (bits == 0)
    {
        return "none";
    }

    var text = new StringBuilder();
    for (int bit = 0; bit < 64; bit++)
    {
        ulong mask = 1UL << bit;
        if ((bits & mask) == 0)
        {
            continue;
        }

        string name = flags switch
        {
            Netdev.XdpAct => ((Netdev.XdpAct)mask).ToName(),
            Netdev.XdpRxMetadata => ((Netdev.XdpRxMetadata)mask).ToName(),
            Netdev.XskFlags => ((Netdev.XskFlags)mask).ToName(),
            _ => null,
        } ?? $"0x{mask:x}";
        text.Append(text.Length == 0 ? "" : ",").Append(name);
    }

    return text.ToString();
}

/// <summary>One device of the netdev family's `dev-get` dump.</summary>
internal readonly record struct Device(
    uint Ifindex,
    Netdev.XdpAct XdpFeatures,
    Netdev.XdpRxMetadata XdpRxMetadataFeatures,
    Netdev.XskFlags XskFeatures,
    uint XdpZcMaxSegs);

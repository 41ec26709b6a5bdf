// Schema authoring end to end: the kernel's netdev.yaml (an AdditionalFiles item, see the .csproj)
// becomes GenericNetlinkSample.Generated.NetdevClient at build time. The program opens the client
// (it resolves the family 'netdev' by name), dumps every device with `dev-get` like
// `ynl --family netdev --dump dev-get`, then asks for the loopback device alone (a `do`).
// No byte, id or constant is written by hand.
//
//   dotnet run                          # as root: in a fresh network namespace (only lo)
//   dotnet run -- --current-namespace   # the namespace this process runs in (no root needed)
using GenericNetlinkSample.Generated;
using Netlink;

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
    Console.WriteLine($"namespace {netns?.Name ?? "(current)"}");

    // The dump: the generated client streams every device as its reply arrives.
    await using NetdevClient netdev = await NetdevClient.OpenAsync(netns);
    int count = 0;
    await foreach (Netdev.DevGetReply device in netdev.DevGetDumpAsync())
    {
        Console.WriteLine($"ifindex {device.Ifindex}: xdp-features {device.XdpFeatures?.ToName() ?? "none"}, xsk-features {device.XskFeatures?.ToName() ?? "none"}");
        count++;
    }

    // A do: one device by its index.
    Netdev.DevGetReply lo = await netdev.DevGetAsync(new Netdev.DevGetRequest { Ifindex = 1 });
    Console.WriteLine($"do dev-get ifindex 1: ifindex {lo.Ifindex}, xdp-rx-metadata-features {lo.XdpRxMetadataFeatures?.ToName() ?? "none"}");
    Console.WriteLine($"{count} device(s)");
    return count > 0 ? 0 : 1;
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

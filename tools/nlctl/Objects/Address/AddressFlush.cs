using System.Net.Sockets;
using Netlink.Route;
using Netlink.Route.Iproute2;
using Nlctl.Cli;

namespace Nlctl.Objects.Address;

/// <summary><c>nlctl addr flush [dev] DEV [scope S] [label PATTERN]</c>: deletes the addresses that match (-4/-6 narrow it).</summary>
internal static class AddressFlush
{
    public static async Task RunAsync(CommandContext context, Args args, CancellationToken cancellationToken)
    {
        if (args.AtEnd)
        {
            throw new UsageException("Flush requires arguments.");
        }

        AddressShow.Selection selection = AddressShow.Parse(args);
        await using RouteSession session = context.OpenRoute();
        int? linkIndex = selection.Device is null ? null : session.Names.ShowIndex(selection.Device);
        IReadOnlyList<Netlink.Route.Address> addresses = await session.Client.ListAddressesAsync(
            new AddressFilter { LinkIndex = linkIndex, Family = context.Options.Family },
            cancellationToken);
        foreach (Netlink.Route.Address address in addresses)
        {
            if ((selection.Scope is null || address.Scope == selection.Scope)
                && (selection.Label is null || System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(selection.Label, address.Label ?? string.Empty, ignoreCase: false)))
            {
                try
                {
                    await session.Client.DeleteAddressAsync(address.LinkIndex, address.Local, address.PrefixLength, cancellationToken);
                }
                catch (Netlink.NetlinkException e) when (e.Errno == 99)
                {
                    // EADDRNOTAVAIL: a secondary went with its primary (promote_secondaries off), as ip flush tolerates.
                }
            }
        }
    }
}

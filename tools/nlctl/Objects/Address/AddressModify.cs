using System.Net;
using System.Net.Sockets;
using Netlink.Route;
using Netlink.Route.Iproute2;
using Nlctl.Cli;

namespace Nlctl.Objects.Address;

/// <summary>
/// <c>nlctl addr add|change|replace|del PREFIX dev DEV [peer ADDR] [broadcast|brd ADDR|+|-] [label L]
/// [scope S] [valid_lft S|forever] [preferred_lft S|forever] [metric N] [FLAGS]</c>.
/// </summary>
internal static class AddressModify
{
    public static Task AddAsync(CommandContext context, Args args, CancellationToken cancellationToken) =>
        RunAsync(context, args, forDelete: false, (client, spec) => client.AddAddressAsync(spec, cancellationToken));

    public static Task ReplaceAsync(CommandContext context, Args args, CancellationToken cancellationToken) =>
        RunAsync(context, args, forDelete: false, (client, spec) => client.ReplaceAddressAsync(spec, cancellationToken));

    public static Task DeleteAsync(CommandContext context, Args args, CancellationToken cancellationToken) =>
        RunAsync(context, args, forDelete: true, (client, spec) => client.DeleteAddressAsync(spec, cancellationToken));

    private static async Task RunAsync(CommandContext context, Args args, bool forDelete, Func<RouteClient, AddressSpec, Task> send)
    {
        Request request = Parse(args, context.Options.Family);
        await using RouteSession session = context.OpenRoute();
        await send(session.Client, request.ToSpec(session.Names.Index(request.Device), forDelete));
    }

    /// <summary>The words of the command, before the device is resolved.</summary>
    internal sealed record Request(IPAddress Address, int PrefixLength, string Device)
    {
        public IPAddress? Peer { get; init; }

        public string? Broadcast { get; init; }

        public string? Label { get; init; }

        public AddressScope? Scope { get; init; }

        public TimeSpan? ValidLifetime { get; init; }

        public TimeSpan? PreferredLifetime { get; init; }

        public uint? Metric { get; init; }

        public AddressFlags Flags { get; init; }

        /// <summary>The spec for the client (a "+"/"-" broadcast computed from the prefix; none for a delete).</summary>
        public AddressSpec ToSpec(int linkIndex, bool forDelete) => new(Address, PrefixLength, linkIndex)
        {
            Peer = Peer,
            Label = Label,
            Scope = Scope,
            ValidLifetime = ValidLifetime,
            PreferredLifetime = PreferredLifetime,
            Metric = Metric,
            Flags = Flags,
            Broadcast = forDelete || Broadcast is null ? null : BroadcastAddress(Broadcast),
        };

        private IPAddress BroadcastAddress(string text)
        {
            if (text is "+" or "-")
            {
                if (Address.AddressFamily != AddressFamily.InterNetwork)
                {
                    throw new UsageException("Error: broadcast is for IPv4 addresses only.");
                }

                byte[] bytes = Address.GetAddressBytes();
                for (int bit = PrefixLength; bit < 32; bit++)
                {
                    bytes[bit / 8] = text == "+" ? (byte)(bytes[bit / 8] | (0x80 >> (bit % 8))) : (byte)(bytes[bit / 8] & ~(0x80 >> (bit % 8)));
                }

                return new IPAddress(bytes);
            }

            return Args.ParseAddress(text, AddressFamily.InterNetwork);
        }
    }

    /// <summary>Reads the command's words (ip's forms for the prefix: <c>10.1/16</c> is 10.1.0.0/16).</summary>
    internal static Request Parse(Args args, AddressFamily family)
    {
        string? prefix = null;
        string? device = null;
        IPAddress? peer = null;
        string? broadcast = null;
        string? label = null;
        AddressScope? scope = null;
        TimeSpan? valid = null;
        TimeSpan? preferred = null;
        uint? metric = null;
        AddressFlags flags = AddressFlags.None;
        while (!args.AtEnd)
        {
            string word = args.Next();
            switch (word)
            {
                case "dev":
                    device = args.Value(word);
                    break;
                case "local":
                    prefix = args.Value(word);
                    break;
                case "peer" or "remote":
                    peer = Args.ParsePrefix(args.Value(word), family).Address;
                    break;
                case "broadcast" or "brd":
                    broadcast = args.Value(word);
                    break;
                case "label":
                    label = args.Value(word);
                    break;
                case "scope":
                    string scopeText = args.Value(word);
                    scope = AddressScopeNames.TryParse(scopeText, out AddressScope parsed) ? parsed : throw UsageException.Invalid(scopeText, "invalid scope value.");
                    break;
                case "valid_lft":
                    valid = Lifetime(args.Value(word), word);
                    break;
                case "preferred_lft":
                    preferred = Lifetime(args.Value(word), word);
                    break;
                case "metric" or "priority" or "preference":
                    metric = args.UInt32(word);
                    break;
                default:
                    if (AddressFlagNames.TryParse(word, out AddressFlags flag))
                    {
                        flags |= flag;
                        break;
                    }

                    prefix = prefix is null ? word : throw UsageException.Duplicate("local", word);
                    break;
            }
        }

        if (prefix is null || device is null)
        {
            throw new UsageException("Not enough information: \"dev\" argument is required.");
        }

        (IPAddress address, int length) = Args.ParsePrefix(prefix, family);
        return new Request(address, length, device)
        {
            Peer = peer,
            Broadcast = broadcast,
            Label = label,
            Scope = scope,
            ValidLifetime = valid,
            PreferredLifetime = preferred,
            Metric = metric,
            Flags = flags,
        };
    }

    private static TimeSpan? Lifetime(string text, string keyword) =>
        text is "forever" or "infinite"
            ? null
            : Iproute2Number.TryParseUInt32(text, out uint seconds) ? TimeSpan.FromSeconds(seconds) : throw UsageException.Invalid(text, $"Invalid \"{keyword}\" value");
}

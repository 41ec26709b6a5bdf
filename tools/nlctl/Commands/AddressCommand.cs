using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Netlink;
using Netlink.Route;
using Nlctl.Cli;

namespace Nlctl.Commands;

/// <summary>
/// <c>nlctl addr show|add|del|replace …</c>: iproute2's keyword syntax, text like <c>ip addr</c>,
/// JSON like <c>ip -j addr</c>.
/// </summary>
internal static class AddressCommand
{
    private static readonly (AddressFlags Flag, string Name)[] FlagWords =
    [
        (AddressFlags.Tentative, "tentative"),
        (AddressFlags.Deprecated, "deprecated"),
        (AddressFlags.HomeAddress, "home"),
        (AddressFlags.NoDad, "nodad"),
        (AddressFlags.Optimistic, "optimistic"),
        (AddressFlags.DadFailed, "dadfailed"),
    ];

    private static readonly (AddressFlags Flag, string Name)[] LaterFlagWords =
    [
        (AddressFlags.ManageTempAddress, "mngtmpaddr"),
        (AddressFlags.NoPrefixRoute, "noprefixroute"),
        (AddressFlags.McAutoJoin, "autojoin"),
        (AddressFlags.StablePrivacy, "stable-privacy"),
    ];

    public static Command Create()
    {
        var arguments = new Argument<string[]>("arguments")
        {
            Description = "show [dev DEV] [-4|-6] | add|replace|del PREFIX dev DEV [peer ADDR] [broadcast|brd ADDR|+] [label L] [scope S] "
                + "[valid_lft S|forever] [preferred_lft S|forever] [metric N] [nodad] [noprefixroute] [mngtmpaddr] [autojoin] [home] [optimistic]",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("addr", "Show, add, replace and delete IPv4/IPv6 addresses (like ip addr)") { arguments };
        command.Aliases.Add("address");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            CommandContext context = CommandContext.From(parseResult);
            List<string> tokens = [.. parseResult.GetValue(arguments) ?? [], .. parseResult.UnmatchedTokens];
            await RunAsync(context, tokens, cancellationToken);
            return 0;
        });
        return command;
    }

    /// <summary>Runs the command on already split tokens (also used by <see cref="ShowCommand"/>).</summary>
    internal static async Task RunAsync(CommandContext context, List<string> tokens, CancellationToken cancellationToken)
    {
        AddressFamily family = AddressFamily.Unspecified;
        if (tokens.Remove("-6"))
        {
            family = AddressFamily.InterNetworkV6;
        }

        if (tokens.Remove("-4"))
        {
            family = AddressFamily.InterNetwork;
        }

        string verb = tokens.Count == 0 ? "show" : tokens[0];
        var rest = new IpTokens(tokens.Skip(1).ToList());
        using NetworkNamespace? netns = context.OpenNamespace();
        await using RouteClient client = RouteClient.Open(netns);
        switch (verb)
        {
            case "show" or "list" or "lst" or "ls":
                await ShowAsync(context, client, rest, family, cancellationToken);
                break;
            case "add":
                await client.AddAddressAsync(await ParseAsync(client, rest, forDelete: false, cancellationToken), cancellationToken);
                break;
            case "replace" or "change":
                await client.ReplaceAddressAsync(await ParseAsync(client, rest, forDelete: false, cancellationToken), cancellationToken);
                break;
            case "del" or "delete":
                await client.DeleteAddressAsync(await ParseAsync(client, rest, forDelete: true, cancellationToken), cancellationToken);
                break;
            default:
                throw new UserErrorException($"unknown addr command \"{verb}\" (show, add, replace, del)");
        }
    }

    private static async Task<AddressSpec> ParseAsync(RouteClient client, IpTokens rest, bool forDelete, CancellationToken cancellationToken)
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
        while (!rest.AtEnd)
        {
            string token = rest.Next();
            switch (token)
            {
                case "dev":
                    device = rest.Value(token);
                    break;
                case "local":
                    prefix = rest.Value(token);
                    break;
                case "peer" or "remote":
                    peer = IpTokens.Ip(rest.Value(token).Split('/')[0]);
                    break;
                case "broadcast" or "brd":
                    broadcast = rest.Value(token);
                    break;
                case "label":
                    label = rest.Value(token);
                    break;
                case "scope":
                    string scopeText = rest.Value(token);
                    scope = AddressNames.TryParseScope(scopeText, out AddressScope parsed) ? parsed : throw new UserErrorException($"unknown scope \"{scopeText}\"");
                    break;
                case "valid_lft":
                    valid = Lifetime(rest.Value(token), token);
                    break;
                case "preferred_lft":
                    preferred = Lifetime(rest.Value(token), token);
                    break;
                case "metric" or "priority":
                    metric = rest.UInt(token);
                    break;
                case "nodad":
                    flags |= AddressFlags.NoDad;
                    break;
                case "noprefixroute":
                    flags |= AddressFlags.NoPrefixRoute;
                    break;
                case "mngtmpaddr":
                    flags |= AddressFlags.ManageTempAddress;
                    break;
                case "autojoin":
                    flags |= AddressFlags.McAutoJoin;
                    break;
                case "home":
                    flags |= AddressFlags.HomeAddress;
                    break;
                case "optimistic":
                    flags |= AddressFlags.Optimistic;
                    break;
                default:
                    prefix = prefix is null ? token : throw new UserErrorException($"unexpected \"{token}\" (the prefix is \"{prefix}\")");
                    break;
            }
        }

        if (prefix is null || device is null)
        {
            throw new UserErrorException("expected PREFIX and \"dev DEV\"");
        }

        Link link = await client.FindLinkAsync(device, cancellationToken) ?? throw new UserErrorException($"Device \"{device}\" does not exist.");
        AddressSpec spec = AddressSpec.Parse(prefix, link.Index) with
        {
            Peer = peer,
            Label = label,
            Scope = scope,
            ValidLifetime = valid,
            PreferredLifetime = preferred,
            Metric = metric,
            Flags = flags,
        };
        if (broadcast is not null && !forDelete)
        {
            spec = spec with
            {
                Broadcast = broadcast switch
                {
                    "+" => Broadcast(spec.Address, spec.PrefixLength, allOnes: true),
                    "-" => Broadcast(spec.Address, spec.PrefixLength, allOnes: false),
                    _ => IpTokens.Ip(broadcast),
                },
            };
        }

        return spec;
    }

    private static IPAddress Broadcast(IPAddress address, int prefixLength, bool allOnes)
    {
        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new UserErrorException("broadcast is for IPv4 addresses only");
        }

        byte[] bytes = address.GetAddressBytes();
        for (int bit = prefixLength; bit < 32; bit++)
        {
            if (allOnes)
            {
                bytes[bit / 8] |= (byte)(0x80 >> (bit % 8));
            }
            else
            {
                bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
            }
        }

        return new IPAddress(bytes);
    }

    private static TimeSpan? Lifetime(string text, string keyword) =>
        text is "forever" or "infinite"
            ? null
            : uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out uint seconds)
                ? TimeSpan.FromSeconds(seconds)
                : throw new UserErrorException($"{keyword}: \"{text}\" is not a number of seconds or \"forever\"");

    private static async Task ShowAsync(CommandContext context, RouteClient client, IpTokens rest, AddressFamily family, CancellationToken cancellationToken)
    {
        string? device = null;
        while (!rest.AtEnd)
        {
            string token = rest.Next();
            device = token == "dev" ? rest.Value(token) : device is null ? token : throw new UserErrorException($"unexpected \"{token}\"");
        }

        IReadOnlyList<Link> links = await client.ListLinksAsync(cancellationToken: cancellationToken);
        var byIndex = links.ToDictionary(l => l.Index);
        IEnumerable<Link> shown = links;
        int? linkIndex = null;
        if (device is not null)
        {
            linkIndex = LinkOutput.IndexOf(links, device);
            shown = links.Where(l => l.Index == linkIndex);
        }

        IReadOnlyList<Address> addresses = await client.ListAddressesAsync(new AddressFilter { LinkIndex = linkIndex, Family = family }, cancellationToken);
        ILookup<int, Address> byLink = addresses.ToLookup(a => a.LinkIndex);
        if (family != AddressFamily.Unspecified)
        {
            // Like ip -4/-6 addr: links without an address of the family are left out.
            shown = shown.Where(l => byLink[l.Index].Any());
        }

        if (context.Json)
        {
            context.Output.WriteLine(LinkOutput.Json(writer =>
            {
                writer.WriteStartArray();
                foreach (Link link in shown)
                {
                    writer.WriteStartObject();
                    LinkOutput.WriteJsonFields(writer, link, byIndex, includeLinkMode: false);
                    writer.WriteStartArray("addr_info");
                    foreach (Address address in byLink[link.Index])
                    {
                        WriteJson(writer, address);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }));
            return;
        }

        foreach (Link link in shown)
        {
            context.Output.WriteLine(LinkOutput.HeaderLine(link, byIndex, includeLinkMode: false));
            context.Output.WriteLine(LinkOutput.LinkLayerLine(link));
            foreach (Address address in byLink[link.Index])
            {
                context.Output.WriteLine(TextLine(address, link.Name));
                context.Output.WriteLine($"       valid_lft {LifetimeText(address.ValidLifetime)} preferred_lft {LifetimeText(address.PreferredLifetime)}");
            }
        }
    }

    /// <summary>One address as <c>ip addr</c> prints it (first line): "inet 10.0.0.1/24 brd 10.0.0.255 scope global eth0".</summary>
    public static string TextLine(Address address, string? linkName)
    {
        var line = new StringBuilder("    ");
        line.Append(address.Family == AddressFamily.InterNetworkV6 ? "inet6 " : "inet ").Append(address.Local);
        if (address.Peer is { } peer)
        {
            line.Append(" peer ").Append(peer);
        }

        line.Append(CultureInfo.InvariantCulture, $"/{address.PrefixLength}");
        if (address.Broadcast is { } broadcast)
        {
            line.Append(" brd ").Append(broadcast);
        }

        line.Append(" scope ").Append(address.Scope.ToIprouteName());
        foreach (string word in FlagNames(address))
        {
            line.Append(' ').Append(word);
        }

        if (address.Label is { } label)
        {
            line.Append(' ').Append(label);
        }
        else if (address.Family == AddressFamily.InterNetwork && linkName is not null)
        {
            line.Append(' ').Append(linkName);
        }

        return line.ToString();
    }

    /// <summary>The boolean flag words in iproute2's order.</summary>
    public static IEnumerable<string> FlagNames(Address address)
    {
        if ((address.Flags & AddressFlags.Secondary) != 0)
        {
            yield return address.Family == AddressFamily.InterNetworkV6 ? "temporary" : "secondary";
        }

        foreach ((AddressFlags flag, string name) in FlagWords)
        {
            if ((address.Flags & flag) != 0)
            {
                yield return name;
            }
        }

        if (!address.IsPermanent)
        {
            yield return "dynamic";
        }

        foreach ((AddressFlags flag, string name) in LaterFlagWords)
        {
            if ((address.Flags & flag) != 0)
            {
                yield return name;
            }
        }
    }

    /// <summary>One addr_info object of <c>ip -j addr show</c>.</summary>
    public static void WriteJson(Utf8JsonWriter writer, Address address)
    {
        writer.WriteStartObject();
        writer.WriteString("family", address.Family == AddressFamily.InterNetworkV6 ? "inet6" : "inet");
        writer.WriteString("local", address.Local.ToString());
        if (address.Peer is { } peer)
        {
            writer.WriteString("address", peer.ToString());
        }

        writer.WriteNumber("prefixlen", address.PrefixLength);
        if (address.Broadcast is { } broadcast)
        {
            writer.WriteString("broadcast", broadcast.ToString());
        }

        if (address.Anycast is { } anycast)
        {
            writer.WriteString("anycast", anycast.ToString());
        }

        writer.WriteString("scope", address.Scope.ToIprouteName());
        foreach (string word in FlagNames(address))
        {
            writer.WriteBoolean(word, true);
        }

        if (address.Label is { } label)
        {
            writer.WriteString("label", label);
        }

        writer.WriteNumber("valid_life_time", Seconds(address.ValidLifetime));
        writer.WriteNumber("preferred_life_time", Seconds(address.PreferredLifetime));
        writer.WriteEndObject();
    }

    private static uint Seconds(TimeSpan? lifetime) => lifetime is { } value ? (uint)value.TotalSeconds : uint.MaxValue;

    private static string LifetimeText(TimeSpan? lifetime) => lifetime is { } value ? ((uint)value.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "sec" : "forever";
}

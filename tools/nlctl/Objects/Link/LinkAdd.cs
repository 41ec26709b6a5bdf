using System.Net.NetworkInformation;
using System.Net.Sockets;
using Netlink;
using Netlink.Route;
using Nlctl.Cli;

namespace Nlctl.Objects.Link;

/// <summary>
/// <c>nlctl link add [name] NAME [mtu N] [address MAC] [txqlen N] [master DEV] [link DEV] type KIND [ARGS]</c>:
/// veth, bridge, macvlan and vxlan with their settings, any other kind by name.
/// </summary>
internal static class LinkAdd
{
    public static async Task RunAsync(CommandContext context, Args args, CancellationToken cancellationToken)
    {
        await using RouteSession session = context.OpenRoute();
        var owned = new List<NetworkNamespace>();
        try
        {
            LinkSpec spec = Parse(args, session.Names, owned);
            await session.Client.AddLinkAsync(spec, cancellationToken);
        }
        finally
        {
            owned.ForEach(n => n.Dispose());
        }
    }

    /// <summary>Reads the whole command into a spec (namespaces it opens are added to <paramref name="owned"/>).</summary>
    public static LinkSpec Parse(Args args, LinkNameCache names, List<NetworkNamespace> owned)
    {
        string? name = null;
        uint? mtu = null;
        PhysicalAddress? address = null;
        uint? txqlen = null;
        int? masterIndex = null;
        int? parentIndex = null;
        while (!args.AtEnd && args.Peek() != "type")
        {
            string word = args.Next();
            switch (word)
            {
                case "name" or "dev":
                    name = args.Value(word);
                    break;
                case "mtu":
                    mtu = args.UInt32(word);
                    break;
                case "address":
                    address = LinkWords.Mac(args.Value(word));
                    break;
                case "txqlen" or "qlen" or "txqueuelen":
                    txqlen = args.UInt32(word);
                    break;
                case "master":
                    masterIndex = names.Index(args.Value(word));
                    break;
                case "link":
                    parentIndex = names.Index(args.Value(word));
                    break;
                default:
                    name = name is null ? word : throw UsageException.Duplicate("name", word);
                    break;
            }
        }

        if (name is null)
        {
            throw new UsageException("Not enough information: \"dev\" argument is required.");
        }

        if (!args.Take("type"))
        {
            throw new UsageException("Not enough information: \"type\" argument is required.");
        }

        string kind = args.Value("type");
        LinkSpec spec = kind switch
        {
            "veth" => ParseVeth(name, args, owned),
            "bridge" => ParseBridge(name, args),
            "macvlan" => ParseMacvlan(name, parentIndex, args),
            "vxlan" => ParseVxlan(name, args, names),
            _ => new GenericLinkSpec(name, kind),
        };
        if (!args.AtEnd)
        {
            throw UsageException.Garbage(args.Next(), "link");
        }

        spec = spec with { Mtu = mtu, Address = address, TxQueueLength = txqlen, MasterIndex = masterIndex };
        return spec is not MacvlanSpec && parentIndex is not null ? spec with { ParentIndex = parentIndex } : spec;
    }

    private static VethSpec ParseVeth(string name, Args args, List<NetworkNamespace> owned)
    {
        if (!args.Take("peer"))
        {
            throw new UsageException("Not enough information: \"peer name P\" is required for type veth.");
        }

        string? peer = null;
        NetworkNamespace? peerNamespace = null;
        int? peerPid = null;
        uint? peerMtu = null;
        PhysicalAddress? peerAddress = null;
        while (!args.AtEnd)
        {
            string word = args.Next();
            switch (word)
            {
                case "name":
                    peer = args.Value(word);
                    break;
                case "netns":
                    (peerNamespace, peerPid) = LinkWords.Namespace(args.Value(word));
                    if (peerNamespace is not null)
                    {
                        owned.Add(peerNamespace);
                    }

                    break;
                case "mtu":
                    peerMtu = args.UInt32(word);
                    break;
                case "address":
                    peerAddress = LinkWords.Mac(args.Value(word));
                    break;
                default:
                    peer = peer is null ? word : throw UsageException.Garbage(word, "link");
                    break;
            }
        }

        return new VethSpec(name, peer ?? throw new UsageException("Not enough information: \"peer name P\" is required for type veth."))
        {
            PeerNamespace = peerNamespace,
            PeerNamespacePid = peerPid,
            PeerMtu = peerMtu,
            PeerAddress = peerAddress,
        };
    }

    private static BridgeSpec ParseBridge(string name, Args args)
    {
        var spec = new BridgeSpec(name);
        while (!args.AtEnd)
        {
            string word = args.Next();
            spec = word switch
            {
                "stp_state" => spec with { Stp = args.UInt32(word) != 0 },
                "forward_delay" => spec with { ForwardDelay = LinkWords.Centiseconds(args.UInt32(word)) },
                "hello_time" => spec with { HelloTime = LinkWords.Centiseconds(args.UInt32(word)) },
                "max_age" => spec with { MaxAge = LinkWords.Centiseconds(args.UInt32(word)) },
                "ageing_time" => spec with { AgeingTime = LinkWords.Centiseconds(args.UInt32(word)) },
                "priority" => spec with { Priority = (ushort)args.UInt32(word, ushort.MaxValue) },
                "vlan_filtering" => spec with { VlanFiltering = args.UInt32(word) != 0 },
                "vlan_default_pvid" => spec with { VlanDefaultPvid = (ushort)args.UInt32(word, ushort.MaxValue) },
                _ => throw UsageException.Garbage(word, "link"),
            };
        }

        return spec;
    }

    private static MacvlanSpec ParseMacvlan(string name, int? parentIndex, Args args)
    {
        MacvlanMode mode = MacvlanMode.Vepa;
        while (!args.AtEnd)
        {
            string word = args.Next();
            if (word != "mode")
            {
                throw UsageException.Garbage(word, "link");
            }

            string value = args.Value(word);
            mode = value switch
            {
                "private" => MacvlanMode.Private,
                "vepa" => MacvlanMode.Vepa,
                "bridge" => MacvlanMode.Bridge,
                "passthru" => MacvlanMode.Passthru,
                "source" => MacvlanMode.Source,
                _ => throw UsageException.Invalid(value, "Invalid \"mode\" value (private, vepa, bridge, passthru, source)"),
            };
        }

        return new MacvlanSpec(name, parentIndex ?? throw new UsageException("Not enough information: \"link\" argument is required for type macvlan."), mode);
    }

    private static VxlanSpec ParseVxlan(string name, Args args, LinkNameCache names)
    {
        uint? id = null;
        var spec = new VxlanSpec(name, 0);
        while (!args.AtEnd)
        {
            string word = args.Next();
            switch (word)
            {
                case "id" or "vni":
                    id = args.UInt32(word, 0xffffff);
                    break;
                case "remote":
                    spec = spec with { Remote = args.Address(word, AddressFamily.Unspecified) };
                    break;
                case "group":
                    spec = spec with { Group = args.Address(word, AddressFamily.Unspecified) };
                    break;
                case "local":
                    spec = spec with { Local = args.Address(word, AddressFamily.Unspecified) };
                    break;
                case "dstport" or "port":
                    spec = spec with { Port = (ushort)args.UInt32(word, ushort.MaxValue) };
                    break;
                case "dev":
                    spec = spec with { VxlanParentIndex = names.Index(args.Value(word)) };
                    break;
                case "learning" or "nolearning":
                    spec = spec with { Learning = word == "learning" };
                    break;
                case "udpcsum" or "noudpcsum":
                    spec = spec with { UdpChecksum = word == "udpcsum" };
                    break;
                case "ttl" or "hoplimit":
                    spec = spec with { Ttl = (byte)args.UInt32(word, byte.MaxValue) };
                    break;
                case "tos":
                    spec = spec with { Tos = (byte)args.UInt32(word, byte.MaxValue) };
                    break;
                case "ageing":
                    spec = spec with { Ageing = TimeSpan.FromSeconds(args.UInt32(word)) };
                    break;
                case "srcport":
                    ushort low = (ushort)args.UInt32(word, ushort.MaxValue);
                    ushort high = (ushort)args.UInt32(word, ushort.MaxValue);
                    spec = spec with { PortRange = (low, high) };
                    break;
                default:
                    throw UsageException.Garbage(word, "link");
            }
        }

        return spec with { Id = id ?? throw new UsageException("Not enough information: \"id\" argument is required for type vxlan.") };
    }
}

using Nlctl.Cli;

namespace Nlctl.Objects.Link;

/// <summary><c>nlctl link</c>: network interfaces, as <c>ip link</c>.</summary>
internal static class LinkObject
{
    private const string Usage = """
        Usage: nlctl link show [ [dev] DEVICE ] [ type KIND ] [ master DEVICE ] [ up ]
               nlctl link add [ name ] NAME [ mtu MTU ] [ address LLADDR ] [ txqlen N ]
                              [ master DEVICE ] [ link DEVICE ] type TYPE [ ARGS ]
               nlctl link set [ dev ] DEVICE [ up | down ] [ mtu MTU ] [ name NAME ]
                              [ address LLADDR ] [ txqlen N ] [ alias NAME ]
                              [ master DEVICE | nomaster ] [ netns { NAME | PID } ]
               nlctl link delete [ dev ] DEVICE
        TYPE ARGS := veth peer [ name ] NAME [ netns NS ] [ mtu MTU ] [ address LLADDR ]
                   | bridge [ stp_state 0|1 ] [ forward_delay CS ] [ hello_time CS ] [ max_age CS ]
                            [ ageing_time CS ] [ priority N ] [ vlan_filtering 0|1 ] [ vlan_default_pvid N ]
                   | macvlan [ mode { private | vepa | bridge | passthru | source } ]  (needs link DEVICE)
                   | vxlan id VNI [ remote | group ADDR ] [ local ADDR ] [ dstport PORT ] [ dev DEVICE ]
                           [ [no]learning ] [ [no]udpcsum ] [ ttl N ] [ tos N ] [ ageing S ] [ srcport MIN MAX ]
                   | any other kind, without arguments
        Global options that apply: -j -p -br -s -d -o -c -n NETNS

        """;

    /// <summary>ip link's verbs, in ip's order (so <c>d</c> is delete, <c>s</c> set, <c>sh</c> show).</summary>
    public static VerbTable Verbs { get; } = new(
        "link",
        Usage,
        new Verb(["add"], LinkAdd.RunAsync) { Keywords = ["name", "mtu", "address", "txqlen", "master", "link", "type", "peer", "netns"] },
        new Verb(["change", "set"], LinkChange.SetAsync) { Keywords = ["up", "down", "mtu", "name", "address", "txqlen", "alias", "master", "nomaster", "netns"], TakesDevice = true },
        new Verb(["delete"], LinkChange.DeleteAsync) { Keywords = ["dev"], TakesDevice = true },
        new Verb(["show", "lst", "list"], LinkShow.RunAsync) { Keywords = ["dev", "type", "master", "up"], TakesDevice = true });

    public static CliObject Definition { get; } = new()
    {
        Names = ["link"],
        Summary = "network interfaces (ip link)",
        Usage = Usage,
        Run = Verbs.RunAsync,
        Grammar = new Completion.Grammar(Verbs) { TypeValues = Completion.ValueKind.LinkKind },
    };
}

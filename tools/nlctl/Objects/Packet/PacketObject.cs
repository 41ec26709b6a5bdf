using Nlctl.Cli;

namespace Nlctl.Objects.Packet;

/// <summary><c>nlctl packet capture|send</c>: raw AF_PACKET frames on one interface (docs/packet.md).</summary>
internal static class PacketObject
{
    private const string Usage = """
        Usage: nlctl packet capture -i IFACE [ -e|--ethertype TYPE ] [ -c|--count N ] [ -p|--promisc ] [ -j ]
               nlctl packet send -i IFACE -d|--dst MAC -e|--ethertype TYPE -p|--payload HEX [ -j ]
        capture prints received frames (source, destination, EtherType, packet type, length, hex) until
        Ctrl-C or N frames; send sends one frame, the kernel building the link header. -n NETNS applies.

        """;

    private static readonly VerbTable Verbs = new(
        "packet",
        Usage,
        new Verb(["capture"], PacketCapture.RunAsync) { Keywords = ["-i", "--interface", "-e", "--ethertype", "-c", "--count", "-p", "--promisc", "-j"] },
        new Verb(["send"], PacketSend.RunAsync) { Keywords = ["-i", "--interface", "-d", "--dst", "-e", "--ethertype", "-p", "--payload", "-j"] });

    public static CliObject Definition { get; } = new()
    {
        Names = ["packet"],
        Summary = "capture and send link-layer frames on an interface (AF_PACKET)",
        Usage = Usage,
        Run = RunAsync,
        Grammar = new Completion.Grammar(Verbs),
    };

    private static Task RunAsync(CommandContext context, Args args, CancellationToken cancellationToken)
    {
        if (args.AtEnd)
        {
            throw new UsageException("Error: packet needs \"capture\" or \"send\", try \"nlctl packet help\".");
        }

        return Verbs.RunAsync(context, args, cancellationToken);
    }
}

using System.Net.NetworkInformation;
using Netlink;
using Netlink.Packet;
using Nlctl.Cli;
using Nlctl.Output;

namespace Nlctl.Objects.Packet;

/// <summary><c>nlctl packet send -i IFACE --dst MAC --ethertype TYPE --payload HEX [-j]</c>.</summary>
internal static class PacketSend
{
    private static readonly Dictionary<string, (string, bool)> Spec = new()
    {
        ["-i"] = ("interface", true), ["--interface"] = ("interface", true),
        ["-d"] = ("dst", true), ["--dst"] = ("dst", true),
        ["-e"] = ("ethertype", true), ["--ethertype"] = ("ethertype", true),
        ["-p"] = ("payload", true), ["--payload"] = ("payload", true),
        ["-j"] = ("json", false), ["--json"] = ("json", false),
    };

    public static Task RunAsync(CommandContext context, Args args, CancellationToken cancellationToken)
    {
        PacketOptions options = PacketOptions.Parse(args, "send", Spec);
        string interfaceName = options.Required("interface");
        PhysicalAddress target = PacketWords.HardwareAddress(options.Required("dst"));
        ushort type = PacketWords.EtherType(options.Required("ethertype"));
        byte[] bytes = PacketWords.Hex(options.Required("payload"));

        using NetworkNamespace? netns = context.OpenNamespace();
        using PacketSocket socket = PacketSocket.Open(interfaceName, type, new PacketSocketOptions { Namespace = netns, Mode = PacketSocketMode.Datagram });
        socket.SendTo(bytes, target);
        if (context.Json || options.Has("json"))
        {
            context.Text.WriteLine(JsonOutput.Line(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("ifname", Printable.Name(socket.InterfaceName));
                writer.WriteNumber("ifindex", socket.InterfaceIndex);
                writer.WriteString("source", PacketWords.Mac(socket.HardwareAddress));
                writer.WriteString("destination", PacketWords.Mac(target));
                writer.WriteString("ethertype", $"0x{type:x4}");
                writer.WriteNumber("length", bytes.Length);
                writer.WriteEndObject();
            }));
        }
        else
        {
            context.Text.WriteLine($"sent {bytes.Length} bytes, EtherType 0x{type:x4}, {PacketWords.Mac(socket.HardwareAddress)} > {PacketWords.Mac(target)} on {socket.InterfaceName}");
        }

        return Task.CompletedTask;
    }
}

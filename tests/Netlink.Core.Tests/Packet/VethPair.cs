using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.NetworkInformation;
using System.Text.Json;
using Netlink.Packet;
using Netlink.Testing;

namespace Netlink.Core.Tests.Packet;

/// <summary>
/// A fresh namespace with a veth pair a/b (both up, fixed MAC addresses), made with iproute2 (always with "name"/"dev": iproute2 takes a bare "a" as an abbreviation of "address")
/// because the typed route client does not exist yet.
/// </summary>
internal sealed class VethPair : IDisposable
{
    public const ushort TypeA = EtherTypes.LocalExperimental1;
    public const ushort TypeB = EtherTypes.LocalExperimental2;

    public static readonly PhysicalAddress MacA = PhysicalAddress.Parse("02-00-00-00-00-0A");
    public static readonly PhysicalAddress MacB = PhysicalAddress.Parse("02-00-00-00-00-0B");

    private readonly TestNamespace _ns = new();

    public VethPair()
    {
        try
        {
            Ip("link add name a address 02:00:00:00:00:0a type veth peer name b address 02:00:00:00:00:0b");
            Ip("link set dev a up");
            Ip("link set dev b up");
            WaitUntilOperational("a");
            WaitUntilOperational("b");
        }
        catch
        {
            _ns.Dispose();
            throw;
        }
    }

    public NetworkNamespace Namespace => _ns.Namespace;

    public PacketSocket Open(string interfaceName, ushort etherType, PacketSocketMode mode = PacketSocketMode.Raw, ReadOnlyMemory<BpfInstruction> filter = default, int? receiveBuffer = null, bool promiscuous = false, bool allowDown = false) =>
        PacketSocket.Open(interfaceName, etherType, new PacketSocketOptions
        {
            Namespace = Namespace,
            Mode = mode,
            Filter = filter,
            ReceiveBufferSize = receiveBuffer,
            Promiscuous = promiscuous,
            AllowInterfaceDown = allowDown,
        });

    public void Ip(string arguments)
    {
        var start = new ProcessStartInfo("ip", $"-n {_ns.Name} {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ip {start.Arguments} failed ({process.ExitCode}): {error}{output}");
        }

        LastOutput = output;
    }

    public string LastOutput { get; private set; } = string.Empty;

    /// <summary>
    /// Waits until the kernel's link watcher has handled the carrier change: until then the link's
    /// transmit queue still has the no-op qdisc, which drops every frame silently (counted only as
    /// TX dropped), so a frame sent right after "up" may never arrive. The watcher runs at most
    /// once a second and later on a loaded box; operstate UP is set in the same step.
    /// </summary>
    public void WaitUntilOperational(string interfaceName)
    {
        DateTime giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            Ip($"-j link show dev {interfaceName}");
            using JsonDocument json = JsonDocument.Parse(LastOutput);
            if (json.RootElement[0].GetProperty("operstate").GetString() == "UP")
            {
                return;
            }

            if (DateTime.UtcNow > giveUp)
            {
                throw new TimeoutException($"{interfaceName} did not become operational: {LastOutput}");
            }

            Thread.Sleep(10);
        }
    }

    /// <summary>The interface's promiscuity count as iproute2 reports it.</summary>
    public int Promiscuity(string interfaceName)
    {
        Ip($"-d -j link show dev {interfaceName}");
        using JsonDocument json = JsonDocument.Parse(LastOutput);
        return json.RootElement[0].GetProperty("promiscuity").GetInt32();
    }

    public static byte[] Ethernet(PhysicalAddress destination, PhysicalAddress source, ushort etherType, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[PacketSocket.EthernetHeaderLength + payload.Length];
        destination.GetAddressBytes().CopyTo(frame, 0);
        source.GetAddressBytes().CopyTo(frame, 6);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), etherType);
        payload.CopyTo(frame.AsSpan(PacketSocket.EthernetHeaderLength));
        return frame;
    }

    public static byte[] Payload(int length, byte seed)
    {
        var payload = new byte[length];
        for (int i = 0; i < length; i++)
        {
            payload[i] = (byte)(seed + i);
        }

        return payload;
    }

    public void Dispose() => _ns.Dispose();
}

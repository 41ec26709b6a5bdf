using System.Text.Json;

namespace Nlctl.Tests.Packet;

/// <summary><c>nlctl packet send</c> on one end of a veth pair and <c>nlctl packet capture</c> on the other.</summary>
public sealed class PacketCommandTests
{
    [RootFact]
    public async Task A_frame_sent_on_one_end_is_captured_on_the_other()
    {
        using var ns = new TestNamespace();
        Run.Ip("-n", ns.Name, "link", "add", "pa", "type", "veth", "peer", "name", "pb");
        Run.Ip("-n", ns.Name, "link", "set", "pa", "up");
        Run.Ip("-n", ns.Name, "link", "set", "pb", "up");
        using RunningProcess capture = RunningProcess.Start("dotnet", Run.NlctlDll, "-n", ns.Name, "packet", "capture", "-i", "pb", "-e", "0x88b5", "-c", "1", "-j");
        await Task.Delay(1500); // bound before anything is sent

        ProcessResult sent = Run.Nlctl("-n", ns.Name, "-j", "packet", "send", "-i", "pa", "--dst", "ff:ff:ff:ff:ff:ff", "--ethertype", "0x88b5", "--payload", "48:65:6c:6c:6f");
        Assert.Equal(0, sent.ExitCode);
        using JsonDocument report = JsonDocument.Parse(sent.Stdout);
        Assert.Equal(("pa", 5), (report.RootElement.GetProperty("ifname").GetString(), report.RootElement.GetProperty("length").GetInt32()));

        ProcessResult captured = await capture.WaitForExitAsync();
        Assert.Equal(0, captured.ExitCode);
        using JsonDocument frame = JsonDocument.Parse(captured.Stdout);
        Assert.Equal("0x88b5", frame.RootElement.GetProperty("ethertype").GetString());
        Assert.Equal("broadcast", frame.RootElement.GetProperty("pkttype").GetString());
        Assert.EndsWith("88b548656c6c6f", frame.RootElement.GetProperty("data").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("1 frames printed", captured.Stderr, StringComparison.Ordinal);
    }
}

using System.Diagnostics;
using System.Text.Json;
using Netlink.Testing;

namespace Netlink.Route.Tests.Routes;

/// <summary>
/// A fresh namespace with two veth pairs, up and addressed, for route/neighbour/rule tests:
/// va (10.0.0.1/24, 2001:db8::1/64) - vb, and vc (10.1.0.1/24, 2001:db8:1::1/64) - vd.
/// Set up with iproute2; deleted on dispose.
/// </summary>
public sealed class RouteNamespace : IDisposable
{
    private readonly TestNamespace _namespace;

    public RouteNamespace()
    {
        _namespace = new TestNamespace();
        if (!Root.IsRoot)
        {
            return;
        }

        // No duplicate address detection, so IPv6 addresses (and their routes) settle at once.
        Run("ip", $"netns exec {Name} sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0");
        Ip("link add va type veth peer name vb");
        Ip("link add vc type veth peer name vd");
        foreach (string link in new[] { "lo", "va", "vb", "vc", "vd" })
        {
            Ip($"link set {link} up");
        }

        Ip("addr add 10.0.0.1/24 dev va");
        Ip("addr add 10.1.0.1/24 dev vc");
        Ip("addr add 2001:db8::1/64 dev va nodad");
        Ip("addr add 2001:db8:1::1/64 dev vc nodad");
        WaitForLinkLocalAddresses(4);
        Va = IndexOf("va");
        Vb = IndexOf("vb");
        Vc = IndexOf("vc");
        Vd = IndexOf("vd");
    }

    public string Name => _namespace.Name;

    public NetworkNamespace Namespace => _namespace.Namespace;

    public int Va { get; }

    public int Vb { get; }

    public int Vc { get; }

    public int Vd { get; }

    public RouteClient OpenClient() => RouteClient.Open(Namespace);

    /// <summary>Runs <c>ip -n NS ARGS</c>; throws with stderr if it fails.</summary>
    public string Ip(string arguments) => Run("ip", $"-n {Name} {arguments}");

    /// <summary>Runs <c>ip -n NS -j ARGS</c> and parses the JSON.</summary>
    public JsonElement IpJson(string arguments)
    {
        string text = Ip($"-j {arguments}");
        using JsonDocument document = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "[]" : text);
        return document.RootElement.Clone();
    }

    public int IndexOf(string link) =>
        IpJson($"link show {link}")[0].GetProperty("ifindex").GetInt32();

    /// <summary>Veth carriers come up through the kernel's link watch (up to a second): wait for their fe80:: addresses.</summary>
    private void WaitForLinkLocalAddresses(int count)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(5);
        while (IpJson("-6 addr show scope link").EnumerateArray().Sum(l => l.GetProperty("addr_info").GetArrayLength()) < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("veth link-local addresses did not appear within 5 s");
            }

            Thread.Sleep(20);
        }
    }

    public static string Run(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {error}");
        }

        return output.Result;
    }

    public void Dispose() => _namespace.Dispose();
}

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

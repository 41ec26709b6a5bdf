using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Netlink.Testing;

namespace Netlink.Diag.Tests;

/// <summary>A fresh namespace with <c>lo</c> up, and helpers to make sockets inside it.</summary>
public sealed class DiagNamespace : IDisposable
{
    private readonly TestNamespace _namespace = new();

    public DiagNamespace()
    {
        Run("ip", $"-n {Name} link set lo up");
    }

    public string Name => _namespace.Name;

    public NetworkNamespace Namespace => _namespace.Namespace;

    /// <summary>Creates a socket on a thread inside the namespace (it stays there).</summary>
    public Socket CreateSocket(AddressFamily family, SocketType type, ProtocolType protocol) =>
        Namespace.RunInside(() => new Socket(family, type, protocol));

    /// <summary>The inode of a socket: the N of /proc/self/fd/FD -> socket:[N].</summary>
    public static uint InodeOf(Socket socket)
    {
        string target = new FileInfo($"/proc/self/fd/{socket.Handle}").LinkTarget!;
        Assert.StartsWith("socket:[", target);
        return uint.Parse(target.AsSpan(8, target.Length - 9), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a program and returns its stdout; fails the test on a non-zero exit.</summary>
    public static string Run(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} {arguments} failed ({process.ExitCode}): {stderr}");
        return stdout.Result;
    }

    public void Dispose() => _namespace.Dispose();
}

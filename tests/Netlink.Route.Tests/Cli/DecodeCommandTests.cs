using System.Runtime.CompilerServices;
using Snapshooter.Xunit;
using Xunit;

namespace Netlink.Route.Tests.Cli;

/// <summary><c>nlctl decode</c> over bytes captured from a real dump (lo's RTM_NEWLINK and 127.0.0.1's RTM_NEWADDR, concatenated).</summary>
public sealed class DecodeCommandTests
{
    private static string Fixture([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "TestData", "lo-link-and-address.bin");

    [Fact]
    public void Captured_dump_decodes_to_the_annotated_text()
    {
        (int exit, string stdout, string stderr) = ProcessRunner.Nlctl("decode", Fixture());

        Assert.True(exit == 0, stderr);
        Assert.Contains("nlmsg_type: newlink (16)", stdout, StringComparison.Ordinal);
        Assert.Contains("ifname(3): \"lo\" | 6c 6f 00", stdout, StringComparison.Ordinal);
        Assert.Contains("nlmsg_type: newaddr (20)", stdout, StringComparison.Ordinal);
        Assert.Contains("ifaddrmsg.ifa-scope: host (254) | fe", stdout, StringComparison.Ordinal);
        Snapshot.Match(stdout);
    }

    [Fact]
    public void Stdin_binary_and_hex_text_give_the_same_output_as_the_file()
    {
        byte[] bytes = File.ReadAllBytes(Fixture());
        string fromFile = ProcessRunner.Nlctl("decode", Fixture()).Stdout;

        (int exit, string fromStdin, _) = ProcessRunner.Run("dotnet", [ProcessRunner.NlctlDll, "decode"], bytes);
        Assert.Equal(0, exit);
        Assert.Equal(fromFile, fromStdin);

        string hex = string.Join('\n', Convert.ToHexString(bytes).ToLowerInvariant().Chunk(32).Select(c => new string(c)));
        (exit, string fromHex, _) = ProcessRunner.Run("dotnet", [ProcessRunner.NlctlDll, "decode", "--hex"], System.Text.Encoding.ASCII.GetBytes(hex));
        Assert.Equal(0, exit);
        Assert.Equal(fromFile, fromHex);
    }

    [Theory]
    [InlineData("garbage bytes, not netlink at all", false, "malformed input")]
    [InlineData("00112233", true, "malformed input")]
    [InlineData("zz", true, "hex digits")]
    [InlineData("", false, "no input")]
    public void Malformed_input_prints_one_error_line_and_fails(string input, bool hex, string expected)
    {
        string[] arguments = hex ? [ProcessRunner.NlctlDll, "decode", "--hex"] : [ProcessRunner.NlctlDll, "decode"];
        (int exit, string stdout, string stderr) = ProcessRunner.Run("dotnet", arguments, System.Text.Encoding.ASCII.GetBytes(input));

        Assert.NotEqual(0, exit);
        Assert.Equal(string.Empty, stdout);
        string line = Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("nlctl: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_capture_is_rejected_without_partial_output()
    {
        byte[] bytes = File.ReadAllBytes(Fixture());
        (int exit, string stdout, string stderr) = ProcessRunner.Run("dotnet", [ProcessRunner.NlctlDll, "decode"], bytes[..^10]);
        Assert.NotEqual(0, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("after 1 message(s)", stderr, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using Snapshooter.Xunit;

namespace Nlctl.Tests.Decode;

/// <summary><c>nlctl decode</c> over bytes captured from a real dump (lo's RTM_NEWLINK and 127.0.0.1's RTM_NEWADDR, concatenated).</summary>
public sealed class DecodeCommandTests
{
    [Fact]
    public void Captured_dump_decodes_to_the_annotated_text()
    {
        (int exit, string stdout, string stderr) = Run.Nlctl("decode", TestFiles.DecodeFixture);

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
        byte[] bytes = File.ReadAllBytes(TestFiles.DecodeFixture);
        string fromFile = Run.NlctlChecked("decode", TestFiles.DecodeFixture);

        Assert.Equal(fromFile, Run.NlctlWithInput(bytes, "decode").Checked("decode"));
        Assert.Equal(fromFile, Run.NlctlWithInput(bytes, "decode", "-").Checked("decode -"));

        string hex = string.Join('\n', Convert.ToHexString(bytes).ToLowerInvariant().Chunk(32).Select(c => new string(c)));
        Assert.Equal(fromFile, Run.NlctlWithInput(System.Text.Encoding.ASCII.GetBytes(hex), "decode", "--hex").Checked("decode --hex"));
    }

    [Fact]
    public void Json_has_one_object_per_message_with_the_describers_fields()
    {
        string json = Run.NlctlChecked("-j", "decode", TestFiles.DecodeFixture);
        Assert.Equal(json, Run.NlctlChecked("decode", "-j", TestFiles.DecodeFixture));
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement[] messages = [.. document.RootElement.EnumerateArray()];
        Assert.Equal(2, messages.Length);
        Assert.Equal(("RTM_NEWLINK", 0, 16), (messages[0].GetProperty("type_name").GetString(), messages[0].GetProperty("offset").GetInt32(), messages[0].GetProperty("type").GetInt32()));
        Assert.Equal(("RTM_NEWADDR", 20), (messages[1].GetProperty("type_name").GetString(), messages[1].GetProperty("type").GetInt32()));
        JsonElement ifname = messages[0].GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "ifname");
        Assert.Equal((3, "\"lo\"", "6c 6f 00"), (ifname.GetProperty("attr").GetInt32(), ifname.GetProperty("value").GetString(), ifname.GetProperty("hex").GetString()));
        JsonElement stats = messages[0].GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "stats64");
        Assert.Contains(stats.GetProperty("fields").EnumerateArray(), f => f.GetProperty("name").GetString() == "rtnl-link-stats64.rx-packets");

        // -p: the same document in ip's layout.
        string pretty = Run.NlctlChecked("-j", "-p", "decode", TestFiles.DecodeFixture);
        Assert.StartsWith("[ {\n        \"offset\": 0,", pretty, StringComparison.Ordinal);
        Assert.Equal(JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement), JsonSerializer.Serialize(JsonDocument.Parse(pretty).RootElement));
    }

    [Theory]
    [InlineData("garbage bytes, not netlink at all", false, "Error: malformed input after 0 message(s)")]
    [InlineData("00112233", true, "Error: malformed input after 0 message(s)")]
    [InlineData("zz", true, "Error: malformed input: --hex expects pairs of hex digits.")]
    [InlineData("", false, "Error: no input: expected one or more netlink messages.")]
    // An NLMSG_ERROR whose payload is 2 bytes: not even its error code.
    [InlineData("12000000 0200 0000 01000000 00000000 feff", true, "Error: truncated input: message 1 (NLMSG_ERROR) at offset 0 has 2 bytes of payload, fewer than the 20 of its error code and echoed request header.")]
    // An RTM_NEWLINK with 4 of its ifinfomsg's 16 bytes.
    [InlineData("14000000 1000 0000 01000000 00000000 00000000", true, "Error: truncated input: message 1 (RTM_NEWLINK) at offset 0 has 4 bytes of payload, fewer than the 16 of its ifinfomsg.")]
    public void Bad_input_prints_one_error_line_and_nothing_else(string input, bool hex, string expected)
    {
        string[] arguments = hex ? ["decode", "--hex"] : ["decode"];
        ProcessResult result = Run.NlctlWithInput(System.Text.Encoding.ASCII.GetBytes(input.Replace(" ", string.Empty, StringComparison.Ordinal)), arguments);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal(1, result.ExitCode);
        string line = Assert.Single(result.StderrLines);
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_capture_is_rejected_without_partial_output()
    {
        byte[] bytes = File.ReadAllBytes(TestFiles.DecodeFixture);
        ProcessResult result = Run.NlctlWithInput(bytes[..^10], "decode");
        Assert.Equal((1, string.Empty), (result.ExitCode, result.Stdout));
        Assert.Contains("after 1 message(s)", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Input_beyond_the_limit_is_refused_and_the_limit_can_be_raised()
    {
        byte[] bytes = File.ReadAllBytes(TestFiles.DecodeFixture);
        ProcessResult refused = Run.NlctlWithInput(bytes, "decode", "--max-bytes", "1000");
        Expect.OneErrorLine(refused, 1, "Error: the input is larger than 1000 bytes; nothing was decoded (--max-bytes N raises the limit).");
        Assert.Equal(0, Run.NlctlWithInput(bytes, "decode", "--max-bytes", bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).ExitCode);

        // The default limit is 16 MiB: 17 MiB of zeros are refused without being held (or decoded).
        ProcessResult large = Run.Bash($"head -c {17 * 1024 * 1024} /dev/zero 2>/dev/null | {Run.NlctlCommand} decode");
        Expect.OneErrorLine(large, 1, "Error: the input is larger than 16777216 bytes; nothing was decoded (--max-bytes N raises the limit).");
    }
}

using Xunit;

namespace Netlink.Core.Tests.Names;

/// <summary>
/// Raw argv bytes from /proc/self/cmdline, matched to what .NET decoded: a non-UTF-8 argument
/// (which .NET shows as U+FFFD) gets its exact bytes back.
/// </summary>
public sealed class ProcessArgumentsTests
{
    [Fact]
    public void Trailing_cmdline_entries_are_matched_to_the_arguments()
    {
        // "dotnet nlctl.dll link del <FA FB>": .NET's args are the last three, the third decoded lossily.
        byte[] cmdline = [.. "dotnet\0nlctl.dll\0link\0del\0"u8, 0xfa, 0xfb, 0];
        byte[][]? raw = ProcessArguments.Match(cmdline, ["link", "del", "\uFFFD\uFFFD"]);

        Assert.NotNull(raw);
        Assert.Equal("link"u8.ToArray(), raw[0]);
        Assert.Equal(new byte[] { 0xfa, 0xfb }, raw[2]);
    }

    [Fact]
    public void An_argument_that_really_is_EF_BF_BD_stays_the_replacement_character()
    {
        byte[] cmdline = [.. "nlctl\0"u8, 0xef, 0xbf, 0xbd, 0];
        byte[][]? raw = ProcessArguments.Match(cmdline, ["\uFFFD"]);

        Assert.NotNull(raw);
        Assert.Equal("\uFFFD", LosslessUtf8.GetString(raw[0]));
    }

    [Fact]
    public void The_runtime_may_replace_an_invalid_run_with_fewer_replacement_characters()
    {
        // ED A0 80 (an encoded surrogate): the runtime's argv decoder gives two U+FFFD, Encoding.UTF8 three.
        byte[] cmdline = [.. "x\0"u8, 0xed, 0xa0, 0x80, 0];
        Assert.NotNull(ProcessArguments.Match(cmdline, ["\uFFFD\uFFFD"]));
    }

    [Fact]
    public void Arguments_that_do_not_match_the_cmdline_give_null()
    {
        byte[] cmdline = [.. "nlctl\0link\0show\0"u8];
        Assert.Null(ProcessArguments.Match(cmdline, ["link", "del"]));
        Assert.Null(ProcessArguments.Match(cmdline, ["a", "b", "c", "d"]));
        Assert.Null(ProcessArguments.Match([.. "nlctl\0"u8, 0xfa, 0], ["plain"]));
    }

    [Fact]
    public void This_process_cmdline_matches_its_own_arguments()
    {
        string[] args = Environment.GetCommandLineArgs()[1..];
        byte[][]? raw = ProcessArguments.GetRawArguments(args);

        Assert.NotNull(raw);
        Assert.Equal(args, raw.Select(r => LosslessUtf8.GetString(r)));
        Assert.Equal(args, ProcessArguments.ToLossless(args));
    }
}

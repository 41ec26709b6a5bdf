namespace Nlctl.Tests.Errors;

/// <summary>Output that cannot be written (<c>&gt; /dev/full</c>) ends with one line and exit status 1, never a stack trace.</summary>
public sealed class WriteErrorTests(PopulatedNamespace ns) : IClassFixture<PopulatedNamespace>
{
    [RootTheory]
    [InlineData("link")]
    [InlineData("-j route show table all")]
    [InlineData("-j -p addr")]
    [InlineData("ss -tan")]
    [InlineData("help")]
    public void Writing_to_a_full_device_fails_with_one_line(string command)
    {
        ProcessResult result = Run.Bash($"{Run.NlctlCommand} -n {ns.Name} {command} > /dev/full");
        Expect.OneErrorLine(result, 1, "Error: cannot write the output: No space left on device");
    }

    [Fact]
    public void Decode_to_a_full_device_fails_with_one_line()
    {
        ProcessResult result = Run.Bash($"{Run.NlctlCommand} decode {TestFiles.DecodeFixture} > /dev/full");
        Expect.OneErrorLine(result, 1, "Error: cannot write the output: No space left on device");
    }

    [RootFact]
    public void A_closed_pipe_ends_quietly()
    {
        ProcessResult result = Run.Bash($"set -o pipefail; {Run.NlctlCommand} -n {ns.Name} route show table all | head -c 1 > /dev/null");
        Assert.Empty(result.Stderr);
    }
}

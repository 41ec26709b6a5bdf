using SharpFuzz;

namespace Netlink.Fuzz;

/// <summary>
/// <c>--libfuzzer</c>: hands the targets to SharpFuzz's libFuzzer bridge. libFuzzer (via
/// libfuzzer-dotnet) supplies the inputs and collects coverage from the instrumented Netlink
/// assemblies; <see cref="NetlinkDecodeException"/> is expected, any other exception is a crash.
/// </summary>
internal static class LibFuzzerEntry
{
    public static void Run(IReadOnlyList<FuzzTarget> targets)
    {
        var context = new TargetContext();
        Fuzzer.LibFuzzer.Run(input =>
        {
            foreach (FuzzTarget target in targets)
            {
                try
                {
                    target.Run(input, context);
                }
                catch (NetlinkDecodeException)
                {
                }
            }
        });
    }
}

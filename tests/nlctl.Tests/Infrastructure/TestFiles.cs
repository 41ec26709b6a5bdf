using System.Runtime.CompilerServices;

namespace Nlctl.Tests.Infrastructure;

/// <summary>Files kept next to the tests in the source tree.</summary>
public static class TestFiles
{
    /// <summary>lo's RTM_NEWLINK and 127.0.0.1's RTM_NEWADDR, captured from a real dump and concatenated.</summary>
    public static string DecodeFixture => Path.Combine(ProjectDirectory(), "Decode", "TestData", "lo-link-and-address.bin");

    private static string ProjectDirectory([CallerFilePath] string source = "") => Path.GetDirectoryName(Path.GetDirectoryName(source))!;
}

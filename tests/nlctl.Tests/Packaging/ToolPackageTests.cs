using System.IO.Compression;

namespace Nlctl.Tests.Packaging;

/// <summary>nlctl packs as a dotnet tool: the package installs and the installed command runs.</summary>
public sealed class ToolPackageTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public void Packs_as_a_dotnet_tool_named_nlctl_that_installs_and_runs()
    {
        using var feed = new TemporaryDirectory();
        string project = Path.Combine(RepositoryRoot(), "tools", "nlctl", "nlctl.csproj");
        ProcessResult pack = Run.Process("dotnet", ["pack", project, "-c", Configuration, "--no-build", "-o", feed.Path, "-p:Version=0.0.0-test"]);
        Assert.True(pack.ExitCode == 0, pack.Stdout + pack.Stderr);

        string package = Assert.Single(Directory.GetFiles(feed.Path, "nlctl.*.nupkg"));
        using (ZipArchive zip = ZipFile.OpenRead(package))
        {
            ZipArchiveEntry settings = Assert.Single(zip.Entries, e => e.FullName.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
            using var reader = new StreamReader(settings.Open());
            Assert.Contains("<Command Name=\"nlctl\"", reader.ReadToEnd(), StringComparison.Ordinal);
            Assert.Contains(zip.Entries, e => e.FullName.EndsWith("/nlctl.dll", StringComparison.Ordinal));
        }

        string tools = Path.Combine(feed.Path, "tools");
        ProcessResult install = Run.Process("dotnet", ["tool", "install", "nlctl", "--tool-path", tools, "--add-source", feed.Path, "--version", "0.0.0-test", "--ignore-failed-sources"]);
        Assert.True(install.ExitCode == 0, install.Stdout + install.Stderr);
        ProcessResult version = Run.Process(Path.Combine(tools, "nlctl"), ["-V"]);
        Assert.Equal(0, version.ExitCode);
        Assert.Equal(Run.NlctlChecked("-V"), version.Stdout);
    }

    private static string RepositoryRoot()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "Netlink.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("Netlink.sln not found above the test directory");
    }
}

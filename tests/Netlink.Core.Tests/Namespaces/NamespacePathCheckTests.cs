using Netlink.Testing;
using Xunit;

namespace Netlink.Core.Tests.Namespaces;

/// <summary>
/// A namespace path is checked when it is opened, without blocking: something that is not a
/// network namespace is an <see cref="ArgumentException"/> saying what it is, not a setns EINVAL
/// later (or, for a FIFO, an open that never returns).
/// </summary>
public sealed class NamespacePathCheckTests
{
    /// <summary>Far longer than an open may take; an open still running then has blocked.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Fact]
    public void A_regular_file_is_not_a_network_namespace()
    {
        var error = Assert.Throws<ArgumentException>(() => NetworkNamespace.OpenPath("/etc/passwd"));
        Assert.Equal("path", error.ParamName);
        Assert.Contains("'/etc/passwd' is not a network namespace", error.Message);
        Assert.Contains("a regular file", error.Message);
    }

    [Fact]
    public void A_directory_and_another_kind_of_namespace_are_named_as_such()
    {
        Assert.Contains("a directory", Assert.Throws<ArgumentException>(() => NetworkNamespace.OpenPath("/tmp")).Message);
        Assert.Contains("a UTS namespace", Assert.Throws<ArgumentException>(() => NetworkNamespace.OpenPath("/proc/self/ns/uts")).Message);
    }

    [Fact]
    public async Task A_FIFO_is_refused_at_once_instead_of_blocking_the_open()
    {
        string directory = Directory.CreateTempSubdirectory("nlt-fifo").FullName;
        string fifo = Path.Combine(directory, "fifo");
        IpNetns.Run("mkfifo", fifo);
        Task<ArgumentException> open = Task.Run(() => Assert.Throws<ArgumentException>(() => NetworkNamespace.OpenPath(fifo)));
        try
        {
            ArgumentException error = await open.WaitAsync(Guard);
            Assert.Contains("a FIFO", error.Message);
        }
        finally
        {
            if (!open.IsCompleted)
            {
                // The old open(O_RDONLY) waits for a writer: give it one so the thread can end.
                await using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            }

            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_file_descriptor_that_is_not_a_namespace_is_refused_naming_fd()
    {
        using FileStream file = File.OpenRead("/etc/hostname");
        var error = Assert.Throws<ArgumentException>(() => NetworkNamespace.OpenFileDescriptor((int)file.SafeFileHandle.DangerousGetHandle()));
        Assert.Equal("fd", error.ParamName);
    }

    [RootFact]
    public void A_name_under_run_netns_that_holds_a_plain_file_is_refused_naming_name()
    {
        string name = IpNetns.UniqueName("nlt-plain");
        File.WriteAllText($"/run/netns/{name}", string.Empty);
        try
        {
            var error = Assert.Throws<ArgumentException>(() => NetworkNamespace.Open(name));
            Assert.Equal("name", error.ParamName);
            Assert.Contains("a regular file", error.Message);
        }
        finally
        {
            File.Delete($"/run/netns/{name}");
        }
    }

    [Fact]
    public void Real_namespace_files_open_and_tell_their_inode()
    {
        using NetworkNamespace mine = NetworkNamespace.OpenProcess(Environment.ProcessId);
        using NetworkNamespace current = NetworkNamespace.OpenCurrent();
        Assert.Equal(NetworkNamespace.CurrentThreadId, mine.Id);
        Assert.Equal(mine.Inode, current.Inode);
    }
}

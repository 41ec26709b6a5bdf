using Netlink.Testing;
using Xunit;

namespace Netlink.Core.Tests.Namespaces;

/// <summary>
/// A temporary namespace's handle deletes the namespace it created, never another one that
/// someone has since put under the same name.
/// </summary>
public sealed class NamespaceReplacementTests
{
    [RootFact]
    public void Dispose_leaves_alone_a_namespace_someone_else_made_under_the_same_name()
    {
        string name = IpNetns.UniqueName("nlt-rep");
        NetworkNamespace ours = NetworkNamespace.CreateTemporary(name);
        try
        {
            Assert.Equal(ours.Inode, IpNetns.InodeOf(name));

            // Someone else deletes ours by name and creates theirs under the same name.
            IpNetns.Run("ip", "netns", "del", name);
            IpNetns.Run("ip", "netns", "add", name);
            ulong theirs = IpNetns.InodeOf(name);
            Assert.NotEqual(ours.Inode, theirs);

            ours.Dispose();

            Assert.True(NetworkNamespace.Exists(name));
            Assert.Equal(theirs, IpNetns.InodeOf(name));
            Assert.Contains(name, IpNetns.Run("ip", "netns", "list"));
        }
        finally
        {
            ours.Dispose();
            if (NetworkNamespace.Exists(name))
            {
                IpNetns.Run("ip", "netns", "del", name);
            }
        }
    }

    [RootFact]
    public void Dispose_after_someone_else_deleted_the_name_is_quiet_and_a_plain_file_there_is_left_alone()
    {
        string name = IpNetns.UniqueName("nlt-rep");
        NetworkNamespace ours = NetworkNamespace.CreateTemporary(name);
        IpNetns.Run("ip", "netns", "del", name);
        ours.Dispose();
        Assert.False(NetworkNamespace.Exists(name));

        NetworkNamespace second = NetworkNamespace.CreateTemporary(name);
        IpNetns.Run("ip", "netns", "del", name);
        File.WriteAllText($"/run/netns/{name}", string.Empty);
        try
        {
            second.Dispose();
            Assert.True(File.Exists($"/run/netns/{name}"));
        }
        finally
        {
            File.Delete($"/run/netns/{name}");
        }
    }

    [RootFact]
    public void Dispose_deletes_its_own_namespace_and_disposing_twice_is_harmless()
    {
        string name = IpNetns.UniqueName("nlt-rep");
        NetworkNamespace ours = NetworkNamespace.CreateTemporary(name);
        Assert.Equal($"net:[{ours.Inode}]", ours.RunInside(() => NetworkNamespace.CurrentThreadId));

        ours.Dispose();
        ours.Dispose();

        Assert.False(NetworkNamespace.Exists(name));
        Assert.DoesNotContain(name, IpNetns.Run("ip", "netns", "list"));
    }

    [RootFact]
    public void A_namespace_name_that_is_not_UTF8_is_created_and_deleted_by_its_exact_bytes()
    {
        // "\uDCFA" stands for the byte FA (LosslessUtf8); before, it became EF BF BD in the path.
        string name = IpNetns.UniqueName("nlt-rep") + "\uDCFA";
        string expected = Convert.ToHexString([.. System.Text.Encoding.ASCII.GetBytes(name[..^1]), 0xfa]);
        using (NetworkNamespace ns = NetworkNamespace.CreateTemporary(name))
        {
            Assert.True(NetworkNamespace.Exists(name));
            Assert.Contains(expected, RunDirectoryEntriesHex());
            using NetworkNamespace again = NetworkNamespace.Open(name);
            Assert.Equal(ns.Inode, again.Inode);
        }

        Assert.DoesNotContain(expected, RunDirectoryEntriesHex());
    }

    /// <summary>The names in /run/netns, each as the hex of its bytes (through od, not through .NET's decoding).</summary>
    private static string[] RunDirectoryEntriesHex() =>
        IpNetns.Run("bash", "-c", "for f in /run/netns/*; do printf '%s' \"${f#/run/netns/}\" | od -An -tx1 | tr -d ' \\n'; echo; done")
            .ToUpperInvariant()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

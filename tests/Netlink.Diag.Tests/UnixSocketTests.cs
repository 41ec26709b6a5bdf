using System.Net.Sockets;
using System.Security.Cryptography;
using Netlink.Testing;

namespace Netlink.Diag.Tests;

/// <summary>UNIX sockets created in a fresh namespace are listed with path, abstract name, peer, queues, type and state.</summary>
public sealed class UnixSocketTests
{
    [RootFact]
    public async Task Path_and_abstract_sockets_are_listed_with_peers_and_queues()
    {
        using var ns = new DiagNamespace();
        string tag = Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        string path = Path.Combine(Path.GetTempPath(), $"nlt-diag-{tag}.sock");
        using Socket listener = ns.CreateSocket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        using Socket client = ns.CreateSocket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        using Socket abstractDgram = ns.CreateSocket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        using Socket seqpacket = ns.CreateSocket(AddressFamily.Unix, SocketType.Seqpacket, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(path));
            listener.Listen(5);
            client.Connect(new UnixDomainSocketEndPoint(path));
            using Socket server = listener.Accept();
            client.Send("12345"u8);
            abstractDgram.Bind(new UnixDomainSocketEndPoint("\0nlt-abstract-" + tag));
            seqpacket.Bind(new UnixDomainSocketEndPoint("\0nlt-seq-" + tag));
            seqpacket.Listen(1);

            await using var diag = SockDiagClient.Open(ns.Namespace);
            IReadOnlyList<UnixSocketInfo> all = await diag.ListUnixSocketsAsync();

            // Only what this test made: the namespace is fresh.
            Assert.Equal(5, all.Count);

            UnixSocketInfo l = Assert.Single(all, s => s.Inode == DiagNamespace.InodeOf(listener));
            Assert.Equal((UnixSocketType.Stream, SocketState.Listen, path, false), (l.Type, l.State, l.Path, l.IsAbstract));
            Assert.Equal(5u, l.SendQueue); // backlog limit
            Assert.NotNull(l.FileNode);
            Assert.True(File.Exists(path));
            Assert.Equal(0u, l.Uid);

            UnixSocketInfo c = Assert.Single(all, s => s.Inode == DiagNamespace.InodeOf(client));
            UnixSocketInfo sv = Assert.Single(all, s => s.Inode == DiagNamespace.InodeOf(server));
            Assert.Equal(SocketState.Established, c.State);
            Assert.Null(c.Path);
            Assert.Equal(sv.Inode, c.PeerInode);
            Assert.Equal(c.Inode, sv.PeerInode);
            Assert.Equal(path, sv.Path); // accepted sockets carry the listener's name
            Assert.Equal(5u, sv.ReceiveQueue); // five unread bytes

            UnixSocketInfo d = Assert.Single(all, s => s.Inode == DiagNamespace.InodeOf(abstractDgram));
            Assert.Equal((UnixSocketType.Datagram, SocketState.Close, "@nlt-abstract-" + tag, true), (d.Type, d.State, d.Path, d.IsAbstract));
            Assert.Equal(0, d.RawName.Span[0]);

            UnixSocketInfo q = Assert.Single(all, s => s.Inode == DiagNamespace.InodeOf(seqpacket));
            Assert.Equal((UnixSocketType.SeqPacket, SocketState.Listen, "@nlt-seq-" + tag), (q.Type, q.State, q.Path));

            IReadOnlyList<UnixSocketInfo> listening = await diag.ListUnixSocketsAsync(new UnixSocketQuery { States = SocketStates.Listen });
            Assert.Equal(new[] { l.Inode, q.Inode }.Order(), listening.Select(s => s.Inode).Order());

            int visited = 0;
            SocketVisitResult result = await diag.VisitUnixSocketsAsync(new UnixSocketQuery(), (in UnixSocketEntry e) =>
            {
                if (e.Inode == d.Inode && UnixSocketEntry.FormatName(e.RawName) == d.Path)
                {
                    visited++;
                }
            });
            Assert.Equal((5, 1), (result.MessageCount, visited));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

namespace Netlink.Diag.Tests;

public sealed class UnixSocketInfoEqualityTests
{
    [Fact]
    public void Two_reports_of_the_same_socket_are_equal_though_their_buffers_differ()
    {
        UnixSocketInfo first = Listener(rawName: [0, (byte)'a', (byte)'b'], pending: [7, 8]);
        UnixSocketInfo second = Listener(rawName: [0, (byte)'a', (byte)'b'], pending: [7, 8]);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void A_different_name_or_pending_connection_makes_them_unequal()
    {
        UnixSocketInfo reference = Listener(rawName: [0, (byte)'a'], pending: [7]);

        Assert.NotEqual(reference, Listener(rawName: [0, (byte)'b'], pending: [7]));
        Assert.NotEqual(reference, Listener(rawName: [0, (byte)'a'], pending: [9]));
        Assert.NotEqual(reference, reference with { ReceiveQueue = 1 });
    }

    private static UnixSocketInfo Listener(byte[] rawName, uint[] pending) => new()
    {
        Type = UnixSocketType.Stream,
        State = SocketState.Listen,
        Inode = 42,
        Path = "@" + System.Text.Encoding.ASCII.GetString(rawName, 1, rawName.Length - 1),
        IsAbstract = true,
        RawName = rawName,
        PendingConnections = pending,
    };
}

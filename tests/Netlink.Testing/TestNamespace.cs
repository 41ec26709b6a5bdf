using System.Security.Cryptography;

namespace Netlink.Testing;

/// <summary>
/// A throwaway network namespace named <c>nlt-</c> plus random hex, created on construction and
/// deleted on <see cref="Dispose"/>. Use it directly or as an xunit class fixture
/// (<c>IClassFixture&lt;TestNamespace&gt;</c>) so one test class shares one namespace.
/// Integration tests do all their work inside one, never on the host's interfaces or routes.
/// </summary>
public sealed class TestNamespace : IDisposable
{
    /// <summary>Creates a fresh uniquely named namespace.</summary>
    public TestNamespace()
    {
        Name = "nlt-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
        Namespace = NetworkNamespace.CreateTemporary(Name);
    }

    /// <summary>The name under /run/netns.</summary>
    public string Name { get; }

    /// <summary>The open namespace.</summary>
    public NetworkNamespace Namespace { get; }

    /// <summary>Opens a netlink socket inside the namespace.</summary>
    public NetlinkSocket OpenSocket(NetlinkProtocol protocol = NetlinkProtocol.Route) => NetlinkSocket.Open(protocol, Namespace);

    /// <summary>Opens a request connection inside the namespace.</summary>
    public NetlinkConnection OpenConnection(NetlinkProtocol protocol = NetlinkProtocol.Route, NetlinkConnectionOptions? options = null) =>
        NetlinkConnection.Open(protocol, Namespace, options);

    /// <summary>Deletes the namespace.</summary>
    public void Dispose() => Namespace.Dispose();

    /// <inheritdoc/>
    public override string ToString() => Name;
}

using System.Diagnostics.CodeAnalysis;
using Netlink.Messages;

namespace Netlink;

/// <summary>
/// Sees one reply message in place, in the receive buffer (no copy). The message is valid only
/// during the call. Runs on the connection's receive loop: keep it short and never block on
/// another request of the same connection.
/// </summary>
public delegate void NetlinkMessageVisitor(NetlinkMessage message);

/// <summary>Decodes one reply message in place into a value to keep; false skips the message.</summary>
public delegate bool NetlinkMessageDecoder<T>(NetlinkMessage message, [MaybeNullWhen(false)] out T value);

using System.Diagnostics.CodeAnalysis;
using Netlink.Messages;

namespace Netlink;

/// <summary>
/// Sees one reply message in place, in the receive buffer (no copy). The message is valid only
/// during the call. Runs on whichever caller is reading the connection's socket at the time
/// (often the requester itself): keep it short and never wait on another request of the same
/// connection from it (that request could only complete once this call returns).
/// </summary>
public delegate void NetlinkMessageVisitor(NetlinkMessage message);

/// <summary>Decodes one reply message in place into a value to keep; false skips the message.</summary>
public delegate bool NetlinkMessageDecoder<T>(NetlinkMessage message, [MaybeNullWhen(false)] out T value);

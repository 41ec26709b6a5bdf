using System.Text;
using Netlink.Messages;

namespace Netlink;

/// <summary>
/// Renders messages of one netlink family with schema names. Generated describers implement it;
/// tracing and <see cref="NetlinkException"/> messages use it when one is supplied.
/// </summary>
public interface INetlinkMessageDescriber
{
    /// <summary>The name of a family message type (<c>RTM_NEWLINK</c>), or null if unknown.</summary>
    string? GetMessageTypeName(ushort type);

    /// <summary>Appends an annotated rendering of <paramref name="message"/>'s payload to <paramref name="output"/>.</summary>
    /// <returns>False if the describer does not know the message (the tracer then prints hex only).</returns>
    bool TryDescribe(NetlinkMessage message, StringBuilder output);
}

using System.Text;
using Netlink.Messages;

namespace Netlink.Core.Tests.Engine;

/// <summary>A minimal describer naming two rtnetlink types, to test the pluggable names.</summary>
internal sealed class FakeRouteNames : INetlinkMessageDescriber
{
    public string? GetMessageTypeName(ushort type) => type switch
    {
        16 => "RTM_NEWLINK",
        18 => "RTM_GETLINK",
        _ => null,
    };

    public bool TryDescribe(NetlinkMessage message, StringBuilder output)
    {
        output.Append($"  described {GetMessageTypeName(message.Type) ?? "?"}");
        return true;
    }
}

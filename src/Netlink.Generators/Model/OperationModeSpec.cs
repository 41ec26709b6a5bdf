using Netlink.Generators.Helpers;

namespace Netlink.Generators.Model;

/// <summary>An operation's <c>do</c> or <c>dump</c>: message ids (-1 when absent) and attribute lists.</summary>
internal sealed record OperationModeSpec
{
    /// <summary>The request's message type (netlink-raw) or command (genetlink).</summary>
    public required int RequestValue { get; init; }

    /// <summary>The reply's message type or command; -1 when there is no reply.</summary>
    public required int ReplyValue { get; init; }

    /// <summary>Attributes the request may carry.</summary>
    public EquatableArray<string> RequestAttrs { get; init; }

    /// <summary>Attributes the reply carries.</summary>
    public EquatableArray<string> ReplyAttrs { get; init; }

    /// <summary>True if the spec declares a reply.</summary>
    public bool HasReply => ReplyValue >= 0;
}

namespace Netlink;

/// <summary>
/// The extended-ACK attributes (NLMSGERR_ATTR_*) the kernel appends to NLMSG_ERROR or NLMSG_DONE
/// when the socket has <see cref="NetlinkSocketOption.ExtAck"/> set and it has something to say.
/// </summary>
public sealed class NetlinkExtendedAck
{
    /// <summary>Human-readable error text from the kernel (NLMSGERR_ATTR_MSG), or null.</summary>
    public string? Message { get; init; }

    /// <summary>Byte offset, from the start of the request message, of the offending attribute (NLMSGERR_ATTR_OFFS), or null.</summary>
    public uint? Offset { get; init; }

    /// <summary>Opaque cookie (NLMSGERR_ATTR_COOKIE); empty if absent.</summary>
    public ReadOnlyMemory<byte> Cookie { get; init; }

    /// <summary>The raw policy of the rejected attribute (NLMSGERR_ATTR_POLICY, nested NL_POLICY_TYPE_ATTR_*); empty if absent.</summary>
    public ReadOnlyMemory<byte> Policy { get; init; }

    /// <summary>Type of a required attribute that was missing (NLMSGERR_ATTR_MISS_TYPE), or null.</summary>
    public uint? MissingAttributeType { get; init; }

    /// <summary>Offset of the nest that lacked <see cref="MissingAttributeType"/> (NLMSGERR_ATTR_MISS_NEST), or null for the top level.</summary>
    public uint? MissingNestOffset { get; init; }

    /// <summary>True if no attribute carried any information.</summary>
    public bool IsEmpty => Message is null && Offset is null && Cookie.IsEmpty && Policy.IsEmpty && MissingAttributeType is null;

    /// <inheritdoc/>
    public override string ToString()
    {
        var parts = new List<string>(4);
        if (Message is not null)
        {
            parts.Add(Message);
        }

        if (Offset is { } offset)
        {
            parts.Add($"at request offset {offset}");
        }

        if (MissingAttributeType is { } missing)
        {
            parts.Add(MissingNestOffset is { } nest ? $"missing attribute {missing} in nest at offset {nest}" : $"missing attribute {missing}");
        }

        return string.Join(", ", parts);
    }
}

namespace Netlink.Codegen;

/// <summary>
/// One item of a generated client's notification stream: a typed notification, or the overrun
/// marker (the kernel dropped notifications at this point: state cached from earlier ones must
/// be read again). The stream goes on after an overrun.
/// </summary>
/// <typeparam name="T">The family's notification type.</typeparam>
public readonly struct NetlinkNotification<T>
    where T : class
{
    private NetlinkNotification(T? value, uint groups)
    {
        Value = value;
        Groups = groups;
    }

    /// <summary>The overrun marker.</summary>
    public static NetlinkNotification<T> Overrun => default;

    /// <summary>True for the overrun marker: notifications were lost before this point.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(Value))]
    public bool IsOverrun => Value is null;

    /// <summary>The notification, or null for an overrun.</summary>
    public T? Value { get; }

    /// <summary>The multicast group bits of the datagram's source address (nl_groups).</summary>
    public uint Groups { get; }

    /// <summary>Wraps a decoded notification.</summary>
    public static NetlinkNotification<T> Of(T value, uint groups) => new(value ?? throw new ArgumentNullException(nameof(value)), groups);

    /// <inheritdoc/>
    public override string ToString() => IsOverrun ? "overrun (notifications lost)" : Value.ToString() ?? string.Empty;
}

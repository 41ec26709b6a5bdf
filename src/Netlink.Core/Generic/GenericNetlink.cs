using Netlink.Encoding;
using Netlink.Generic.Generated;
using Netlink.Messages;

namespace Netlink.Generic;

/// <summary>
/// Generic netlink name resolution through the kernel's controller family (nlctrl), using the
/// codecs generated from schemas/nlctrl.yaml. Generic families get their ids at runtime, so a
/// client resolves "ethtool", "wireguard", … by name before its first request.
/// </summary>
/// <example>
/// <code>
/// await using var genl = NetlinkConnection.Open(NetlinkProtocol.Generic);
/// GenericFamily ethtool = await genl.ResolveGenericFamilyAsync("ethtool");
/// uint monitor = ethtool.GetMulticastGroupId("monitor");
/// </code>
/// </example>
public static class GenericNetlink
{
    /// <summary>The controller's fixed family id (GENL_ID_CTRL).</summary>
    public const ushort ControllerId = 0x10;

    /// <summary>Longest family name the kernel accepts (GENL_NAMSIZ - 1).</summary>
    public const int MaxNameLength = 15;

    /// <summary>Looks a family up by name (CTRL_CMD_GETFAMILY with CTRL_ATTR_FAMILY_NAME).</summary>
    /// <exception cref="ArgumentException">The name is empty or longer than 15 bytes.</exception>
    /// <exception cref="NetlinkException">The family is not registered (ENOENT; its module may not be loaded) or the request failed.</exception>
    public static async Task<GenericFamily> ResolveGenericFamilyAsync(this NetlinkConnection connection, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (System.Text.Encoding.UTF8.GetByteCount(name) > MaxNameLength)
        {
            throw new ArgumentException($"generic netlink family names have at most {MaxNameLength} bytes; '{name}' is longer", nameof(name));
        }

        using NetlinkMessageWriterPool.Lease lease = NetlinkMessageWriterPool.Shared.Rent();
        using (Nlctrl.CtrlAttrsWriter attributes = Nlctrl.BeginGetfamilyRequest(lease.Writer, ControllerId, NlMsgFlags.Request))
        {
            attributes.WriteFamilyName(name);
        }

        GenericFamily? family = null;
        try
        {
            await connection.ExecuteAsync(lease.Writer, message => family ??= Decode(message), cancellationToken).ConfigureAwait(false);
        }
        catch (NetlinkException error) when (error.Errno == Errno.ENOENT)
        {
            throw new NetlinkException(error.Errno, $"resolve generic netlink family '{name}' (not registered; is its module loaded?)", error.ExtendedAck);
        }

        return family ?? throw new NetlinkDecodeException($"nlctrl answered the lookup of '{name}' without a usable family", 0);
    }

    /// <summary>Lists every registered generic netlink family (CTRL_CMD_GETFAMILY dump).</summary>
    public static async Task<IReadOnlyList<GenericFamily>> ListGenericFamiliesAsync(this NetlinkConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using NetlinkMessageWriterPool.Lease lease = NetlinkMessageWriterPool.Shared.Rent();
        Nlctrl.BeginGetfamilyDumpRequest(lease.Writer, ControllerId).End();
        return await connection.DumpAsync<GenericFamily>(lease.Writer, TryDecode, cancellationToken).ConfigureAwait(false);
    }

    private static bool TryDecode(NetlinkMessage message, out GenericFamily family)
    {
        family = Decode(message)!;
        return family is not null;
    }

    /// <summary>Decodes one CTRL_CMD_NEWFAMILY reply; null when it lacks the id or the name.</summary>
    private static GenericFamily? Decode(NetlinkMessage message)
    {
        if (!Nlctrl.TryReadGetfamily(message.Bytes, ControllerId, out Nlctrl.CtrlAttrsReader reader)
            || !reader.TryGetFamilyId(out ushort id) || !reader.TryGetFamilyName(out string? name))
        {
            return null;
        }

        var operations = new List<GenericOperation>();
        foreach (Nlctrl.OpAttrsReader op in reader.GetOps())
        {
            if (op.TryGetId(out uint opId))
            {
                operations.Add(new GenericOperation(opId, op.TryGetFlags(out Nlctrl.OpFlags flags) ? (uint)flags : 0));
            }
        }

        var groups = new Dictionary<string, uint>(StringComparer.Ordinal);
        foreach (Nlctrl.McastGroupAttrsReader group in reader.GetMcastGroups())
        {
            if (group.TryGetName(out string? groupName) && group.TryGetId(out uint groupId))
            {
                groups[groupName] = groupId;
            }
        }

        return new GenericFamily(
            name,
            id,
            reader.TryGetVersion(out uint version) ? version : 0,
            reader.TryGetHdrsize(out uint headerSize) ? headerSize : 0,
            reader.TryGetMaxattr(out uint maxAttribute) ? maxAttribute : 0,
            operations,
            groups);
    }
}

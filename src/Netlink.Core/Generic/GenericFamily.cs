namespace Netlink.Generic;

/// <summary>A generic netlink family as the kernel's controller (nlctrl) describes it.</summary>
/// <param name="Name">Family name (e.g. "nlctrl", "ethtool").</param>
/// <param name="Id">Family id: the netlink message type of its messages.</param>
/// <param name="Version">Protocol version.</param>
/// <param name="HeaderSize">Size of the family's user header after genlmsghdr.</param>
/// <param name="MaxAttribute">Highest attribute type of its top-level set.</param>
/// <param name="Operations">Commands the family supports.</param>
/// <param name="MulticastGroups">Multicast groups by name, with their ids.</param>
public sealed record GenericFamily(
    string Name,
    ushort Id,
    uint Version,
    uint HeaderSize,
    uint MaxAttribute,
    IReadOnlyList<GenericOperation> Operations,
    IReadOnlyDictionary<string, uint> MulticastGroups)
{
    /// <summary>The id of the multicast group <paramref name="groupName"/>.</summary>
    /// <exception cref="KeyNotFoundException">The family has no such group; the message lists the ones it has.</exception>
    public uint GetMulticastGroupId(string groupName)
    {
        ArgumentNullException.ThrowIfNull(groupName);
        if (MulticastGroups.TryGetValue(groupName, out uint id))
        {
            return id;
        }

        string known = MulticastGroups.Count == 0 ? "none" : string.Join(", ", MulticastGroups.Keys.Order(StringComparer.Ordinal));
        throw new KeyNotFoundException($"generic netlink family '{Name}' has no multicast group '{groupName}' (it has: {known})");
    }
}

/// <summary>One command of a generic netlink family.</summary>
/// <param name="Id">Command id (genlmsghdr.cmd).</param>
/// <param name="Flags">GENL_* flags: admin-perm, cmd-cap-do, cmd-cap-dump, …</param>
public sealed record GenericOperation(uint Id, uint Flags);

using System.Net.NetworkInformation;
using System.Runtime.CompilerServices;

namespace Netlink.Encoding;

/// <summary>
/// The bytes of a <see cref="PhysicalAddress"/> without the copy <see cref="PhysicalAddress.GetAddressBytes"/>
/// makes (it has no span API), so writing a MAC attribute allocates nothing. The view is read-only;
/// should a future runtime rename the private field, this falls back to the copying call.
/// </summary>
public static class PhysicalAddressBytes
{
    private static bool s_accessorMissing;

    /// <summary>The address bytes (empty for <see cref="PhysicalAddress.None"/>).</summary>
    public static ReadOnlySpan<byte> Get(PhysicalAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!s_accessorMissing)
        {
            try
            {
                return AddressField(address);
            }
            catch (MissingFieldException)
            {
                s_accessorMissing = true;
            }
        }

        return address.GetAddressBytes();
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_address")]
    private static extern ref byte[] AddressField(PhysicalAddress address);
}

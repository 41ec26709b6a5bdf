using System.Buffers.Binary;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Netlink.Encoding;

/// <summary>
/// Attributes whose payload has a fixed size taken from a typed .NET value (an address, a UUID, a
/// fixed-length byte string). Each checks the value against what the attribute holds and throws
/// an <see cref="ArgumentException"/> naming the attribute before anything is appended, so a
/// wrong value never reaches the kernel as zeros or a truncated copy.
/// </summary>
public sealed partial class NetlinkMessageWriter
{
    /// <summary>Appends a 4-byte IPv4 address (network order): a YNL <c>display-hint: ipv4</c> binary, or a big-endian u32 with that hint.</summary>
    /// <param name="type">The attribute type.</param>
    /// <param name="address">An IPv4 address.</param>
    /// <param name="attribute">The attribute's spec name, for the error message.</param>
    /// <exception cref="ArgumentException"><paramref name="address"/> is not IPv4.</exception>
    public void WriteIPv4Address(ushort type, IPAddress address, string attribute) =>
        WriteAddress(type, address, attribute, AddressFamily.InterNetwork);

    /// <summary>Appends a 16-byte IPv6 address (YNL <c>display-hint: ipv6</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="address"/> is not IPv6.</exception>
    public void WriteIPv6Address(ushort type, IPAddress address, string attribute) =>
        WriteAddress(type, address, attribute, AddressFamily.InterNetworkV6);

    /// <summary>Appends an IPv4 (4 bytes) or IPv6 (16 bytes) address (YNL <c>display-hint: ipv4-or-v6</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="address"/> is neither IPv4 nor IPv6.</exception>
    public void WriteIPAddress(ushort type, IPAddress address, string attribute) =>
        WriteAddress(type, address, attribute, AddressFamily.Unspecified);

    /// <summary>Appends a hardware address (YNL <c>display-hint: mac</c>).</summary>
    /// <param name="type">The attribute type.</param>
    /// <param name="address">The address.</param>
    /// <param name="attribute">The attribute's spec name, for the error message.</param>
    /// <param name="exactLength">The length the spec fixes (<c>checks: exact-len</c>), or 0 for any non-empty length.</param>
    /// <exception cref="ArgumentException">The address is empty or not <paramref name="exactLength"/> bytes long.</exception>
    public void WritePhysicalAddress(ushort type, PhysicalAddress address, string attribute, int exactLength = 0)
    {
        ArgumentNullException.ThrowIfNull(address);
        ReadOnlySpan<byte> bytes = PhysicalAddressBytes.Get(address);
        if (bytes.IsEmpty || (exactLength > 0 && bytes.Length != exactLength))
        {
            string expected = exactLength > 0 ? $"{exactLength} bytes" : "at least one byte";
            throw new ArgumentException($"attribute '{attribute}' takes a hardware address of {expected}; '{address}' has {bytes.Length}", nameof(address));
        }

        WriteAttribute(type, bytes);
    }

    /// <summary>Appends a binary attribute whose spec fixes its length (<c>checks: exact-len</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not <paramref name="exactLength"/> bytes long.</exception>
    public void WriteFixedLengthBinary(ushort type, ReadOnlySpan<byte> value, int exactLength, string attribute)
    {
        if (value.Length != exactLength)
        {
            throw new ArgumentException($"attribute '{attribute}' takes exactly {exactLength} bytes; got {value.Length}", nameof(value));
        }

        WriteAttribute(type, value);
    }

    /// <summary>Appends a binary attribute whose spec bounds its length (<c>checks: min-len</c>/<c>max-len</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is shorter than <paramref name="minLength"/> or longer than <paramref name="maxLength"/>.</exception>
    public void WriteBoundedBinary(ushort type, ReadOnlySpan<byte> value, int minLength, int maxLength, string attribute)
    {
        if (value.Length < minLength || value.Length > maxLength)
        {
            throw new ArgumentException($"attribute '{attribute}' takes {minLength} to {maxLength} bytes; got {value.Length}", nameof(value));
        }

        WriteAttribute(type, value);
    }

    /// <summary>Appends a 16-byte UUID in RFC 4122 (big-endian) byte order (YNL <c>display-hint: uuid</c>).</summary>
    public void WriteGuid(ushort type, Guid value)
    {
        if (!value.TryWriteBytes(BeginAttribute(type, 16), bigEndian: true, out int written) || written != 16)
        {
            throw new InvalidOperationException("a Guid did not fill 16 bytes");
        }
    }

    /// <summary>Appends a network-order (big-endian) s16 attribute.</summary>
    public void WriteS16BigEndian(ushort type, short value) => BinaryPrimitives.WriteInt16BigEndian(BeginAttribute(type, 2), value);

    /// <summary>Appends a network-order (big-endian) s32 attribute.</summary>
    public void WriteS32BigEndian(ushort type, int value) => BinaryPrimitives.WriteInt32BigEndian(BeginAttribute(type, 4), value);

    /// <summary>Appends a network-order (big-endian) s64 attribute.</summary>
    public void WriteS64BigEndian(ushort type, long value) => BinaryPrimitives.WriteInt64BigEndian(BeginAttribute(type, 8), value);

    private void WriteAddress(ushort type, IPAddress address, string attribute, AddressFamily required)
    {
        ArgumentNullException.ThrowIfNull(address);
        int size = address.AddressFamily switch
        {
            AddressFamily.InterNetwork when required is AddressFamily.InterNetwork or AddressFamily.Unspecified => 4,
            AddressFamily.InterNetworkV6 when required is AddressFamily.InterNetworkV6 or AddressFamily.Unspecified => 16,
            _ => 0,
        };
        if (size == 0)
        {
            string expected = required switch
            {
                AddressFamily.InterNetwork => "an IPv4 address",
                AddressFamily.InterNetworkV6 => "an IPv6 address",
                _ => "an IPv4 or IPv6 address",
            };
            throw new ArgumentException($"attribute '{attribute}' takes {expected}; {address} is {address.AddressFamily}", nameof(address));
        }

        // Checked before the attribute header is appended, so a failure leaves nothing behind.
        if (!address.TryWriteBytes(BeginAttribute(type, size), out int written) || written != size)
        {
            throw new InvalidOperationException($"{address} did not fill the {size} bytes of attribute '{attribute}'");
        }
    }
}

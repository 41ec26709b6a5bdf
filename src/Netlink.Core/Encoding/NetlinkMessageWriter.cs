using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Netlink.Messages;

namespace Netlink.Encoding;

/// <summary>
/// Builds one or more netlink messages into a pooled, growable buffer. Reuse one writer (call
/// <see cref="Clear"/>) and encoding allocates nothing once the buffer has grown to size.
/// Spans handed out by <see cref="Reserve"/> and <see cref="BeginAttribute"/> stay valid only
/// until the next write, because the buffer may move when it grows.
/// </summary>
public sealed partial class NetlinkMessageWriter : IDisposable
{
    private byte[] _buffer;
    private int _length;
    private bool _disposed;

    /// <summary>Creates a writer whose buffer starts at <paramref name="initialCapacity"/> bytes.</summary>
    public NetlinkMessageWriter(int initialCapacity = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialCapacity);
        _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    }

    /// <summary>Bytes written so far.</summary>
    public int Length => _length;

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    /// <summary>The bytes written so far, as memory (valid until the next write or <see cref="Clear"/>).</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    /// <summary>Forgets everything written; keeps the buffer.</summary>
    public void Clear() => _length = 0;

    /// <summary>Starts a message: writes its header with a length patched by <see cref="EndMessage"/>.</summary>
    /// <returns>The message start, to pass to <see cref="EndMessage"/>.</returns>
    public int BeginMessage(ushort type, NlMsgFlags flags, uint sequence = 0, uint portId = 0)
    {
        AlignTo4();
        int start = _length;
        var header = new NlMsgHeader { Length = 0, Type = type, Flags = flags, Sequence = sequence, PortId = portId };
        header.Write(Grow(NlMsgHeader.Size));
        return start;
    }

    /// <summary>Finishes the message started at <paramref name="start"/>: pads it and patches nlmsg_len.</summary>
    public void EndMessage(int start)
    {
        CheckStart(start, NlMsgHeader.Size);
        AlignTo4();
        NlMsgHeader.WriteLength(_buffer.AsSpan(start), (uint)(_length - start));
    }

    /// <summary>Overwrites the sequence number and port id of the message started at <paramref name="start"/>.</summary>
    public void SetSequence(int start, uint sequence, uint portId = 0)
    {
        CheckStart(start, NlMsgHeader.Size);
        Span<byte> header = _buffer.AsSpan(start, NlMsgHeader.Size);
        MemoryMarshal.Write(header[8..], in sequence);
        MemoryMarshal.Write(header[12..], in portId);
    }

    /// <summary>Sets extra flags on the message started at <paramref name="start"/> (the request engine adds NLM_F_ACK).</summary>
    internal void AddFlags(int start, NlMsgFlags flags)
    {
        CheckStart(start, NlMsgHeader.Size);
        Span<byte> field = _buffer.AsSpan(start + 6, 2);
        ushort value = (ushort)(MemoryMarshal.Read<ushort>(field) | (ushort)flags);
        MemoryMarshal.Write(field, in value);
    }

    /// <summary>Appends <paramref name="length"/> zeroed bytes (padded to 4) and returns them to fill.</summary>
    public Span<byte> Reserve(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Span<byte> span = Grow(NlAlign.Align(length));
        span.Clear();
        return span[..length];
    }

    /// <summary>Appends a fixed-layout struct (a family header such as ifinfomsg), padded to 4.</summary>
    public void WriteStruct<T>(in T value)
        where T : unmanaged => MemoryMarshal.Write(Reserve(Unsafe.SizeOf<T>()), in value);

    /// <summary>Appends an attribute header and returns its zeroed payload of <paramref name="payloadLength"/> bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The payload does not fit in one attribute.</exception>
    public Span<byte> BeginAttribute(ushort type, int payloadLength)
    {
        if ((uint)payloadLength > NlAttribute.MaxPayload)
        {
            throw new ArgumentOutOfRangeException(nameof(payloadLength), payloadLength, $"attribute {type & NlAttribute.TypeMask} payload exceeds {NlAttribute.MaxPayload} bytes");
        }

        AlignTo4();
        Span<byte> span = Grow(NlAlign.Align(NlAttribute.HeaderSize + payloadLength));
        span.Clear();
        ushort length = (ushort)(NlAttribute.HeaderSize + payloadLength);
        MemoryMarshal.Write(span, in length);
        MemoryMarshal.Write(span[2..], in type);
        return span.Slice(NlAttribute.HeaderSize, payloadLength);
    }

    /// <summary>Appends an attribute with the given payload.</summary>
    public void WriteAttribute(ushort type, ReadOnlySpan<byte> payload) => payload.CopyTo(BeginAttribute(type, payload.Length));

    /// <summary>Appends an attribute whose payload is a fixed-layout struct.</summary>
    public void WriteAttribute<T>(ushort type, in T value)
        where T : unmanaged => MemoryMarshal.Write(BeginAttribute(type, Unsafe.SizeOf<T>()), in value);

    /// <summary>Appends an attribute with no payload (YNL <c>flag</c>).</summary>
    public void WriteFlag(ushort type) => BeginAttribute(type, 0);

    /// <summary>Appends a u8 attribute.</summary>
    public void WriteU8(ushort type, byte value) => BeginAttribute(type, 1)[0] = value;

    /// <summary>Appends a host-order u16 attribute.</summary>
    public void WriteU16(ushort type, ushort value) => WriteAttribute(type, in value);

    /// <summary>Appends a host-order u32 attribute.</summary>
    public void WriteU32(ushort type, uint value) => WriteAttribute(type, in value);

    /// <summary>Appends a host-order u64 attribute.</summary>
    public void WriteU64(ushort type, ulong value) => WriteAttribute(type, in value);

    /// <summary>Appends an s8 attribute.</summary>
    public void WriteS8(ushort type, sbyte value) => BeginAttribute(type, 1)[0] = unchecked((byte)value);

    /// <summary>Appends a host-order s16 attribute.</summary>
    public void WriteS16(ushort type, short value) => WriteAttribute(type, in value);

    /// <summary>Appends a host-order s32 attribute.</summary>
    public void WriteS32(ushort type, int value) => WriteAttribute(type, in value);

    /// <summary>Appends a host-order s64 attribute.</summary>
    public void WriteS64(ushort type, long value) => WriteAttribute(type, in value);

    /// <summary>Appends a YNL <c>uint</c>: 4 bytes when the value fits, else 8 (as the kernel's nla_put_uint).</summary>
    public void WriteUInt(ushort type, ulong value)
    {
        if (value <= uint.MaxValue)
        {
            WriteU32(type, (uint)value);
        }
        else
        {
            WriteU64(type, value);
        }
    }

    /// <summary>Appends a YNL <c>sint</c>: 4 bytes when the value fits, else 8.</summary>
    public void WriteSInt(ushort type, long value)
    {
        if (value is >= int.MinValue and <= int.MaxValue)
        {
            WriteS32(type, (int)value);
        }
        else
        {
            WriteS64(type, value);
        }
    }

    /// <summary>Appends a network-order (big-endian) u16 attribute.</summary>
    public void WriteU16BigEndian(ushort type, ushort value) => BinaryPrimitives.WriteUInt16BigEndian(BeginAttribute(type, 2), value);

    /// <summary>Appends a network-order (big-endian) u32 attribute.</summary>
    public void WriteU32BigEndian(ushort type, uint value) => BinaryPrimitives.WriteUInt32BigEndian(BeginAttribute(type, 4), value);

    /// <summary>Appends a network-order (big-endian) u64 attribute.</summary>
    public void WriteU64BigEndian(ushort type, ulong value) => BinaryPrimitives.WriteUInt64BigEndian(BeginAttribute(type, 8), value);

    /// <summary>
    /// Appends a NUL-terminated string attribute without allocating: UTF-8, where U+DC80..U+DCFF
    /// stand for raw bytes (<see cref="LosslessUtf8"/>), so every string the kernel sent comes back
    /// as the same bytes.
    /// </summary>
    /// <exception cref="ArgumentException">The string contains a NUL character, or cannot become bytes that read back as it (a lone surrogate).</exception>
    public void WriteString(ushort type, ReadOnlySpan<char> value)
    {
        if (value.Contains('\0'))
        {
            throw new ArgumentException($"string for attribute {type & NlAttribute.TypeMask} contains a NUL character", nameof(value));
        }

        int byteCount = LosslessUtf8.GetByteCount(value, nameof(value));
        Span<byte> payload = BeginAttribute(type, byteCount + 1);
        LosslessUtf8.GetBytes(value, payload, nameof(value));
    }

    /// <summary>Starts a nested attribute; its length is patched by <see cref="EndNested"/>.</summary>
    /// <param name="type">The attribute type.</param>
    /// <param name="setNestedFlag">Set NLA_F_NESTED (newer kernels require it for some families; rtnetlink does not).</param>
    /// <returns>The nest start, to pass to <see cref="EndNested"/>.</returns>
    public int BeginNested(ushort type, bool setNestedFlag = false)
    {
        int start = AlignedLength();
        BeginAttribute(setNestedFlag ? (ushort)(type | NlAttribute.NestedFlag) : type, 0);
        return start;
    }

    /// <summary>Finishes the nest started at <paramref name="start"/> by patching its nla_len.</summary>
    /// <exception cref="InvalidOperationException">The nest grew beyond 65,535 bytes.</exception>
    public void EndNested(int start)
    {
        CheckStart(start, NlAttribute.HeaderSize);
        int length = _length - start;
        if (length > ushort.MaxValue)
        {
            ushort type = MemoryMarshal.Read<ushort>(_buffer.AsSpan(start + 2));
            throw new InvalidOperationException($"nested attribute {type & NlAttribute.TypeMask} is {length} bytes, more than one attribute can hold (65535)");
        }

        ushort length16 = (ushort)length;
        MemoryMarshal.Write(_buffer.AsSpan(start), in length16);
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _length = 0;
    }

    private int AlignedLength() => NlAlign.Align(_length);

    private void AlignTo4()
    {
        int aligned = AlignedLength();
        if (aligned != _length)
        {
            Grow(aligned - _length).Clear();
        }
    }

    private void CheckStart(int start, int minimum)
    {
        if (start < 0 || start + minimum > _length)
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, "not a position returned by this writer");
        }
    }

    private Span<byte> Grow(int count)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int needed = _length + count;
        if (needed > _buffer.Length)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        Span<byte> span = _buffer.AsSpan(_length, count);
        _length = needed;
        return span;
    }
}

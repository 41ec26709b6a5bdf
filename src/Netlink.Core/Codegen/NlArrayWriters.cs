using Netlink.Encoding;

namespace Netlink.Codegen;

/// <summary>A generated attribute-set writer that can be opened on a scope (a nest another writer started).</summary>
public interface INlNestedWriter<TSelf>
    where TSelf : allows ref struct
{
    /// <summary>A writer appending inside <paramref name="scope"/>, which its End closes.</summary>
    static abstract TSelf Create(NlWriterScope scope);
}

/// <summary>Writes the items of an indexed array of nests; indices count from 0 unless given.</summary>
public ref struct NlArrayWriter<TItemWriter>
    where TItemWriter : INlNestedWriter<TItemWriter>, allows ref struct
{
    private readonly NetlinkMessageWriter _writer;
    private readonly int _start;
    private readonly bool _nestedFlag;
    private ushort _next;

    /// <summary>Opens the array attribute <paramref name="type"/>.</summary>
    public NlArrayWriter(NetlinkMessageWriter writer, ushort type, bool nestedFlag)
    {
        _writer = writer ?? throw new ArgumentNullException(nameof(writer));
        _nestedFlag = nestedFlag;
        _start = writer.BeginNested(type, nestedFlag);
        _next = 0;
    }

    /// <summary>Starts the next item (end it before the next).</summary>
    public TItemWriter BeginItem() => BeginItem(_next);

    /// <summary>Starts the item with index <paramref name="index"/>; later items count on from it.</summary>
    public TItemWriter BeginItem(ushort index)
    {
        _next = (ushort)(index + 1);
        return TItemWriter.Create(NlWriterScope.Nest(_writer, index, _nestedFlag));
    }

    /// <summary>Patches the array's length.</summary>
    public readonly void End() => _writer.EndNested(_start);

    /// <summary>Same as End (enables using).</summary>
    public readonly void Dispose() => End();
}

/// <summary>Writes the items of an indexed array of integers; indices count from 0 unless given.</summary>
public ref struct NlScalarArrayWriter<T>
    where T : unmanaged
{
    private readonly NetlinkMessageWriter _writer;
    private readonly int _start;
    private readonly NlWire _wire;
    private ushort _next;

    /// <summary>Opens the array attribute <paramref name="type"/>.</summary>
    public NlScalarArrayWriter(NetlinkMessageWriter writer, ushort type, bool nestedFlag, NlWire wire)
    {
        _writer = writer ?? throw new ArgumentNullException(nameof(writer));
        _wire = wire;
        _start = writer.BeginNested(type, nestedFlag);
        _next = 0;
    }

    /// <summary>Appends the next item.</summary>
    public void Add(T value) => Add(_next, value);

    /// <summary>Appends the item with index <paramref name="index"/>; later items count on from it.</summary>
    public void Add(ushort index, T value)
    {
        _next = (ushort)(index + 1);
        NlScalar.Write(_writer, index, _wire, NlValues.Bits(value, NlScalar.IsSigned(_wire)));
    }

    /// <summary>Patches the array's length.</summary>
    public readonly void End() => _writer.EndNested(_start);

    /// <summary>Same as End (enables using).</summary>
    public readonly void Dispose() => End();
}

/// <summary>Writes the items of an indexed array of strings or bytes; indices count from 0 unless given.</summary>
public ref struct NlBytesArrayWriter
{
    private readonly NetlinkMessageWriter _writer;
    private readonly int _start;
    private readonly int _exactLength;
    private readonly string _attribute;
    private ushort _next;

    /// <summary>Opens the array attribute <paramref name="type"/>; items must be <paramref name="exactLength"/> bytes when it is positive.</summary>
    public NlBytesArrayWriter(NetlinkMessageWriter writer, ushort type, bool nestedFlag, int exactLength, string attribute)
    {
        _writer = writer ?? throw new ArgumentNullException(nameof(writer));
        _exactLength = exactLength;
        _attribute = attribute;
        _start = writer.BeginNested(type, nestedFlag);
        _next = 0;
    }

    /// <summary>Appends the next item.</summary>
    public void Add(ReadOnlySpan<byte> value) => Add(_next, value);

    /// <summary>Appends the item with index <paramref name="index"/>; later items count on from it.</summary>
    /// <exception cref="ArgumentException">The array's items have a fixed length and this one differs.</exception>
    public void Add(ushort index, ReadOnlySpan<byte> value)
    {
        if (_exactLength > 0)
        {
            _writer.WriteFixedLengthBinary(index, value, _exactLength, _attribute);
        }
        else
        {
            _writer.WriteAttribute(index, value);
        }

        _next = (ushort)(index + 1);
    }

    /// <summary>Appends the next item, a NUL-terminated string.</summary>
    public void AddString(ReadOnlySpan<char> value) => AddString(_next, value);

    /// <summary>Appends the string item with index <paramref name="index"/>.</summary>
    public void AddString(ushort index, ReadOnlySpan<char> value)
    {
        _writer.WriteString(index, value);
        _next = (ushort)(index + 1);
    }

    /// <summary>Patches the array's length.</summary>
    public readonly void End() => _writer.EndNested(_start);

    /// <summary>Same as End (enables using).</summary>
    public readonly void Dispose() => End();
}

using Netlink.Encoding;

namespace Netlink.Codegen;

/// <summary>
/// What a generated attribute-set writer has to close when it ends: the nests it opened
/// (innermost last, up to four for nest-type-value) and, for a request builder, the message.
/// </summary>
public readonly struct NlWriterScope
{
    private readonly int _message;
    private readonly int _nest0;
    private readonly int _nest1;
    private readonly int _nest2;
    private readonly int _nest3;

    /// <summary>Writes at the writer's current position; ending closes nothing.</summary>
    public NlWriterScope(NetlinkMessageWriter writer)
        : this(writer, -1, -1)
    {
    }

    private NlWriterScope(NetlinkMessageWriter writer, int message, int nest0, int nest1 = -1, int nest2 = -1, int nest3 = -1)
    {
        Writer = writer ?? throw new ArgumentNullException(nameof(writer));
        _message = message;
        _nest0 = nest0;
        _nest1 = nest1;
        _nest2 = nest2;
        _nest3 = nest3;
    }

    /// <summary>The message writer.</summary>
    public NetlinkMessageWriter Writer { get; }

    /// <summary>A scope that ends the message started at <paramref name="message"/>.</summary>
    public static NlWriterScope Message(NetlinkMessageWriter writer, int message) => new(writer, message, -1);

    /// <summary>A scope that ends the nests started at the given positions (-1 for none), innermost last.</summary>
    public static NlWriterScope Nests(NetlinkMessageWriter writer, int nest0, int nest1 = -1, int nest2 = -1, int nest3 = -1) =>
        new(writer, -1, nest0, nest1, nest2, nest3);

    /// <summary>A scope that ends one nest of attribute <paramref name="type"/> opened now.</summary>
    public static NlWriterScope Nest(NetlinkMessageWriter writer, ushort type, bool setNestedFlag) =>
        new(writer, -1, writer.BeginNested(type, setNestedFlag));

    /// <summary>Patches the nests' lengths (innermost first), then the message's.</summary>
    public void End()
    {
        if (Writer is null)
        {
            return;
        }

        if (_nest3 >= 0)
        {
            Writer.EndNested(_nest3);
        }

        if (_nest2 >= 0)
        {
            Writer.EndNested(_nest2);
        }

        if (_nest1 >= 0)
        {
            Writer.EndNested(_nest1);
        }

        if (_nest0 >= 0)
        {
            Writer.EndNested(_nest0);
        }

        if (_message >= 0)
        {
            Writer.EndMessage(_message);
        }
    }
}

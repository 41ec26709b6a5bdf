using Netlink;

namespace Nlctl.Output;

/// <summary>
/// Names whose bytes are not UTF-8 reach nlctl with lossless escapes (<see cref="LosslessUtf8"/>:
/// the byte FA is U+DCFA). Text output writes those bytes back unchanged (<see cref="LosslessTextEncoding"/>),
/// as ip does; JSON cannot carry them, and a message should be readable, so there they are shown as
/// <c>\xfa</c> (backslashes doubled), which never makes two names look alike.
/// </summary>
internal static class Printable
{
    /// <summary><paramref name="text"/> unchanged, or its <c>\xNN</c> form when it holds bytes that are not UTF-8.</summary>
    public static string Name(string text) => LosslessUtf8.ContainsEscapes(text) ? LosslessUtf8.ToPrintable(text) : text;

    /// <summary>As <see cref="Name(string)"/>, for optional values.</summary>
    public static string? NameOrNull(string? text) => text is null ? null : Name(text);
}

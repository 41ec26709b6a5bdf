namespace Netlink.Generators.Codecs;

/// <summary>
/// Every type generated code names outside its own family, fully qualified with <c>global::</c>,
/// so a spec that defines a struct called <c>span</c> or <c>ip-address</c> cannot shadow them.
/// </summary>
internal static class Globals
{
    public const string Bytes = "global::System.ReadOnlySpan<byte>";
    public const string Chars = "global::System.ReadOnlySpan<char>";
    public const string IPAddress = "global::System.Net.IPAddress";
    public const string PhysicalAddress = "global::System.Net.NetworkInformation.PhysicalAddress";
    public const string GuidType = "global::System.Guid";
    public const string NotNullWhenTrue = "[global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] ";
    public const string MaybeNullWhenFalse = "[global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] ";
    public const string List = "global::System.Collections.Generic.List";
    public const string ReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";
    public const string Utf8 = "global::System.Text.Encoding.UTF8";
    public const string MessageWriter = "global::Netlink.Encoding.NetlinkMessageWriter";
    public const string AttributeType = "global::Netlink.Encoding.NlAttribute";
    public const string AttributeEnumerator = "global::Netlink.Encoding.NlAttributeEnumerator";
    public const string Scanner = "global::Netlink.Encoding.NlAttributeScanner";
    public const string Align = "global::Netlink.Encoding.NlAlign";
    public const string MsgFlags = "global::Netlink.Messages.NlMsgFlags";
    public const string MsgHeader = "global::Netlink.Messages.NlMsgHeader";
    public const string Message = "global::Netlink.Messages.NetlinkMessage";
    public const string Read = "global::Netlink.Codegen.NlRead";
    public const string Wire = "global::Netlink.Codegen.NlWire";
    public const string Index = "global::Netlink.Codegen.NlIndex";
    public const string Filter = "global::Netlink.Codegen.NlAttributeFilter";
    public const string Scope = "global::Netlink.Codegen.NlWriterScope";
    public const string Values = "global::Netlink.Codegen.NlValues";
    public const string Bitfield32 = "global::Netlink.Codegen.NlBitfield32";
    public const string Indexed = "global::Netlink.Codegen.NlIndexed";
    public const string TypeValue = "global::Netlink.Codegen.NlTypeValue";
    public const string Describe = "global::Netlink.Codegen.DescribeWriter";
    public const string Hint = "global::Netlink.Codegen.DescribeHint";
    public const string FlagText = "global::Netlink.Codegen.FlagText";
    public const string MessageKind = "global::Netlink.NetlinkMessageKind";
    public const string Codegen = "global::Netlink.Codegen";
}

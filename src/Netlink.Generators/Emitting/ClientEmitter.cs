using System.Collections.Generic;
using System.Linq;
using Netlink.Generators.Codecs;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;
using static Netlink.Generators.Codecs.Globals;

namespace Netlink.Generators.Emitting;

/// <summary>
/// The typed client, <c>{Family}Client</c>: <c>OpenAsync</c> opens the socket (genetlink: resolves
/// the family and its groups by name; netlink-raw: the spec's protonum), then one method per
/// operation: <c>{Op}Async</c> for do, <c>{Op}DumpAsync</c> streaming a dump to its end, and one
/// notification stream per multicast group. Requests are written and replies read with the
/// generated zero-allocation writers and readers.
/// </summary>
internal static class ClientEmitter
{
    private const string Tasks = "global::System.Threading.Tasks";
    private const string Token = "global::System.Threading.CancellationToken";

    public static string Emit(EmitContext ctx)
    {
        FamilySpec f = ctx.Family;
        string n = f.Cs.Bare + "Client";
        SourceWriter w = SourceFile.Begin(f);
        w.Line($"/// <summary>A typed client of the '{CodecSite.Xml(f.Name)}' netlink family ({SourceFile.Protocol(f.Protocol)}, spec {CodecSite.Xml(f.SpecFile)}): one method per operation. Thread-safe.</summary>");
        w.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"Netlink.Generators\", \"{SourceFile.Version}\")]");
        w.Open($"public sealed partial class {n} : {Codegen}.NetlinkFamilyClient");
        w.Line($"private {n}(global::Netlink.NetlinkConnection connection, global::Netlink.Generic.GenericFamily? family, global::Netlink.NetworkNamespace? netns)");
        w.Line($"    : base(connection, (global::Netlink.NetlinkProtocol){f.Protonum}, family, netns)");
        w.Line("{");
        w.Line("}");
        w.Line();
        EmitOpen(w, f, n);
        var methods = new NameScope("OpenAsync", "Dispose", "DisposeAsync", "Connection", "Protocol", "GenericFamily", "FamilyId", "ReadNotification");
        foreach (OperationSpec op in f.Operations)
        {
            EmitOperation(w, ctx, op, methods);
        }

        EmitNotifications(w, ctx, methods);
        w.Close();
        return w.ToString();
    }

    private static void EmitOpen(SourceWriter w, FamilySpec f, string n)
    {
        string what = f.IsGenetlink ? $"resolves the generic netlink family '{CodecSite.Xml(f.Name)}' and its multicast groups by name" : $"opens netlink protocol {f.Protonum}";
        w.Line($"/// <summary>Opens a client in <paramref name=\"netns\"/> (null: the current namespace) and {what}. The client keeps its own reference to the namespace.</summary>");
        w.Line($"public static {Tasks}.Task<{n}> OpenAsync(global::Netlink.NetworkNamespace? netns = null, {Token} cancellationToken = default) => OpenAsync(netns, null, cancellationToken);");
        w.Line();
        w.Line($"/// <summary>As <see cref=\"OpenAsync(global::Netlink.NetworkNamespace?, {Token})\"/>, with connection options (timeout, strict checking…).</summary>");
        if (f.IsGenetlink)
        {
            w.Open($"public static async {Tasks}.Task<{n}> OpenAsync(global::Netlink.NetworkNamespace? netns, global::Netlink.NetlinkConnectionOptions? options, {Token} cancellationToken = default)");
            w.Line($"var (connection, family, own) = await OpenGenericAsync({f.Cs}.FamilyName, netns, options, cancellationToken).ConfigureAwait(false);");
            w.Line($"return new {n}(connection, family, own);");
        }
        else
        {
            w.Open($"public static {Tasks}.Task<{n}> OpenAsync(global::Netlink.NetworkNamespace? netns, global::Netlink.NetlinkConnectionOptions? options, {Token} cancellationToken = default)");
            w.Line("cancellationToken.ThrowIfCancellationRequested();");
            w.Line($"var (connection, own) = OpenRaw({f.Cs}.Protonum, netns, options);");
            w.Line($"return {Tasks}.Task.FromResult(new {n}(connection, null, own));");
        }

        w.Close();
        w.Line();
    }

    private static void EmitOperation(SourceWriter w, EmitContext ctx, OperationSpec op, NameScope methods)
    {
        if (op.Do is null && op.Dump is null)
        {
            return;
        }

        FamilySpec f = ctx.Family;
        string request = $"{f.Cs}.{op.RequestClass}";
        string reply = $"{f.Cs}.{op.ReplyClass}";
        string write = methods.Reserve("Write" + op.Cs.Bare);
        string read = methods.Reserve("Read" + op.Cs.Bare + "Reply");
        string doc = op.Doc is { } d ? " " + CodecSite.Xml(d.Trim().Replace('\n', ' ')) : string.Empty;
        if (op.Do is { } mode)
        {
            w.Line($"/// <summary>'{CodecSite.Xml(op.Name)}' (do).{doc}</summary>");
            w.Line("/// <exception cref=\"global::Netlink.NetlinkException\">The kernel refused the request (errno and extended ACK).</exception>");
            string name = methods.Reserve(op.Cs.Bare + "Async");
            w.Open(mode.HasReply
                ? $"public async {Tasks}.Task<{reply}> {name}({request}? request = null, {Token} cancellationToken = default)"
                : $"public async {Tasks}.Task {name}({request}? request = null, {Token} cancellationToken = default)");
            w.Line("using global::Netlink.Encoding.NetlinkMessageWriterPool.Lease lease = global::Netlink.Encoding.NetlinkMessageWriterPool.Shared.Rent();");
            w.Line($"{write}(lease.Writer, request ?? new(), dump: false);");
            w.Line(mode.HasReply
                ? $"return await RequestAsync<{reply}>(lease.Writer, {read}, {Naming.Literal(op.Name)}, cancellationToken).ConfigureAwait(false);"
                : "await AcknowledgedAsync(lease.Writer, cancellationToken).ConfigureAwait(false);");
            w.Close();
            w.Line();
        }

        if (op.Dump is not null)
        {
            w.Line($"/// <summary>'{CodecSite.Xml(op.Name)}' (dump), streamed: each reply as its datagram arrives, to the dump's end; the socket is read only as the consumer pulls.{doc}</summary>");
            w.Line("/// <exception cref=\"global::Netlink.NetlinkException\">The kernel refused the dump (thrown when enumerating).</exception>");
            w.Open($"public global::System.Collections.Generic.IAsyncEnumerable<{reply}> {methods.Reserve(op.Cs.Bare + "DumpAsync")}({request}? request = null, {Token} cancellationToken = default)");
            w.Line("using global::Netlink.Encoding.NetlinkMessageWriterPool.Lease lease = global::Netlink.Encoding.NetlinkMessageWriterPool.Shared.Rent();");
            w.Line($"{write}(lease.Writer, request ?? new(), dump: true);");
            w.Line($"return StreamAsync<{reply}>(lease.Writer, {read}, cancellationToken);");
            w.Close();
            w.Line();
        }

        EmitWrite(w, ctx, op, write, request);
        if (op.Do is { HasReply: true } || op.Dump is not null)
        {
            EmitRead(w, ctx, op, read, reply);
        }
    }

    private static void EmitWrite(SourceWriter w, EmitContext ctx, OperationSpec op, string method, string request)
    {
        FamilySpec f = ctx.Family;
        (string header, string flags) = TypedOperationEmitter.MemberNames(ctx, op);
        var args = new List<string> { "writer" };
        if (f.IsGenetlink)
        {
            args.Add("FamilyId");
        }

        if (op.FixedHeader is not null)
        {
            args.Add($"request.{header}");
        }

        string Builder(bool dump) =>
            $"{f.Cs}.Begin{op.Cs.Bare}{(dump ? "DumpRequest" : "Request")}({string.Join(", ", args)}, {MsgFlags}.Request | {MsgFlags}.{(dump ? "Dump" : "Ack")} | request.{flags})";
        string begin = op.Do is not null && op.Dump is not null
            ? $"dump ? {Builder(dump: true)} : {Builder(dump: false)}"
            : Builder(dump: op.Do is null);
        w.Open($"private void {method}({MessageWriter} writer, {request} request, bool dump)");
        w.Line($"var attributes = {begin};");
        if (op.AttrSet is not null)
        {
            w.Line("request.WriteTo(attributes);");
        }

        w.Line("attributes.End();");
        if (op.Do is null || op.Dump is null)
        {
            w.Line("_ = dump;");
        }

        w.Close();
        w.Line();
    }

    private static void EmitRead(SourceWriter w, EmitContext ctx, OperationSpec op, string method, string reply)
    {
        FamilySpec f = ctx.Family;
        w.Open($"private bool {method}({Message} message, {MaybeNullWhenFalse}out {reply} value)");
        w.Line($"value = {TryRead(ctx, op, "message", "0")} ? {reply}.FromReader({FromArgs(op, "0")}) : null;");
        w.Line("return value is not null;");
        w.Close();
        w.Line();
        _ = f;
    }

    /// <summary>The TryRead call of an operation, declaring out variables suffixed with <paramref name="suffix"/>, or a type check when it has none.</summary>
    private static string TryRead(EmitContext ctx, OperationSpec op, string message, string suffix)
    {
        FamilySpec f = ctx.Family;
        if (op.AttrSet is null && op.FixedHeader is null)
        {
            string values = string.Join(" or ", op.MessageValues);
            return f.IsGenetlink
                ? $"({message}.Type == FamilyId && {message}.Payload.Length >= {Codegen}.NlGenl.HeaderSize && {message}.Payload[0] is ({values}))"
                : $"({message}.Type is ({values}))";
        }

        var args = new List<string> { message + ".Bytes" };
        if (f.IsGenetlink)
        {
            args.Add("FamilyId");
        }

        if (op.FixedHeader is not null)
        {
            args.Add($"out {ctx.Qualified(ctx.Structs[op.FixedHeader].Cs.Escaped)} header{suffix}");
        }

        if (op.AttrSet is not null)
        {
            args.Add($"out {ctx.Qualified(ctx.Sets[op.AttrSet].Reader)} attributes{suffix}");
        }

        return $"{f.Cs}.TryRead{op.Cs.Bare}({string.Join(", ", args)})";
    }

    private static string FromArgs(OperationSpec op, string suffix) =>
        string.Join(", ", new[] { op.FixedHeader is null ? null : "header" + suffix, op.AttrSet is null ? null : "attributes" + suffix }.OfType<string>());

    private static void EmitNotifications(SourceWriter w, EmitContext ctx, NameScope methods)
    {
        FamilySpec f = ctx.Family;
        List<OperationSpec> notifications = f.Operations.Where(o => o.IsNotification && o.Mcgrp is not null).ToList();
        if (notifications.Count == 0)
        {
            return;
        }

        string item = $"{Codegen}.NetlinkNotification<{f.Cs}.INotification>";
        foreach (McastGroupSpec g in f.McastGroups.Where(g => notifications.Any(o => o.Mcgrp == g.Name)))
        {
            string group = f.IsGenetlink || g.Value < 0 ? g.Name : SourceFile.Number(g.Value);
            string ops = string.Join(", ", notifications.Where(o => o.Mcgrp == g.Name).Select(o => o.Name));
            w.Line($"/// <summary>Joins multicast group '{CodecSite.Xml(g.Name)}' on a socket of its own and streams its notifications ({CodecSite.Xml(ops)}), with an overrun item where the kernel dropped some; ends when cancelled or when the client is disposed.</summary>");
            w.Line($"public global::System.Collections.Generic.IAsyncEnumerable<{item}> {methods.Reserve(g.Cs.Bare + "NotificationsAsync")}({Token} cancellationToken = default) =>");
            w.Line($"    NotificationsAsync<{f.Cs}.INotification>({Naming.Literal(group)}, ReadNotification, cancellationToken);");
            w.Line();
        }

        w.Open($"private bool ReadNotification({Message} message, {MaybeNullWhenFalse}out {f.Cs}.INotification notification)");
        int i = 0;
        foreach (OperationSpec op in notifications)
        {
            string suffix = (i++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            w.Open($"if ({TryRead(ctx, op, "message", suffix)})");
            w.Line($"notification = {f.Cs}.{op.EventClass}.FromReader({FromArgs(op, suffix)});");
            w.Line("return true;");
            w.Close();
        }

        w.Line("notification = null;");
        w.Line("return false;");
        w.Close();
    }
}

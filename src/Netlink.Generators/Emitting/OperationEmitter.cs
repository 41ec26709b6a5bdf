using System;
using System.Collections.Generic;
using System.Linq;
using Netlink.Generators.Codecs;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;
using static Netlink.Generators.Codecs.Globals;

namespace Netlink.Generators.Emitting;

/// <summary>
/// Per operation: request builders (message header, genlmsghdr, fixed header; the attributes are
/// written on the returned writer), a reader that checks the message is the operation's, and the
/// typed request, reply and notification classes.
/// </summary>
internal static class OperationEmitter
{
    public static string Emit(EmitContext ctx)
    {
        FamilySpec f = ctx.Family;
        SourceWriter w = SourceFile.Begin(f);
        SourceFile.OpenFamily(w, f, primary: false);
        var methods = new NameScope();
        foreach (OperationSpec op in f.Operations)
        {
            if (op.Do is { } d)
            {
                EmitBuilder(w, ctx, op, d, methods.Reserve("Begin" + op.Cs.Bare + "Request"), dump: false);
            }

            if (op.Dump is { } p)
            {
                EmitBuilder(w, ctx, op, p, methods.Reserve("Begin" + op.Cs.Bare + "DumpRequest"), dump: true);
            }

            EmitTryRead(w, ctx, op, methods.Reserve("TryRead" + op.Cs.Bare));
        }

        if (f.Operations.Any(o => o.IsNotification))
        {
            w.Line($"/// <summary>A notification of the '{CodecSite.Xml(f.Name)}' family: one class per notify or event operation.</summary>");
            w.Open("public interface INotification");
            w.Line("/// <summary>The spec name of the operation the notification belongs to.</summary>");
            w.Line("string Operation { get; }");
            w.Close();
            w.Line();
        }

        foreach (OperationSpec op in f.Operations)
        {
            TypedOperationEmitter.Emit(w, ctx, op);
        }

        w.Close();
        return w.ToString();
    }

    /// <summary>The writer a builder returns: the set's, or a bare scope for an operation without attributes.</summary>
    public static string WriterOf(EmitContext ctx, OperationSpec op) => op.AttrSet is { } set ? ctx.Sets[set].Writer : Scope;

    private static void EmitBuilder(SourceWriter w, EmitContext ctx, OperationSpec op, OperationModeSpec mode, string method, bool dump)
    {
        FamilySpec f = ctx.Family;
        string? header = op.FixedHeader is null ? null : ctx.Structs[op.FixedHeader].Cs.Escaped;
        string writer = WriterOf(ctx, op);
        w.Line($"/// <summary>Starts a '{CodecSite.Xml(op.Name)}' {(dump ? "dump " : string.Empty)}request; write attributes on the returned writer, then End it.</summary>");
        if (mode.RequestAttrs.Count > 0)
        {
            w.Line($"/// <remarks>Request attributes: {CodecSite.Xml(string.Join(", ", mode.RequestAttrs))}.</remarks>");
        }

        var ps = new List<string> { $"{MessageWriter} writer" };
        if (f.IsGenetlink)
        {
            ps.Add("ushort familyId");
        }

        if (header is not null)
        {
            ps.Add($"in {header} header");
        }

        ps.Add($"{MsgFlags} flags = {MsgFlags}.Request | {MsgFlags}.{(dump ? "Dump" : "Ack")}");
        ps.Add("uint sequence = 0");
        if (f.IsGenetlink)
        {
            ps.Add("byte version = 1");
        }

        w.Open($"public static {writer} {method}({string.Join(", ", ps)})");
        w.Line(f.IsGenetlink
            ? $"int message = {Codegen}.NlGenl.BeginMessage(writer, familyId, {mode.RequestValue}, flags, sequence, version);"
            : $"int message = writer.BeginMessage({mode.RequestValue}, flags, sequence);");
        if (header is not null)
        {
            w.Line("writer.WriteStruct(in header);");
        }

        w.Line(op.AttrSet is not null ? $"return {writer}.Create({Scope}.Message(writer, message));" : $"return {Scope}.Message(writer, message);");
        w.Close();
        w.Line();
    }

    private static void EmitTryRead(SourceWriter w, EmitContext ctx, OperationSpec op, string method)
    {
        FamilySpec f = ctx.Family;
        int[] types = op.MessageValues.ToArray();
        if (types.Length == 0 || (op.AttrSet is null && op.FixedHeader is null))
        {
            return;
        }

        string? header = op.FixedHeader is null ? null : ctx.Structs[op.FixedHeader].Cs.Escaped;
        string? reader = op.AttrSet is null ? null : ctx.Sets[op.AttrSet].Reader;
        string accepted = string.Join(" or ", types);
        w.Line($"/// <summary>Parses a '{CodecSite.Xml(op.Name)}' message (request, reply or notification): its {string.Join(" and ", new[] { header is null ? null : "fixed header", reader is null ? null : "attributes" }.OfType<string>())}.</summary>");
        w.Line(f.IsGenetlink
            ? $"/// <returns>False unless the message is of family <paramref name=\"familyId\"/> and its command one of '{CodecSite.Xml(op.Name)}''s ({string.Join(", ", types)}), and long enough.</returns>"
            : $"/// <returns>False unless the message type is one of '{CodecSite.Xml(op.Name)}''s ({string.Join(", ", types)}) and the message is long enough.</returns>");
        var ps = new List<string> { $"{Bytes} message" };
        if (f.IsGenetlink)
        {
            ps.Add("ushort familyId");
        }

        if (header is not null)
        {
            ps.Add($"out {header} header");
        }

        if (reader is not null)
        {
            ps.Add($"out {reader} attributes");
        }

        w.Open($"public static bool {method}({string.Join(", ", ps)})");
        w.Line($"int start = {MsgHeader}.Size{(f.IsGenetlink ? $" + {Codegen}.NlGenl.HeaderSize" : string.Empty)};");
        if (reader is not null)
        {
            w.Line("attributes = default;");
        }

        if (header is not null)
        {
            w.Line("header = default;");
        }

        string type = $"global::System.Runtime.InteropServices.MemoryMarshal.Read<ushort>(message.Slice(4))";
        string check = f.IsGenetlink
            ? $"message.Length < start{(header is null ? string.Empty : $" + {header}.Size")} || {type} != familyId || message[{MsgHeader}.Size] is not ({accepted})"
            : $"message.Length < start{(header is null ? string.Empty : $" + {header}.Size")} || {type} is not ({accepted})";
        w.Open($"if ({check})");
        w.Line("return false;");
        w.Close();
        if (header is not null)
        {
            w.Line($"header = global::System.Runtime.InteropServices.MemoryMarshal.Read<{header}>(message.Slice(start));");
            w.Line($"start += {Align}.Align({header}.Size);");
        }

        if (reader is not null)
        {
            w.Line("attributes.Load(message.Slice(global::System.Math.Min(start, message.Length)));");
        }

        w.Line("return true;");
        w.Close();
        w.Line();
    }
}

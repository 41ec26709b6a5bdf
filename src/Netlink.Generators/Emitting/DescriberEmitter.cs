using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Netlink.Generators.Codecs;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;
using static Netlink.Generators.Codecs.Globals;

namespace Netlink.Generators.Emitting;

/// <summary>
/// The describer: renders any message of the family as an annotated dump, one line per header
/// field, fixed-header member and attribute (each attribute through its codec, decoding done by
/// the Core's DescribeWriter). Used by tracing, nlctl decode and the wire snapshots.
/// </summary>
internal static class DescriberEmitter
{
    public static string Emit(EmitContext ctx)
    {
        FamilySpec f = ctx.Family;
        SourceWriter w = SourceFile.Begin(f);
        SourceFile.OpenFamily(w, f, primary: false);
        w.Line("/// <summary>");
        w.Line("/// Renders every message in <paramref name=\"messages\"/> as an annotated dump, one line per header field,");
        w.Line("/// fixed-header member and attribute (nested ones indented by two spaces): <c>name: value | hex bytes</c>.");
        w.Line("/// Deterministic; never throws for malformed input (it prints a 'malformed' line instead).");
        w.Line("/// </summary>");
        w.Open($"public static void Describe({Bytes} messages, global::System.IO.TextWriter output)");
        w.Line($"var o = new {Describe}(output);");
        w.Open("try");
        w.Open($"foreach ({Message} message in new global::Netlink.Messages.NetlinkMessageEnumerator(messages))");
        w.Line("DescribeMessage(o, message);");
        w.Close();
        w.Close();
        w.Open("catch (global::Netlink.NetlinkDecodeException e)");
        w.Line("o.Line(0, \"malformed\", e.Message);");
        w.Close();
        w.Close();
        w.Line();
        EmitMessage(w, ctx);
        EmitNames(w, ctx);
        foreach (StructSpec s in f.Structs)
        {
            EmitStruct(w, ctx, s);
        }

        foreach (AttrSetSpec set in f.AttrSets)
        {
            EmitSet(w, ctx, set);
        }

        w.Close();
        return w.ToString();
    }

    /// <summary>Message values and the operation each belongs to: requests (and notifications) first, then replies.</summary>
    private static IEnumerable<(int Value, OperationSpec Op)> MessageTable(FamilySpec f)
    {
        var seen = new HashSet<int>();
        foreach (bool replies in new[] { false, true })
        {
            foreach (OperationSpec op in f.Operations)
            {
                int[] values = replies
                    ? new[] { op.Do?.ReplyValue ?? -1, op.Dump?.ReplyValue ?? -1 }
                    : new[] { op.Do?.RequestValue ?? -1, op.Dump?.RequestValue ?? -1, op.EventValue };
                foreach (int v in values)
                {
                    if (v >= 0 && seen.Add(v))
                    {
                        yield return (v, op);
                    }
                }
            }
        }
    }

    private static void EmitMessage(SourceWriter w, EmitContext ctx)
    {
        FamilySpec f = ctx.Family;
        w.Open($"private static void DescribeMessage({Describe} o, {Message} message)");
        w.Line("ushort type = message.Type;");
        w.Line($"{Bytes} p = message.Payload;");
        w.Line(f.IsGenetlink ? "int op = type >= global::Netlink.Messages.NlMsgType.MinType && p.Length > 0 ? p[0] : -1;" : "int op = type;");
        w.Line("o.Header(message, TypeLabel(type), RequestKind(op));");
        w.Open("if (o.ControlMessage(message))");
        w.Line("return;");
        w.Close();
        if (f.IsGenetlink)
        {
            w.Open($"if (p.Length < {Codegen}.NlGenl.HeaderSize)");
            w.Line("o.Line(0, \"malformed\", \"no genlmsghdr\", p);");
            w.Line("return;");
            w.Close();
            w.Line("o.Line(0, \"genl.cmd\", CommandLabel(p[0]), p.Slice(0, 1));");
            w.Line("o.Line(0, \"genl.version\", p[1].ToString(global::System.Globalization.CultureInfo.InvariantCulture), p.Slice(1, 1));");
            w.Line("o.Line(0, \"genl.reserved\", global::System.Runtime.InteropServices.MemoryMarshal.Read<ushort>(p.Slice(2)).ToString(global::System.Globalization.CultureInfo.InvariantCulture), p.Slice(2, 2));");
            w.Line($"p = p.Slice({Codegen}.NlGenl.HeaderSize);");
        }

        w.Open("switch (op)");
        foreach ((int value, OperationSpec op) in MessageTable(f))
        {
            if (op.AttrSet is null && op.FixedHeader is null)
            {
                continue;
            }

            var statements = new List<string>();
            string rest = "p";
            if (op.FixedHeader is not null)
            {
                StructSpec s = ctx.Structs[op.FixedHeader];
                statements.Add($"Describe{s.Cs.Bare}(o, p, 0, {Naming.Literal(s.Name)});");
                rest = $"p.Slice(global::System.Math.Min(p.Length, {Align}.Align({s.Size})))";
            }

            if (op.AttrSet is not null)
            {
                statements.Add($"Describe{ctx.Sets[op.AttrSet].Cs.Bare}(o, {rest}, 0);");
            }

            w.Line($"case {value}: {string.Join(" ", statements)} break;");
        }

        w.Line("default: if (p.Length > 0) o.Line(0, \"payload\", p.Length.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \" bytes\", p); break;");
        w.Close();
        w.Close();
        w.Line();
    }

    private static void EmitNames(SourceWriter w, EmitContext ctx)
    {
        FamilySpec f = ctx.Family;
        List<(int Value, OperationSpec Op)> table = MessageTable(f).ToList();
        if (f.IsGenetlink)
        {
            w.Line($"private static string TypeLabel(ushort type) => type < global::Netlink.Messages.NlMsgType.MinType ? {Describe}.ControlTypeName(type) : \"family \" + type.ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
            w.Open("private static string CommandLabel(byte command) => command switch");
        }
        else
        {
            w.Open("private static string TypeLabel(ushort type) => type switch");
        }

        foreach ((int value, OperationSpec op) in table)
        {
            w.Line($"{value} => {Naming.Literal(op.Name + " (" + value.ToString(CultureInfo.InvariantCulture) + ")")},");
        }

        w.Line(f.IsGenetlink ? "_ => command.ToString(global::System.Globalization.CultureInfo.InvariantCulture)," : $"_ => {Describe}.ControlTypeName(type),");
        w.Close(";");
        w.Line();
        w.Line("/// <summary>How a request's NLM_F_* bits above 0xff read: by the kind of operation its type (or command) belongs to.</summary>");
        w.Open($"private static {MessageKind} RequestKind(int op) => op switch");
        var seen = new HashSet<int>();
        foreach (OperationSpec op in f.Operations)
        {
            foreach ((int value, bool dump) in new[] { (op.Dump?.RequestValue ?? -1, true), (op.Do?.RequestValue ?? -1, false) })
            {
                if (value >= 0 && seen.Add(value))
                {
                    w.Line($"{value} => {MessageKind}.{RequestKind(op, dump)},");
                }
            }
        }

        w.Line($"_ => {MessageKind}.Request,");
        w.Close(";");
        w.Line();
    }

    /// <summary>GET for dumps and get-*, DELETE for del-*, NEW for new-/set-/add-* (the kernel specs' naming), else unknown.</summary>
    private static string RequestKind(OperationSpec op, bool dump)
    {
        string name = op.Name;
        if (dump || op.Dump is not null || name.StartsWith("get", StringComparison.Ordinal))
        {
            return "GetRequest";
        }

        if (name.StartsWith("del", StringComparison.Ordinal))
        {
            return "DeleteRequest";
        }

        return name.StartsWith("new", StringComparison.Ordinal) || name.StartsWith("set", StringComparison.Ordinal) || name.StartsWith("add", StringComparison.Ordinal)
            ? "NewRequest"
            : "Request";
    }

    private static void EmitStruct(SourceWriter w, EmitContext ctx, StructSpec s)
    {
        w.Open($"private static void Describe{s.Cs.Bare}({Describe} o, {Bytes} b, int depth, string prefix)");
        int i = 0;
        foreach (StructMemberSpec m in s.Members)
        {
            string label = $"prefix + {Naming.Literal("." + m.Name)}";
            string bytes = "m" + (i++).ToString(CultureInfo.InvariantCulture);
            w.Line($"if (!o.Member(depth, {label}, b, {m.Offset}, {m.Length}, out {Bytes} {bytes})) return;");
            AttrCodec.For(m.Type).EmitMemberDescribe(w, ctx, m, label, bytes, "depth");
        }

        w.Close();
        w.Line();
    }

    private static void EmitSet(SourceWriter w, EmitContext ctx, AttrSetSpec set)
    {
        w.Open($"private static void Describe{set.Cs.Bare}({Describe} o, {Bytes} attributes, int depth{EmitContext.SelectorParams(set)})");
        string args = string.Concat(set.InheritedSelectors.Select(s => ", " + EmitContext.SelectorParam(s)));
        w.Line($"var r = new {set.Reader}(attributes{args});");
        w.Line("_ = r;");
        w.Line($"var e = new {AttributeEnumerator}(attributes);");
        w.Open("while (e.MoveNext())");
        w.Line($"{AttributeType} a = e.Current;");
        w.Open("switch (a.Type)");
        foreach (AttrSpec a in set.Attrs.GroupBy(x => x.Value).Select(g => g.First()))
        {
            var body = new SourceWriter();
            AttrCodec.For(a).EmitDescribe(new DescribeSite(body, ctx, set, a.Type, a), EmitContext.Label(a), "a", "depth");
            string[] lines = body.Lines();
            if (lines.Length == 1)
            {
                w.Line($"case {a.Value}: {lines[0]} break;");
                continue;
            }

            w.Open($"case {a.Value}:");
            foreach (string line in lines)
            {
                w.Line(line);
            }

            w.Line("break;");
            w.Close();
        }

        w.Line("default: o.Unknown(depth, a); break;");
        w.Close();
        w.Close();
        w.Line("o.Malformed(depth, e);");
        w.Close();
        w.Line();
    }
}

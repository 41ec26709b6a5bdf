using System.Collections.Generic;
using System.Linq;
using Netlink.Generators.Codecs;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;
using static Netlink.Generators.Codecs.Globals;

namespace Netlink.Generators.Emitting;

/// <summary>
/// An operation's typed classes: <c>{Op}Request</c> (always), <c>{Op}Reply</c> (do with a reply,
/// or dump) and <c>{Op}Event</c> (notifications). Each derives from its attribute set's typed
/// class, so every attribute is a property, and adds the fixed header.
/// </summary>
internal static class TypedOperationEmitter
{
    public static void Emit(SourceWriter w, EmitContext ctx, OperationSpec op)
    {
        EmitRequest(w, ctx, op);
        if (op.Do is { HasReply: true } || op.Dump is not null)
        {
            EmitReceived(w, ctx, op, op.ReplyClass, $"A '{CodecSite.Xml(op.Name)}' reply.", notification: false);
        }

        if (op.IsNotification)
        {
            EmitReceived(w, ctx, op, op.EventClass, $"A '{CodecSite.Xml(op.Name)}' notification.", notification: true);
        }
    }

    /// <summary>The names the typed classes add (fixed header, request flags), clear of the set's own properties.</summary>
    public static (string Header, string Flags) MemberNames(EmitContext ctx, OperationSpec op)
    {
        var taken = new HashSet<string>(op.AttrSet is { } set ? ctx.Sets[set].Attrs.Select(a => a.Cs.Bare) : Enumerable.Empty<string>(), System.StringComparer.Ordinal);
        string header = taken.Contains("Header") ? (taken.Contains("FixedHeader") ? "FixedHeader_" : "FixedHeader") : "Header";
        string flags = taken.Contains("RequestFlags") ? "RequestFlags_" : "RequestFlags";
        return (header, flags);
    }

    private static string Base(EmitContext ctx, OperationSpec op, params string[] interfaces)
    {
        var bases = new List<string>();
        if (op.AttrSet is { } set)
        {
            bases.Add(ctx.Sets[set].Cs.Escaped);
        }

        bases.AddRange(interfaces);
        return bases.Count == 0 ? string.Empty : " : " + string.Join(", ", bases);
    }

    private static void EmitRequest(SourceWriter w, EmitContext ctx, OperationSpec op)
    {
        (string header, string flags) = MemberNames(ctx, op);
        string[] listed = (op.Do?.RequestAttrs ?? default).Concat(op.Dump?.RequestAttrs ?? default).Distinct().ToArray();
        w.Line($"/// <summary>A '{CodecSite.Xml(op.Name)}' request{(op.AttrSet is null ? string.Empty : ": set the attributes to send")}.</summary>");
        if (listed.Length > 0)
        {
            w.Line($"/// <remarks>The spec lists these request attributes: {CodecSite.Xml(string.Join(", ", listed))}.</remarks>");
        }

        w.Open($"public sealed class {op.RequestClass}{Base(ctx, op)}");
        if (op.FixedHeader is { } h)
        {
            w.Line($"/// <summary>The fixed header ('{CodecSite.Xml(h)}').</summary>");
            w.Line($"public {ctx.Qualified(ctx.Structs[h].Cs.Escaped)} {header} {{ get; set; }}");
        }

        w.Line("/// <summary>Flags added to the request's own (NLM_F_REQUEST and NLM_F_ACK, or NLM_F_DUMP), e.g. NLM_F_CREATE | NLM_F_EXCL.</summary>");
        w.Line($"public {MsgFlags} {flags} {{ get; set; }}");
        w.Close();
        w.Line();
    }

    private static void EmitReceived(SourceWriter w, EmitContext ctx, OperationSpec op, string name, string summary, bool notification)
    {
        (string header, _) = MemberNames(ctx, op);
        string? headerType = op.FixedHeader is { } h ? ctx.Qualified(ctx.Structs[h].Cs.Escaped) : null;
        string? reader = op.AttrSet is { } set ? ctx.Sets[set].Reader : null;
        w.Line($"/// <summary>{summary}</summary>");
        w.Open($"public sealed class {name}{(notification ? Base(ctx, op, "INotification") : Base(ctx, op))}");
        if (notification)
        {
            w.Line($"string INotification.Operation => {Naming.Literal(op.Name)};");
        }

        if (headerType is not null)
        {
            w.Line($"/// <summary>The fixed header ('{CodecSite.Xml(op.FixedHeader!)}').</summary>");
            w.Line($"public {headerType} {header} {{ get; set; }}");
        }

        var ps = new List<string>();
        if (headerType is not null)
        {
            ps.Add($"in {headerType} header");
        }

        if (reader is not null)
        {
            ps.Add($"in {reader} reader");
        }

        // A reply without a header has FromReader(in reader), as its set's class does: it hides that one.
        bool hides = headerType is null && reader is not null;
        w.Line($"/// <summary>The message's {(headerType is null ? string.Empty : "header and ")}attributes as .NET values.</summary>");
        w.Open($"public static {(hides ? "new " : string.Empty)}{name} FromReader({string.Join(", ", ps)})");
        w.Line($"var value = new {name}{(headerType is null ? "()" : $" {{ {header} = header }}")};");
        if (reader is not null)
        {
            w.Line("value.ReadFrom(in reader);");
        }

        w.Line("return value;");
        w.Close();
        w.Close();
        w.Line();
    }
}

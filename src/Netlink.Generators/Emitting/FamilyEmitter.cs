using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;

namespace Netlink.Generators.Emitting;

/// <summary>The family's primary file: its name and protocol, constants, enums, message ids, multicast groups and message names.</summary>
internal static class FamilyEmitter
{
    public static string Emit(EmitContext ctx)
    {
        FamilySpec f = ctx.Family;
        SourceWriter w = SourceFile.Begin(f);
        SourceFile.OpenFamily(w, f, primary: true);
        w.Line($"/// <summary>The family name ('{CodecXml(f.Name)}'){(f.IsGenetlink ? "; its id is resolved by this name at run time" : string.Empty)}.</summary>");
        w.Line($"public const string FamilyName = {Naming.Literal(f.Name)};");
        w.Line("/// <summary>The netlink protocol: the third argument of socket(AF_NETLINK, SOCK_RAW, protocol).</summary>");
        w.Line($"public const int Protonum = {f.Protonum};");
        EmitConstants(w, f);
        foreach (EnumSpec e in f.Enums)
        {
            EmitEnum(w, e);
        }

        EmitMessageIds(w, ctx);
        EmitGroups(w, f);
        EmitMessageNames(w, f);
        w.Close();
        EnumNames.Emit(w, ctx);
        return w.ToString();
    }

    private static void EmitConstants(SourceWriter w, FamilySpec f)
    {
        if (f.Consts.Count == 0)
        {
            return;
        }

        w.Line();
        w.Line("/// <summary>Constants the spec defines.</summary>");
        w.Open("public static class Constants");
        foreach (ConstSpec c in f.Consts)
        {
            w.Doc(c.Doc ?? $"'{c.Name}'.");
            w.Line(c.StringValue is { } text ? $"public const string {c.Cs} = {Naming.Literal(text)};" : $"public const long {c.Cs} = {SourceFile.Number(c.IntValue)};");
        }

        w.Close();
    }

    private static void EmitEnum(SourceWriter w, EnumSpec e)
    {
        w.Line();
        w.Doc(e.Doc ?? $"The '{e.Name}' {(e.IsFlags ? "flag set" : "enum")}.");
        if (e.IsFlags)
        {
            w.Line("[global::System.Flags]");
        }

        w.Open($"public enum {e.Cs} : {e.Backing}");
        if (e.IsFlags && e.Entries.All(x => x.Value != 0))
        {
            w.Line("/// <summary>No flag set.</summary>");
            w.Line(e.Entries.Any(x => x.Cs.Bare == "None") ? "None_ = 0," : "None = 0,");
        }

        foreach (EnumEntrySpec entry in e.Entries)
        {
            w.Doc(entry.Doc ?? $"'{entry.Name}'");
            w.Line($"{entry.Cs} = {Literal(e, entry.Value)},");
        }

        w.Close();
    }

    private static string Literal(EnumSpec e, long v) => e.Backing switch
    {
        "ulong" => unchecked((ulong)v).ToString(CultureInfo.InvariantCulture) + "UL",
        "uint" => v.ToString(CultureInfo.InvariantCulture) + "U",
        "long" => v.ToString(CultureInfo.InvariantCulture) + "L",
        _ => v.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Message types per operation (netlink-raw), or genlmsghdr commands (genetlink).</summary>
    private static void EmitMessageIds(SourceWriter w, EmitContext ctx)
    {
        FamilySpec f = ctx.Family;
        string idType = f.IsGenetlink ? "byte" : "ushort";
        w.Line();
        w.Line(f.IsGenetlink
            ? "/// <summary>Command ids (genlmsghdr.cmd); the netlink message type is the family id, resolved at run time.</summary>"
            : "/// <summary>Message types (nlmsg_type) per operation; requests and replies differ where the spec says so.</summary>");
        w.Open($"public static class {(f.IsGenetlink ? "Commands" : "Messages")}");
        var scope = new NameScope();
        foreach (OperationSpec op in f.Operations)
        {
            string n = op.Cs.Bare;
            void Const(string name, int value, string what)
            {
                if (value >= 0)
                {
                    w.Line($"/// <summary>{what} of '{CodecXml(op.Name)}'.</summary>");
                    w.Line($"public const {idType} {scope.Reserve(name)} = {value};");
                }
            }

            int request = op.Do?.RequestValue ?? op.Dump?.RequestValue ?? -1;
            int reply = op.Do is { HasReply: true } ? op.Do.ReplyValue : op.Dump?.ReplyValue ?? -1;
            if (f.IsGenetlink)
            {
                Const(n, Math.Max(request, op.EventValue), "Command id");
                if (reply >= 0 && reply != request)
                {
                    Const(n + "Reply", reply, "Reply command");
                }

                continue;
            }

            Const(n + "Request", request, "Request type");
            Const(n + "Reply", reply, "Reply type");
            if (op.Dump is { } dump && dump.RequestValue != request)
            {
                Const(n + "DumpRequest", dump.RequestValue, "Dump request type");
            }

            if (op.Dump is { } d && d.ReplyValue >= 0 && d.ReplyValue != reply)
            {
                Const(n + "DumpReply", d.ReplyValue, "Dump reply type");
            }

            Const(n, op.EventValue, "Notification type");
        }

        w.Close();
    }

    private static void EmitGroups(SourceWriter w, FamilySpec f)
    {
        if (f.McastGroups.Count == 0)
        {
            return;
        }

        w.Line();
        w.Line(f.IsGenetlink
            ? "/// <summary>Multicast group names; their ids are resolved at run time through nlctrl.</summary>"
            : "/// <summary>Multicast group numbers (RTNLGRP_* style), to join on a socket.</summary>");
        w.Open("public static class McastGroups");
        foreach (McastGroupSpec g in f.McastGroups)
        {
            w.Line($"/// <summary>Group '{CodecXml(g.Name)}'.</summary>");
            w.Line(g.Value >= 0 && !f.IsGenetlink ? $"public const uint {g.Cs} = {SourceFile.Number(g.Value)};" : $"public const string {g.Cs} = {Naming.Literal(g.Name)};");
        }

        w.Close();
    }

    /// <summary>
    /// netlink-raw: the C name of a message type (RTM_NEWLINK: the operations' name-prefix and the
    /// request's operation; requests win over replies that share a value). genetlink: the spec
    /// name of a command.
    /// </summary>
    private static void EmitMessageNames(SourceWriter w, FamilySpec f)
    {
        var names = new SortedDictionary<int, string>();
        foreach (OperationSpec op in f.Operations)
        {
            foreach (int v in new[] { op.Do?.RequestValue ?? -1, op.Dump?.RequestValue ?? -1, op.EventValue })
            {
                if (v >= 0 && !names.ContainsKey(v))
                {
                    names[v] = f.IsGenetlink ? op.Name : Naming.CName(f.OperationPrefix ?? string.Empty, op.Name);
                }
            }
        }

        foreach (OperationSpec op in f.Operations)
        {
            foreach (int v in new[] { op.Do?.ReplyValue ?? -1, op.Dump?.ReplyValue ?? -1 })
            {
                if (v >= 0 && !names.ContainsKey(v))
                {
                    names[v] = f.IsGenetlink ? op.Name : Naming.CName(f.OperationPrefix ?? string.Empty, op.Name);
                }
            }
        }

        w.Line();
        w.Line(f.IsGenetlink
            ? "/// <summary>The spec name of the operation a command belongs to, or null.</summary>"
            : "/// <summary>The C name of a message type (the first operation using it, requests before replies), or null.</summary>");
        w.Open(f.IsGenetlink ? "public static string? CommandName(byte command) => command switch" : "public static string? MessageTypeName(ushort type) => type switch");
        foreach (KeyValuePair<int, string> name in names)
        {
            w.Line($"{name.Key} => {Naming.Literal(name.Value)},");
        }

        w.Line("_ => null,");
        w.Close(";");
    }

    private static string CodecXml(string text) => Codecs.CodecSite.Xml(text);
}

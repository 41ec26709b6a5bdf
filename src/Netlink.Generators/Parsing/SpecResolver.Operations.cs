using System;
using System.Collections.Generic;
using System.Linq;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;
using static Netlink.Generators.YnlGenerator;

namespace Netlink.Generators.Parsing;

internal sealed partial class SpecResolver
{
    private List<OperationSpec> ResolveOperations()
    {
        RawOperations operations = _raw.Operations;
        string? familyHeader = operations.FixedHeader is { } h && Struct(h) is not null ? h.Value : null;
        var byName = new Dictionary<string, RawOperation>(StringComparer.Ordinal);
        foreach (RawOperation op in operations.List)
        {
            if (byName.ContainsKey(op.Name.Value))
            {
                _diagnostics.Report(DiagnosticDescriptors.DuplicateName, op.Name.Span, "operation", op.Name.Value);
            }
            else
            {
                byName[op.Name.Value] = op;
            }
        }

        var groups = new HashSet<string>(_raw.McastGroups.Select(g => g.Name.Value), StringComparer.Ordinal);
        var names = new NameScope();
        var result = new List<OperationSpec>();
        var ids = new OperationIds(operations.Directional, _raw.Protocol == ProtocolKind.NetlinkRaw ? ushort.MaxValue : byte.MaxValue);
        foreach (RawOperation op in byName.Values)
        {
            RawText? setName = op.AttrSet;
            RawText? header = op.FixedHeader;
            if (op.Notify is { } notify)
            {
                if (!byName.TryGetValue(notify.Value, out RawOperation? target))
                {
                    _diagnostics.Report(DiagnosticDescriptors.UnknownReference, notify.Span, "operation", notify.Value);
                    continue;
                }

                setName ??= target.AttrSet;
                header ??= target.FixedHeader;
            }

            if ((setName is not null && !SetRef(setName)) || (header is not null && Struct(header) is null))
            {
                continue;
            }

            if (op.Mcgrp is { } mcgrp && !groups.Contains(mcgrp.Value))
            {
                _diagnostics.Report(DiagnosticDescriptors.UnknownReference, mcgrp.Span, "multicast group", mcgrp.Value);
                continue;
            }

            if (!ids.Assign(op, this, out OperationModeSpec? doMode, out OperationModeSpec? dumpMode, out int eventValue))
            {
                continue;
            }

            int largest = new[] { doMode?.RequestValue ?? -1, doMode?.ReplyValue ?? -1, dumpMode?.RequestValue ?? -1, dumpMode?.ReplyValue ?? -1, eventValue }.Max();
            int max = _raw.Protocol == ProtocolKind.NetlinkRaw ? ushort.MaxValue : byte.MaxValue;
            if (largest > max)
            {
                // An implicit value counted past the largest id the protocol has.
                _diagnostics.Report(DiagnosticDescriptors.InvalidValue, op.Name.Span, largest.ToString(System.Globalization.CultureInfo.InvariantCulture), $"the id of operation '{op.Name.Value}' (0..{max})");
                continue;
            }

            if (setName is not null && !(CheckAttrs(setName.Value, op.Do) && CheckAttrs(setName.Value, op.Dump)))
            {
                continue;
            }

            Identifier cs = names.Reserve(Naming.Pascal(op.Name.Value));
            result.Add(new OperationSpec
            {
                Name = op.Name.Value,
                Cs = cs,
                RequestClass = _types.Reserve(cs.Bare + "Request"),
                ReplyClass = _types.Reserve(cs.Bare + "Reply"),
                EventClass = _types.Reserve(cs.Bare + "Event"),
                AttrSet = setName?.Value,
                FixedHeader = header?.Value ?? familyHeader,
                Do = doMode,
                Dump = dumpMode,
                EventValue = eventValue,
                Mcgrp = op.Mcgrp?.Value,
                Doc = op.Doc,
            });
        }

        return result;
    }

    /// <summary>Every attribute a mode lists must be in the operation's set.</summary>
    private bool CheckAttrs(string set, RawMode? mode)
    {
        if (mode is null || !_setValues.TryGetValue(set, out var values) || values is null)
        {
            return true;
        }

        bool ok = true;
        foreach (RawText attr in mode.RequestAttrs.Concat(mode.ReplyAttrs))
        {
            if (!values.ContainsKey(attr.Value))
            {
                _diagnostics.Report(DiagnosticDescriptors.UnknownReference, attr.Span, $"attribute of set '{set}'", attr.Value);
                ok = false;
            }
        }

        return ok;
    }

    private List<McastGroupSpec> ResolveMcastGroups()
    {
        var names = new NameScope();
        var result = new List<McastGroupSpec>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (RawMcastGroup g in _raw.McastGroups)
        {
            if (!seen.Add(g.Name.Value))
            {
                _diagnostics.Report(DiagnosticDescriptors.DuplicateName, g.Name.Span, "multicast group", g.Name.Value);
                continue;
            }

            long value = g.Value is { } v ? Int(v, "a multicast group value", 0, uint.MaxValue) ?? -1 : -1;
            result.Add(new McastGroupSpec { Name = g.Name.Value, Cs = names.Reserve(Naming.Pascal(g.Name.Value)), Value = value });
        }

        return result;
    }

    /// <summary>
    /// Message ids as the kernel's nlspec assigns them. Unified: one counter from 1, an explicit
    /// value moving it. Directional: requests and replies count separately, each mode may name
    /// its own values, notifications count with replies.
    /// </summary>
    private sealed class OperationIds
    {
        private readonly bool _directional;
        private readonly int _max;
        private int _value = 1;
        private int _request = 1;
        private int _reply = 1;

        /// <param name="directional">enum-model: directional.</param>
        /// <param name="max">The largest id: 65535 message types for netlink-raw, 255 commands for genetlink.</param>
        public OperationIds(bool directional, int max)
        {
            _directional = directional;
            _max = max;
        }

        public bool Assign(RawOperation op, SpecResolver r, out OperationModeSpec? doMode, out OperationModeSpec? dumpMode, out int eventValue)
        {
            doMode = dumpMode = null;
            eventValue = -1;
            bool isNotification = op.Notify is not null || op.IsEvent;
            if (!_directional)
            {
                if (op.Value is { } v)
                {
                    if (r.Int(v, $"an operation value (0..{_max})", 0, _max) is not { } value)
                    {
                        return false;
                    }

                    _value = (int)value;
                }

                doMode = op.Do is { } d ? Mode(d, _value, d.HasReply ? _value : -1) : null;
                dumpMode = op.Dump is { } p ? Mode(p, _value, _value) : null;
                eventValue = isNotification ? _value : -1;
                _value++;
                return true;
            }

            if (isNotification)
            {
                if (op.Value is { } v)
                {
                    if (r.Int(v, $"an operation value (0..{_max})", 0, _max) is not { } value)
                    {
                        return false;
                    }

                    _reply = (int)value;
                }

                eventValue = _reply++;
                return true;
            }

            if (op.Do is null && op.Dump is null)
            {
                return true;
            }

            RawMode mode = op.Do ?? op.Dump!;
            if (!Value(mode.RequestValue, r, ref _request, _max) || !Value(mode.ReplyValue, r, ref _reply, _max))
            {
                return false;
            }

            if (op.Do is { } doRaw)
            {
                doMode = Mode(doRaw, _request, doRaw.HasReply ? _reply : -1);
            }

            if (op.Dump is { } dumpRaw)
            {
                int request = _request;
                int reply = dumpRaw.HasReply ? _reply : -1;
                if (op.Do is not null && (!Value(dumpRaw.RequestValue, r, ref request, _max) || !Value(dumpRaw.ReplyValue, r, ref reply, _max)))
                {
                    return false;
                }

                dumpMode = Mode(dumpRaw, request, reply);
            }

            _request++;
            if (mode.HasReply)
            {
                _reply++;
            }

            return true;
        }

        private static bool Value(RawText? text, SpecResolver r, ref int counter, int max)
        {
            if (text is null)
            {
                return true;
            }

            if (r.Int(text, $"a message value (0..{max})", 0, max) is not { } value)
            {
                return false;
            }

            counter = (int)value;
            return true;
        }

        private static OperationModeSpec Mode(RawMode mode, int request, int reply) => new()
        {
            RequestValue = request,
            ReplyValue = reply,
            RequestAttrs = mode.RequestAttrs.Select(a => a.Value).ToEquatableArray(),
            ReplyAttrs = mode.ReplyAttrs.Select(a => a.Value).ToEquatableArray(),
        };
    }
}

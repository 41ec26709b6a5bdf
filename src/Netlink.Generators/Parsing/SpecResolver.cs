using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;
using static Netlink.Generators.YnlGenerator;

namespace Netlink.Generators.Parsing;

/// <summary>
/// The resolve phase, like nlspec's <c>resolve()</c>: links what the read phase left as names
/// (subset-of, nested-attributes, enum, struct, sub-message, selectors, fixed headers, notify),
/// computes implicit values and C# names, and builds the model. Each problem is reported where it
/// is and the element is left out, so one run reports every problem of a file; the model is only
/// returned when there were none.
/// </summary>
internal sealed partial class SpecResolver
{
    /// <summary>Members and nested types every family class has; generated type names avoid them.</summary>
    private static readonly string[] FamilyMembers =
    {
        "Messages", "Commands", "McastGroups", "Constants", "Describe", "FamilyName", "Protonum", "MessageTypeName",
        "CommandName", "INotification", "ToString", "Equals", "GetHashCode", "GetType", "ReferenceEquals",
    };

    private readonly RawSpec _raw;
    private readonly SpecInput _input;
    private readonly DiagnosticBag _diagnostics;
    private readonly Identifier _family;
    private readonly NameScope _types;

    private SpecResolver(RawSpec raw, SpecInput input, DiagnosticBag diagnostics)
    {
        _raw = raw;
        _input = input;
        _diagnostics = diagnostics;
        _family = Naming.Pascal(raw.Name.Value);
        _types = new NameScope(FamilyMembers.Concat(new[] { _family.Bare }).ToArray());
    }

    /// <summary>Builds the model, or null when anything was reported.</summary>
    public static FamilySpec? Resolve(RawSpec raw, SpecInput input, DiagnosticBag diagnostics, System.Threading.CancellationToken cancellationToken)
    {
        var resolver = new SpecResolver(raw, input, diagnostics);
        resolver.ResolveConsts();
        resolver.ResolveEnums();
        resolver.ResolveStructs();
        cancellationToken.ThrowIfCancellationRequested();
        resolver.IndexAttributeSets();
        resolver.IndexSubMessages();
        List<AttrSetSpec> sets = resolver.ResolveAttributeSets();
        List<SubMessageSpec> subMessages = resolver.ResolveSubMessages();
        sets = resolver.ResolveSelectors(sets, subMessages);
        cancellationToken.ThrowIfCancellationRequested();
        List<OperationSpec> operations = resolver.ResolveOperations();
        List<McastGroupSpec> groups = resolver.ResolveMcastGroups();
        if (diagnostics.HasErrors)
        {
            return null;
        }

        return new FamilySpec
        {
            Name = raw.Name.Value,
            Cs = resolver._family,
            Namespace = string.IsNullOrWhiteSpace(input.Namespace) ? "Netlink.Generated." + resolver._family.Bare : input.Namespace!.Trim(),
            SpecFile = Path.GetFileName(input.Path),
            SpecPath = input.Path,
            Protocol = raw.Protocol,
            Protonum = resolver.Protonum(),
            OperationPrefix = raw.Operations.NamePrefix,
            Doc = raw.Doc,
            Consts = resolver._consts.Values.ToEquatableArray(),
            Enums = resolver._enums.Values.ToEquatableArray(),
            Structs = resolver._structs.Values.OfType<StructSpec>().OrderBy(s => s.Cs.Bare, StringComparer.Ordinal).ToEquatableArray(),
            AttrSets = sets.ToEquatableArray(),
            SubMessages = subMessages.ToEquatableArray(),
            Operations = operations.ToEquatableArray(),
            McastGroups = groups.ToEquatableArray(),
        };
    }

    /// <summary>protonum for netlink-raw (required there), NETLINK_GENERIC (16) for genetlink.</summary>
    private int Protonum()
    {
        if (_raw.Protonum is { } text)
        {
            return (int)(Int(text, "protonum", 0, 31) ?? 0);
        }

        if (_raw.Protocol == ProtocolKind.NetlinkRaw)
        {
            _diagnostics.Report(DiagnosticDescriptors.MissingKey, _raw.Name.Span, "a netlink-raw spec needs 'protonum' (the netlink protocol number)");
        }

        return 16;
    }

    // ------------------------------------------------------------------ numbers

    /// <summary>An integer (decimal or 0x…, or an integer const's name) in [min, max]; null after reporting otherwise.</summary>
    private long? Int(RawText text, string what, long min = long.MinValue, long max = long.MaxValue)
    {
        if ((TryParseInt(text.Value, out long value) || TryConst(text.Value, out value)) && value >= min && value <= max)
        {
            return value;
        }

        _diagnostics.Report(DiagnosticDescriptors.InvalidValue, text.Span, text.Value, what);
        return null;
    }

    private static bool TryParseInt(string text, out long value)
    {
        text = text.Trim();
        bool negative = text.StartsWith("-", StringComparison.Ordinal);
        string digits = negative ? text.Substring(1) : text;
        ulong u;
        bool ok = digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.TryParse(digits.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out u)
            : ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out u);
        value = negative ? -(long)u : unchecked((long)u);
        return ok && (!negative || u <= long.MaxValue);
    }
}

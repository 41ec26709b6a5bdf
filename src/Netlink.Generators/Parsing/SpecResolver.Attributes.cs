using System.Collections.Generic;
using System.Linq;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;
using static Netlink.Generators.YnlGenerator;

namespace Netlink.Generators.Parsing;

internal sealed partial class SpecResolver
{
    /// <summary>One attribute; its keys come from <paramref name="chain"/> (a subset's own keys first, then its parent's).</summary>
    private AttrSpec? Attr(RawText name, int value, List<RawNode> chain, NameScope names)
    {
        var fields = new Fields(chain, this);
        TypeSpec? type = AttrType(name, fields);
        if (type is null)
        {
            return null;
        }

        bool multi = fields.Bool("multi-attr");
        if (multi && type.Kind is AttrKind.IndexedArray or AttrKind.NestTypeValue or AttrKind.SubMessage or AttrKind.Pad or AttrKind.Unused)
        {
            _diagnostics.Report(DiagnosticDescriptors.InvalidValue, fields.NodeSpan("multi-attr") ?? fields.Span, "true", $"multi-attr of '{name.Value}' (its type cannot repeat)");
            return null;
        }

        return new AttrSpec
        {
            Name = name.Value,
            Cs = names.Reserve(Naming.Pascal(name.Value)),
            Value = value,
            Type = type,
            MultiAttr = multi,
            Doc = fields.Text("doc")?.Value,
        };
    }

    private TypeSpec? AttrType(RawText name, Fields fields)
    {
        if (fields.Text("type") is not { } type)
        {
            _diagnostics.Report(DiagnosticDescriptors.MissingKey, fields.Span, $"attribute '{name.Value}' needs a 'type'");
            return null;
        }

        if (KindOf(type.Value) is not { } kind)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnknownAttrType, type.Span, name.Value, type.Value);
            return null;
        }

        RawText? subType = fields.Text("sub-type");
        if (subType is not null && KindOf(subType.Value) is null)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnknownAttrType, subType.Span, name.Value, subType.Value);
            return null;
        }

        // genetlink-legacy's array-nest is the older spelling of indexed-array with sub-type nest.
        if (type.Value == "array-nest")
        {
            subType ??= new RawText("nest", type.Span);
        }

        switch (kind)
        {
            case AttrKind.IndexedArray:
                if (subType is null)
                {
                    _diagnostics.Report(DiagnosticDescriptors.MissingKey, type.Span, $"indexed-array attribute '{name.Value}' needs a 'sub-type'");
                    return null;
                }

                AttrKind itemKind = KindOf(subType.Value)!.Value;
                if (itemKind is not (AttrKind.Scalar or AttrKind.String or AttrKind.Binary or AttrKind.Nest))
                {
                    _diagnostics.Report(DiagnosticDescriptors.UnknownAttrType, subType.Span, name.Value, subType.Value + " (an indexed-array's items are integers, strings, binaries or nests)");
                    return null;
                }

                return ValueType(name, itemKind, subType.Value, null, fields) is { } item
                    ? new TypeSpec { Kind = AttrKind.IndexedArray, Item = item }
                    : null;
            case AttrKind.NestTypeValue:
                return NestTypeValue(name, type, fields);
            default:
                return ValueType(name, kind, type.Value, subType, fields);
        }
    }

    /// <summary>The encoding of an attribute, or of an indexed array's items (then <paramref name="subType"/> is null).</summary>
    private TypeSpec? ValueType(RawText name, AttrKind kind, string typeName, RawText? subType, Fields fields)
    {
        string? enumName = fields.Text("enum") is { } e ? (EnumRef(e) ? e.Value : null) : null;
        if (fields.Text("enum") is not null && enumName is null)
        {
            return null;
        }

        var type = new TypeSpec
        {
            Kind = kind,
            Scalar = kind == AttrKind.Scalar ? ScalarOf(typeName) : ScalarType.None,
            BigEndian = fields.Text("byte-order")?.Value == "big-endian",
            Enum = enumName,
            EnumAsFlags = fields.Bool("enum-as-flags"),
            Hint = Hint(fields.Text("display-hint")),
            ExactLength = fields.Length("exact-len"),
            MinLength = fields.Length("min-len"),
            MaxLength = fields.Length("max-len"),
        };

        switch (kind)
        {
            case AttrKind.Binary:
                if (fields.Text("struct") is { } structRef)
                {
                    return Struct(structRef) is { } s ? type with { Struct = s.Name } : null;
                }

                ScalarType element = ScalarOf(subType?.Value);
                return element is ScalarType.None or ScalarType.UInt or ScalarType.SInt ? type : type with { ArrayOf = element };
            case AttrKind.Nest:
                if (fields.Text("nested-attributes") is { } nested)
                {
                    return SetRef(nested) ? type with { NestedSet = nested.Value } : null;
                }

                return type;
            case AttrKind.SubMessage:
                RawText? subMessage = fields.Text("sub-message");
                RawText? selector = fields.Text("selector");
                if (subMessage is null || selector is null)
                {
                    _diagnostics.Report(DiagnosticDescriptors.MissingKey, fields.Span, $"sub-message attribute '{name.Value}' needs 'sub-message' and 'selector'");
                    return null;
                }

                if (!_rawSubMessages.ContainsKey(subMessage.Value))
                {
                    _diagnostics.Report(DiagnosticDescriptors.UnknownReference, subMessage.Span, "sub-message", subMessage.Value);
                    return null;
                }

                _selectorSpans[(_currentSet, name.Value)] = selector.Span;
                return type with { SubMessage = subMessage.Value, Selector = new SelectorSpec { Name = selector.Value, IsLocal = true, IsString = true } };
            case AttrKind.IndexedArray or AttrKind.NestTypeValue:
                _diagnostics.Report(DiagnosticDescriptors.UnknownAttrType, fields.Span, name.Value, typeName + " (as an indexed-array's sub-type)");
                return null;
            default:
                return type;
        }
    }

    private TypeSpec? NestTypeValue(RawText name, RawText type, Fields fields)
    {
        if (fields.Text("nested-attributes") is not { } nested)
        {
            _diagnostics.Report(DiagnosticDescriptors.MissingKey, type.Span, $"nest-type-value attribute '{name.Value}' needs 'nested-attributes'");
            return null;
        }

        List<RawText>? ids = fields.List("type-value");
        if (ids is null || ids.Count is 0 or > 3)
        {
            _diagnostics.Report(DiagnosticDescriptors.InvalidValue, fields.NodeSpan("type-value") ?? type.Span, ids is null ? "(missing)" : ids.Count + " ids", $"'type-value' of '{name.Value}' (a list of 1 to 3 id names)");
            return null;
        }

        return SetRef(nested)
            ? new TypeSpec { Kind = AttrKind.NestTypeValue, NestedSet = nested.Value, TypeValue = ids.Select(i => i.Value).ToEquatableArray() }
            : null;
    }

    /// <summary>An attribute's keys, looked up along its definition chain, with the shape checks the read phase does for elements.</summary>
    private readonly struct Fields
    {
        private readonly List<RawNode> _chain;
        private readonly SpecResolver _owner;

        public Fields(List<RawNode> chain, SpecResolver owner)
        {
            _chain = chain;
            _owner = owner;
        }

        public SourceSpan Span => _chain[0].Span;

        public SourceSpan? NodeSpan(string key) => Node(key)?.Span;

        public RawText? Text(string key)
        {
            RawNode? node = Node(key);
            if (node is null || node.IsEmptyPlain)
            {
                return null;
            }

            if (node.Scalar is null)
            {
                _owner._diagnostics.Report(DiagnosticDescriptors.MissingKey, node.Span, $"'{key}' must be a scalar");
                return null;
            }

            return new RawText(node.Scalar, node.Span);
        }

        public bool Bool(string key)
        {
            RawText? text = Text(key);
            if (text is null || string.Equals(text.Value, "false", System.StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (string.Equals(text.Value, "true", System.StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            _owner._diagnostics.Report(DiagnosticDescriptors.InvalidValue, text.Span, text.Value, $"'{key}' (true or false)");
            return false;
        }

        public List<RawText>? List(string key)
        {
            RawNode? node = Node(key);
            if (node?.Items is null)
            {
                return null;
            }

            var items = new List<RawText>();
            foreach (RawNode item in node.Items)
            {
                if (item.Scalar is null)
                {
                    _owner._diagnostics.Report(DiagnosticDescriptors.MissingKey, item.Span, $"'{key}' must list names");
                    return null;
                }

                items.Add(new RawText(item.Scalar, item.Span));
            }

            return items;
        }

        /// <summary>A length under <c>checks:</c> (an integer or an integer const, by name or C name), or -1.</summary>
        public int Length(string key)
        {
            RawNode? checks = Node("checks");
            if (checks is null || !checks.IsMap || checks[key] is not { Scalar: { } text } node)
            {
                return -1;
            }

            return (int)(_owner.Int(new RawText(text, node.Span), "checks " + key + " (0..65531)", 0, 65531) ?? -1);
        }

        private RawNode? Node(string key)
        {
            foreach (RawNode node in _chain)
            {
                if (node[key] is { } value)
                {
                    return value;
                }
            }

            return null;
        }
    }
}

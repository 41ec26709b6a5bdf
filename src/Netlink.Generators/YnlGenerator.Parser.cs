using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Netlink.Generators;

public sealed partial class YnlGenerator
{
    /// <summary>
    /// Spec text -> <see cref="FamilySpec"/>, in two phases like the kernel's nlspec: YamlDotNet's
    /// representation model reads the raw document (anchors, aliases, block scalars, positions),
    /// then cross references (subset-of, nested-attributes, enum, struct, sub-message, selectors,
    /// fixed headers) are resolved and checked. Errors become diagnostics, never exceptions.
    /// </summary>
    internal sealed class Parser
    {
        private static readonly string[] ReservedFamilyMembers =
        {
            "Messages", "Commands", "McastGroups", "Constants", "Describe", "DescribeAttributes", "NlAttrAt", "NlAttrFilter",
            "NlHex", "NlText", "NlIndent", "NlGenlHeaderSize", "FamilyName", "ToString", "Equals", "GetHashCode",
        };

        private readonly SpecInput _input;
        private readonly List<DiagnosticInfo> _diagnostics = new();
        private readonly Dictionary<string, ConstSpec> _consts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ConstSpec> _constAliases = new(StringComparer.Ordinal);
        private readonly Dictionary<string, EnumSpec> _enums = new(StringComparer.Ordinal);
        private readonly Dictionary<string, YamlMappingNode> _rawStructs = new(StringComparer.Ordinal);
        private readonly Dictionary<string, StructSpec> _structs = new(StringComparer.Ordinal);
        private readonly HashSet<string> _resolvingStructs = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _structNames = new(StringComparer.Ordinal);
        private readonly Dictionary<string, YamlMappingNode> _rawSets = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<AttrSpec>> _sets = new(StringComparer.Ordinal);
        private readonly Dictionary<string, YamlMappingNode> _rawSubMessages = new(StringComparer.Ordinal);
        private NameScope _types = new();

        private Parser(SpecInput input) => _input = input;

        /// <summary>Parses one spec file; never throws.</summary>
        public static ParseResult Parse(SpecInput input, System.Threading.CancellationToken cancellationToken = default)
        {
            var parser = new Parser(input);
            FamilySpec? family = null;
            try
            {
                family = parser.ParseFamily(cancellationToken);
            }
            catch (SpecError error)
            {
                parser._diagnostics.Add(error.Info);
            }
            catch (YamlException yaml)
            {
                parser._diagnostics.Add(parser.At(DiagnosticDescriptors.YamlSyntax.Id, yaml.Start, yaml.End, yaml.Message));
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                parser._diagnostics.Add(parser.At(DiagnosticDescriptors.InternalError.Id, Mark.Empty, Mark.Empty, ex.GetType().Name + ": " + ex.Message));
            }

            bool failed = parser._diagnostics.Count > 0;
            return new ParseResult(failed ? null : family, parser._diagnostics.ToEquatableArray());
        }

        // ---------------------------------------------------------------- phase 1: raw YAML

        private FamilySpec ParseFamily(System.Threading.CancellationToken ct)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(_input.Text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                throw Error(DiagnosticDescriptors.MissingKey, stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode, "the spec must be a YAML mapping with name, attribute-sets and operations");
            }

            string name = RequiredString(root, "name");
            string protocol = OptionalString(root, "protocol") ?? "genetlink";
            if (protocol is not ("netlink-raw" or "genetlink" or "genetlink-c" or "genetlink-legacy"))
            {
                throw Error(DiagnosticDescriptors.UnknownProtocol, Node(root, "protocol"), protocol);
            }

            string className = Naming.ToPascal(name);
            _types = new NameScope(ReservedFamilyMembers.Concat(new[] { className }).ToArray());
            string ns = string.IsNullOrWhiteSpace(_input.Namespace) ? "Netlink.Generated." + className : _input.Namespace!.Trim();

            // ------------------------------------------------------------ phase 2: resolve
            ReadDefinitions(root);
            ct.ThrowIfCancellationRequested();
            List<AttrSetSpec> sets = ReadAttributeSets(root);
            ct.ThrowIfCancellationRequested();
            List<SubMessageSpec> subMessages = ReadSubMessages(root);
            sets = ResolveSelectors(sets, subMessages);
            List<OperationSpec> ops = ReadOperations(root, protocol);
            List<McastGroupSpec> groups = ReadMcastGroups(root);

            return new FamilySpec(
                name,
                className,
                ns,
                Path.GetFileName(_input.Path),
                protocol,
                OptionalString(root, "doc"),
                _consts.Values.ToEquatableArray(),
                _enums.Values.ToEquatableArray(),
                _structs.Values.OrderBy(s => s.CsName, StringComparer.Ordinal).ToEquatableArray(),
                sets.ToEquatableArray(),
                subMessages.ToEquatableArray(),
                ops.ToEquatableArray(),
                groups.ToEquatableArray());
        }

        private void ReadDefinitions(YamlMappingNode root)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (YamlMappingNode def in Sequence(root, "definitions").Select(n => AsMap(n, "definition")))
            {
                string name = RequiredString(def, "name");
                string type = RequiredString(def, "type");
                if (!seen.Add(name))
                {
                    throw Error(DiagnosticDescriptors.DuplicateName, Node(def, "name"), "definition", name);
                }

                switch (type)
                {
                    case "const":
                        ReadConst(def, name);
                        break;
                    case "enum":
                    case "flags":
                        ReadEnum(def, name, type == "flags");
                        break;
                    case "struct":
                        _rawStructs[name] = def;
                        _structNames[name] = _types.Reserve(Naming.ToPascal(name));
                        break;
                    default:
                        throw Error(DiagnosticDescriptors.InvalidValue, Node(def, "type"), type, "a definition type (const, enum, flags, struct)");
                }
            }

            foreach (string name in _rawStructs.Keys.ToList())
            {
                ResolveStruct(name, null);
            }
        }

        private void ReadConst(YamlMappingNode def, string name)
        {
            YamlScalarNode value = AsScalar(RequiredNode(def, "value"), "const value");
            string text = value.Value ?? string.Empty;
            bool isInt = TryParseInt(text, out long number);
            var spec = new ConstSpec(name, Naming.ToPascal(name), !isInt, text, number, OptionalString(def, "doc"));
            _consts[name] = spec;

            // checks: may name a const by its C name (name-prefix + name, e.g. wg-key-len); only the plain name is emitted.
            if (OptionalString(def, "name-prefix") is { } prefix && !_constAliases.ContainsKey(prefix + name))
            {
                _constAliases[prefix + name] = spec;
            }
        }

        private void ReadEnum(YamlMappingNode def, string name, bool isFlags)
        {
            string csName = _types.Reserve(Naming.ToPascal(name));
            long next = 0;
            YamlNode? start = Node(def, "value-start");
            if (start is not null)
            {
                next = ParseInt(start, "value-start");
            }

            var scope = new NameScope("value__");
            var entries = new List<EnumEntrySpec>();
            foreach (YamlNode node in Sequence(def, "entries"))
            {
                string entryName;
                string? doc = null;
                if (node is YamlScalarNode scalar)
                {
                    entryName = scalar.Value ?? string.Empty;
                }
                else
                {
                    YamlMappingNode map = AsMap(node, "enum entry");
                    entryName = RequiredString(map, "name");
                    doc = OptionalString(map, "doc");
                    if (Node(map, "value") is { } explicitValue)
                    {
                        next = ParseInt(explicitValue, "enum entry value");
                    }
                }

                long user = isFlags ? (next >= 64 ? throw Error(DiagnosticDescriptors.InvalidValue, node, next.ToString(CultureInfo.InvariantCulture), "a flag bit (0..63)") : unchecked((long)(1UL << (int)next))) : next;
                entries.Add(new EnumEntrySpec(entryName, scope.Reserve(Naming.ToPascal(entryName)), user, doc));
                next++;
            }

            if (OptionalBool(def, "render-max") && entries.Count > 0)
            {
                long max = isFlags ? entries.Aggregate(0L, (m, e) => m | e.Value) : entries.Max(e => e.Value);
                entries.Add(new EnumEntrySpec("max", scope.Reserve("Max"), max, "The highest value (render-max)."));
            }

            bool negative = entries.Any(e => e.Value < 0);
            bool wide = entries.Any(e => e.Value > uint.MaxValue || e.Value < int.MinValue);
            string backing = negative ? (wide ? "long" : "int") : (wide || (isFlags && entries.Any(e => e.Value < 0)) ? "ulong" : "uint");
            if (isFlags && entries.Any(e => e.Value < 0))
            {
                backing = "ulong";
            }

            _enums[name] = new EnumSpec(name, csName, isFlags, backing, entries.ToEquatableArray(), OptionalString(def, "doc"));
        }

        private StructSpec ResolveStruct(string name, YamlNode? reference)
        {
            if (_structs.TryGetValue(name, out StructSpec? done))
            {
                return done;
            }

            if (!_rawStructs.TryGetValue(name, out YamlMappingNode? def))
            {
                throw Error(DiagnosticDescriptors.UnknownReference, reference, "struct", name);
            }

            if (!_resolvingStructs.Add(name))
            {
                throw Error(DiagnosticDescriptors.InvalidValue, reference, name, "a struct member (structs may not contain themselves)");
            }

            var scope = new NameScope(_structNames[name], "Size", "Equals", "GetHashCode", "ToString", "GetType");
            var members = new List<StructMemberSpec>();
            int offset = 0;
            foreach (YamlMappingNode m in Sequence(def, "members").Select(n => AsMap(n, "struct member")))
            {
                string memberName = RequiredString(m, "name");
                string type = RequiredString(m, "type");
                string? structRef = OptionalString(m, "struct");
                int length = type switch
                {
                    "u8" or "s8" => 1,
                    "u16" or "s16" => 2,
                    "u32" or "s32" => 4,
                    "u64" or "s64" => 8,
                    "pad" or "string" => ResolveLen(m, memberName),
                    "binary" => structRef is not null ? ResolveStruct(structRef, Node(m, "struct")).Size : ResolveLen(m, memberName),
                    _ => throw Error(DiagnosticDescriptors.UnknownMemberType, Node(m, "type"), memberName, type),
                };
                string? enumRef = OptionalString(m, "enum");
                if (enumRef is not null && !_enums.ContainsKey(enumRef))
                {
                    throw Error(DiagnosticDescriptors.UnknownReference, Node(m, "enum"), "enum", enumRef);
                }

                members.Add(new StructMemberSpec(
                    memberName,
                    scope.Reserve(Naming.ToPascal(memberName)),
                    type,
                    offset,
                    length,
                    OptionalString(m, "byte-order") == "big-endian",
                    enumRef,
                    OptionalBool(m, "enum-as-flags"),
                    OptionalString(m, "display-hint"),
                    structRef,
                    OptionalString(m, "doc")));
                offset += length;
            }

            _resolvingStructs.Remove(name);
            var spec = new StructSpec(name, _structNames[name], offset, members.ToEquatableArray(), OptionalString(def, "doc"));
            _structs[name] = spec;
            return spec;
        }

        private int ResolveLen(YamlMappingNode member, string memberName)
        {
            YamlNode node = Node(member, "len") ?? throw Error(DiagnosticDescriptors.MissingKey, member, $"struct member '{memberName}' needs 'len'");
            string text = AsScalar(node, "len").Value ?? string.Empty;
            if (TryParseInt(text, out long n) && n >= 0 && n < 65536)
            {
                return (int)n;
            }

            string trimmed = text.Trim();
            int adjust = 0;
            if (trimmed.EndsWith(" - 1", StringComparison.Ordinal))
            {
                trimmed = trimmed.Substring(0, trimmed.Length - 4).Trim();
                adjust = -1;
            }

            if (_consts.TryGetValue(trimmed, out ConstSpec? c) && !c.IsString && c.IntValue + adjust >= 0 && c.IntValue + adjust < 65536)
            {
                return (int)c.IntValue + adjust;
            }

            throw Error(DiagnosticDescriptors.InvalidValue, node, text, "len (an integer or the name of an integer const)");
        }

        // ---------------------------------------------------------------- attribute sets

        private List<AttrSetSpec> ReadAttributeSets(YamlMappingNode root)
        {
            var order = new List<string>();
            foreach (YamlMappingNode set in Sequence(root, "attribute-sets", required: true).Select(n => AsMap(n, "attribute set")))
            {
                string name = RequiredString(set, "name");
                if (_rawSets.ContainsKey(name))
                {
                    throw Error(DiagnosticDescriptors.DuplicateName, Node(set, "name"), "attribute set", name);
                }

                _rawSets[name] = set;
                order.Add(name);
            }

            foreach (string name in order)
            {
                ResolveSet(name, null);
            }

            var result = new List<AttrSetSpec>();
            foreach (string name in order)
            {
                string cs = Naming.ToPascal(name);
                YamlMappingNode raw = _rawSets[name];
                result.Add(new AttrSetSpec(
                    name,
                    cs,
                    _types.Reserve(cs + "Attr"),
                    _types.Reserve(cs + "Writer"),
                    _types.Reserve(cs + "Reader"),
                    _sets[name].ToEquatableArray(),
                    EquatableArray<string>.Empty,
                    OptionalString(raw, "doc")));
            }

            return result;
        }

        private List<AttrSpec> ResolveSet(string name, YamlNode? reference)
        {
            if (_sets.TryGetValue(name, out List<AttrSpec>? done))
            {
                return done;
            }

            if (!_rawSets.TryGetValue(name, out YamlMappingNode? set))
            {
                throw Error(DiagnosticDescriptors.UnknownReference, reference, "attribute set", name);
            }

            _sets[name] = new List<AttrSpec>(); // guards against subset-of cycles
            string? subsetOf = OptionalString(set, "subset-of");
            Dictionary<string, (YamlMappingNode Node, int Value)>? parent = null;
            if (subsetOf is not null)
            {
                ResolveSet(subsetOf, Node(set, "subset-of"));
                parent = RawAttrsWithValues(_rawSets[subsetOf]);
            }

            var attrs = new List<AttrSpec>();
            var scope = new NameScope();
            var firsts = new Dictionary<string, (YamlMappingNode Node, int Value)>(StringComparer.Ordinal);
            int next = 1;
            foreach (YamlMappingNode a in Sequence(set, "attributes", required: true).Select(n => AsMap(n, "attribute")))
            {
                string attrName = RequiredString(a, "name");
                int value;
                IReadOnlyDictionary<string, YamlNode> merged;
                if (parent is not null)
                {
                    if (firsts.ContainsKey(attrName))
                    {
                        continue; // a subset naming an attribute twice still means that one attribute
                    }

                    if (!parent.TryGetValue(attrName, out var parentAttr))
                    {
                        throw Error(DiagnosticDescriptors.UnknownReference, Node(a, "name"), $"attribute of set '{subsetOf}'", attrName);
                    }

                    value = parentAttr.Value;
                    var dict = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
                    foreach (var kv in parentAttr.Node.Children)
                    {
                        dict[((YamlScalarNode)kv.Key).Value ?? string.Empty] = kv.Value;
                    }

                    foreach (var kv in a.Children)
                    {
                        dict[((YamlScalarNode)kv.Key).Value ?? string.Empty] = kv.Value;
                    }

                    merged = dict;
                }
                else
                {
                    // Every entry moves the implicit value on, a repeated one too, as the kernel's nlspec does.
                    if (Node(a, "value") is { } explicitValue)
                    {
                        next = (int)ParseInt(explicitValue, "attribute value", 0, ushort.MaxValue & 0x3fff);
                    }

                    value = next++;
                    if (firsts.TryGetValue(attrName, out var first))
                    {
                        if (IsExactRepeat(first.Node, first.Value, a, value))
                        {
                            continue; // the kernel's tooling keys attributes by name, so an identical repeat changes nothing
                        }

                        throw Error(DiagnosticDescriptors.DuplicateName, Node(a, "name"), "attribute", attrName);
                    }

                    merged = a.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value ?? string.Empty, kv => kv.Value, StringComparer.Ordinal);
                }

                firsts[attrName] = (a, value);
                attrs.Add(ReadAttr(a, attrName, scope.Reserve(Naming.ToPascal(attrName)), value, merged));
            }

            _sets[name] = attrs;
            return attrs;
        }

        /// <summary>
        /// True if a repeated attribute says exactly what the first one said. The value is compared as
        /// resolved (an explicit value equal to the implicit one is no difference); every other key,
        /// doc included, must match, so a repeat that could mean something else stays an error.
        /// </summary>
        private static bool IsExactRepeat(YamlMappingNode first, int firstValue, YamlMappingNode repeat, int value) =>
            firstValue == value && SameNode(WithoutKey(first, "value"), WithoutKey(repeat, "value"));

        private static YamlMappingNode WithoutKey(YamlMappingNode map, string key) =>
            new(map.Children.Where(kv => (kv.Key as YamlScalarNode)?.Value != key));

        /// <summary>Structural equality of YAML content: scalar text, list items in order, mapping entries in any order.</summary>
        private static bool SameNode(YamlNode x, YamlNode y) => (x, y) switch
        {
            (YamlScalarNode s, YamlScalarNode t) => s.Value == t.Value,
            (YamlSequenceNode s, YamlSequenceNode t) => s.Children.Count == t.Children.Count && s.Children.Zip(t.Children, SameNode).All(same => same),
            (YamlMappingNode s, YamlMappingNode t) => s.Children.Count == t.Children.Count
                && s.Children.All(kv => t.Children.TryGetValue(kv.Key, out YamlNode? other) && SameNode(kv.Value, other)),
            _ => false,
        };

        private Dictionary<string, (YamlMappingNode, int)> RawAttrsWithValues(YamlMappingNode set)
        {
            var result = new Dictionary<string, (YamlMappingNode, int)>(StringComparer.Ordinal);
            string? subsetOf = OptionalString(set, "subset-of");
            Dictionary<string, (YamlMappingNode Node, int Value)>? parent = subsetOf is not null && _rawSets.TryGetValue(subsetOf, out var p) ? RawAttrsWithValues(p) : null;
            int next = 1;
            foreach (YamlMappingNode a in Sequence(set, "attributes").OfType<YamlMappingNode>())
            {
                string attrName = OptionalString(a, "name") ?? string.Empty;
                if (parent is not null && parent.TryGetValue(attrName, out var pa))
                {
                    result[attrName] = (pa.Node, pa.Value);
                    continue;
                }

                if (Node(a, "value") is { } explicitValue)
                {
                    next = (int)ParseInt(explicitValue, "attribute value");
                }

                result[attrName] = (a, next++);
            }

            return result;
        }

        private AttrSpec ReadAttr(YamlMappingNode at, string name, string csName, int value, IReadOnlyDictionary<string, YamlNode> a)
        {
            string? Get(string key) => a.TryGetValue(key, out YamlNode? n) ? AsScalar(n, key).Value : null;
            YamlNode? NodeOf(string key) => a.TryGetValue(key, out YamlNode? n) ? n : at;

            string type = Get("type") ?? throw Error(DiagnosticDescriptors.MissingKey, at, $"attribute '{name}' needs a 'type'");
            string? subType = Get("sub-type");
            NormalizeLegacyType(ref type, ref subType);
            AttrKind kind = KindOf(type) ?? throw Error(DiagnosticDescriptors.UnknownAttrType, NodeOf("type"), name, type);
            if (subType is not null && KindOf(subType) is null)
            {
                throw Error(DiagnosticDescriptors.UnknownAttrType, NodeOf("sub-type"), name, subType);
            }

            string? nested = Get("nested-attributes");
            if (nested is not null && !_rawSets.ContainsKey(nested))
            {
                throw Error(DiagnosticDescriptors.UnknownReference, NodeOf("nested-attributes"), "attribute set", nested);
            }

            string? structRef = Get("struct");
            if (structRef is not null && !_rawStructs.ContainsKey(structRef))
            {
                throw Error(DiagnosticDescriptors.UnknownReference, NodeOf("struct"), "struct", structRef);
            }

            string? enumRef = Get("enum");
            if (enumRef is not null && !_enums.ContainsKey(enumRef))
            {
                throw Error(DiagnosticDescriptors.UnknownReference, NodeOf("enum"), "enum", enumRef);
            }

            string? subMessage = Get("sub-message");
            string? selector = Get("selector");
            if (kind == AttrKind.SubMessage)
            {
                if (subMessage is null || selector is null)
                {
                    throw Error(DiagnosticDescriptors.MissingKey, at, $"sub-message attribute '{name}' needs 'sub-message' and 'selector'");
                }
            }

            bool multi = Get("multi-attr") is { } m && ParseBool(m, NodeOf("multi-attr")!);
            var typeValue = new List<string>();
            if (a.TryGetValue("type-value", out YamlNode? tv))
            {
                if (tv is not YamlSequenceNode seq)
                {
                    throw Error(DiagnosticDescriptors.MissingKey, tv, $"'type-value' of '{name}' must be a list");
                }

                typeValue.AddRange(seq.Children.Select(c => AsScalar(c, "type-value").Value ?? string.Empty));
            }

            if (kind == AttrKind.NestTypeValue && (typeValue.Count == 0 || typeValue.Count > 3))
            {
                typeValue = typeValue.Count == 0 ? new List<string> { "id" } : typeValue.Take(3).ToList();
            }

            return new AttrSpec(
                name,
                csName,
                value,
                kind,
                type,
                subType,
                Get("byte-order") == "big-endian",
                multi,
                nested,
                structRef,
                enumRef,
                Get("enum-as-flags") is { } f && ParseBool(f, NodeOf("enum-as-flags")!),
                Get("display-hint"),
                subMessage,
                selector,
                SelectorIsLocal: false,
                SelectorIsString: true,
                typeValue.ToEquatableArray(),
                Get("doc"))
            {
                ExactLen = CheckLength(a, "exact-len"),
                MinLen = CheckLength(a, "min-len"),
                MaxLen = CheckLength(a, "max-len"),
            };
        }

        /// <summary>A length under <c>checks:</c> (an integer or an integer const), or -1 when absent.</summary>
        private int CheckLength(IReadOnlyDictionary<string, YamlNode> attr, string key) =>
            attr.TryGetValue("checks", out YamlNode? checks) && checks is YamlMappingNode map && Node(map, key) is { } n
                ? (int)ParseInt(n, "checks " + key, 0, NlMaxPayload)
                : -1;

        private const int NlMaxPayload = 65531;

        /// <summary>
        /// genetlink-legacy's <c>array-nest</c> is the older spelling of <c>indexed-array</c> with
        /// <c>sub-type: nest</c> (kernel specs of that era still use it). Rewriting it here gives both
        /// spellings one model, so they generate the same API and the codecs never see the old name.
        /// </summary>
        private static void NormalizeLegacyType(ref string type, ref string? subType)
        {
            if (type == "array-nest")
            {
                type = "indexed-array";
                subType ??= "nest";
            }
        }

        private static AttrKind? KindOf(string type) => type switch
        {
            "unused" => AttrKind.Unused,
            "pad" => AttrKind.Pad,
            "flag" => AttrKind.Flag,
            "u8" or "u16" or "u32" or "u64" or "s8" or "s16" or "s32" or "s64" or "uint" or "sint" => AttrKind.Scalar,
            "string" => AttrKind.String,
            "binary" => AttrKind.Binary,
            "bitfield32" => AttrKind.Bitfield32,
            "nest" => AttrKind.Nest,
            "indexed-array" => AttrKind.IndexedArray,
            "nest-type-value" => AttrKind.NestTypeValue,
            "sub-message" => AttrKind.SubMessage,
            _ => null,
        };

        // ---------------------------------------------------------------- sub-messages and selectors

        private List<SubMessageSpec> ReadSubMessages(YamlMappingNode root)
        {
            var result = new List<SubMessageSpec>();
            foreach (YamlMappingNode sm in Sequence(root, "sub-messages").Select(n => AsMap(n, "sub-message")))
            {
                string name = RequiredString(sm, "name");
                if (_rawSubMessages.ContainsKey(name))
                {
                    throw Error(DiagnosticDescriptors.DuplicateName, Node(sm, "name"), "sub-message", name);
                }

                _rawSubMessages[name] = sm;
                var scope = new NameScope("Unknown", "Format", "Kind", "Payload", "Selector");
                var formats = new List<SubMessageFormatSpec>();
                foreach (YamlMappingNode f in Sequence(sm, "formats", required: true).Select(n => AsMap(n, "sub-message format")))
                {
                    string value = RequiredString(f, "value");
                    string? header = OptionalString(f, "fixed-header");
                    if (header is not null)
                    {
                        ResolveStruct(header, Node(f, "fixed-header"));
                    }

                    string? set = OptionalString(f, "attribute-set");
                    if (set is not null && !_rawSets.ContainsKey(set))
                    {
                        throw Error(DiagnosticDescriptors.UnknownReference, Node(f, "attribute-set"), "attribute set", set);
                    }

                    formats.Add(new SubMessageFormatSpec(value, scope.Reserve(Naming.ToPascal(value)), header, set));
                }

                result.Add(new SubMessageSpec(name, _types.Reserve(Naming.ToPascal(name)), formats.ToEquatableArray()));
            }

            foreach (var set in _rawSets)
            {
                foreach (YamlMappingNode a in Sequence(set.Value, "attributes").OfType<YamlMappingNode>())
                {
                    if (OptionalString(a, "sub-message") is { } smName && !_rawSubMessages.ContainsKey(smName))
                    {
                        throw Error(DiagnosticDescriptors.UnknownReference, Node(a, "sub-message"), "sub-message", smName);
                    }
                }
            }

            return result;
        }

        /// <summary>
        /// A selector is looked up in the sub-message attribute's own set first, then in the sets that
        /// nest it (transitively); a set that needs a selector it does not hold inherits it from its parent.
        /// </summary>
        private List<AttrSetSpec> ResolveSelectors(List<AttrSetSpec> sets, List<SubMessageSpec> subMessages)
        {
            var byName = sets.ToDictionary(s => s.Name, StringComparer.Ordinal);
            var parents = sets.ToDictionary(s => s.Name, _ => new List<string>(), StringComparer.Ordinal);
            var subByName = subMessages.ToDictionary(s => s.Name, StringComparer.Ordinal);
            foreach (AttrSetSpec set in sets)
            {
                foreach (AttrSpec a in set.Attrs)
                {
                    IEnumerable<string> children = a.NestedSet is not null ? new[] { a.NestedSet } : Array.Empty<string>();
                    if (a.SubMessage is not null && subByName.TryGetValue(a.SubMessage, out SubMessageSpec? sm))
                    {
                        children = children.Concat(sm.Formats.Where(f => f.AttrSet is not null).Select(f => f.AttrSet!));
                    }

                    foreach (string child in children)
                    {
                        if (!parents[child].Contains(set.Name))
                        {
                            parents[child].Add(set.Name);
                        }
                    }
                }
            }

            bool Has(string set, string attr) => byName[set].Attrs.Any(a => a.Name == attr);

            AttrSpec? FindUp(string set, string attr)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var queue = new Queue<string>();
                queue.Enqueue(set);
                while (queue.Count > 0)
                {
                    string s = queue.Dequeue();
                    if (!seen.Add(s))
                    {
                        continue;
                    }

                    AttrSpec? found = byName[s].Attrs.FirstOrDefault(a => a.Name == attr);
                    if (found is not null)
                    {
                        return found;
                    }

                    foreach (string p in parents[s])
                    {
                        queue.Enqueue(p);
                    }
                }

                return null;
            }

            var inherited = sets.ToDictionary(s => s.Name, _ => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
            var resolved = new Dictionary<string, List<AttrSpec>>(StringComparer.Ordinal);
            foreach (AttrSetSpec set in sets)
            {
                var attrs = new List<AttrSpec>();
                foreach (AttrSpec a in set.Attrs)
                {
                    if (a.Kind != AttrKind.SubMessage)
                    {
                        attrs.Add(a);
                        continue;
                    }

                    AttrSpec selector = FindUp(set.Name, a.Selector!) ?? throw Error(
                        DiagnosticDescriptors.SelectorNotFound, SelectorNode(set.Name, a.Name), a.Selector!, a.Name);
                    bool local = Has(set.Name, a.Selector!);
                    if (!local)
                    {
                        inherited[set.Name].Add(a.Selector!);
                    }

                    attrs.Add(a with { SelectorIsLocal = local, SelectorIsString = selector.Kind == AttrKind.String });
                }

                resolved[set.Name] = attrs;
            }

            bool changed = true;
            while (changed)
            {
                changed = false;
                foreach (AttrSetSpec set in sets)
                {
                    foreach (string sel in inherited[set.Name].ToList())
                    {
                        foreach (string p in parents[set.Name])
                        {
                            if (!Has(p, sel) && inherited[p].Add(sel))
                            {
                                changed = true;
                            }
                        }
                    }
                }
            }

            return sets.Select(s => s with
            {
                Attrs = resolved[s.Name].ToEquatableArray(),
                InheritedSelectors = inherited[s.Name].ToEquatableArray(),
            }).ToList();
        }

        private YamlNode? SelectorNode(string set, string attr)
        {
            YamlMappingNode? a = Sequence(_rawSets[set], "attributes").OfType<YamlMappingNode>().FirstOrDefault(n => OptionalString(n, "name") == attr);
            return a is null ? _rawSets[set] : Node(a, "selector") ?? a;
        }

        // ---------------------------------------------------------------- operations, groups

        private List<OperationSpec> ReadOperations(YamlMappingNode root, string protocol)
        {
            YamlMappingNode operations = AsMap(RequiredNode(root, "operations"), "operations");
            bool directional = OptionalString(operations, "enum-model") == "directional";
            string? familyHeader = OptionalString(operations, "fixed-header");
            if (familyHeader is not null)
            {
                ResolveStruct(familyHeader, Node(operations, "fixed-header"));
            }

            var raw = Sequence(operations, "list", required: true).Select(n => AsMap(n, "operation")).ToList();
            var byName = new Dictionary<string, YamlMappingNode>(StringComparer.Ordinal);
            foreach (YamlMappingNode op in raw)
            {
                string name = RequiredString(op, "name");
                if (byName.ContainsKey(name))
                {
                    throw Error(DiagnosticDescriptors.DuplicateName, Node(op, "name"), "operation", name);
                }

                byName[name] = op;
            }

            var scope = new NameScope();
            var result = new List<OperationSpec>();
            int value = 1;
            int req = 1, rsp = 1;
            foreach (YamlMappingNode op in raw)
            {
                string name = RequiredString(op, "name");
                YamlMappingNode? doNode = Node(op, "do") as YamlMappingNode;
                YamlMappingNode? dumpNode = Node(op, "dump") as YamlMappingNode;
                bool isNotify = Node(op, "notify") is not null;
                bool isEvent = Node(op, "event") is not null;

                string? setName = OptionalString(op, "attribute-set");
                string? header = OptionalString(op, "fixed-header");
                if (setName is null && OptionalString(op, "notify") is { } notifyOf)
                {
                    if (!byName.TryGetValue(notifyOf, out YamlMappingNode? target))
                    {
                        throw Error(DiagnosticDescriptors.UnknownReference, Node(op, "notify"), "operation", notifyOf);
                    }

                    setName = OptionalString(target, "attribute-set");
                    header ??= OptionalString(target, "fixed-header");
                }

                header ??= familyHeader;
                if (setName is not null && !_rawSets.ContainsKey(setName))
                {
                    throw Error(DiagnosticDescriptors.UnknownReference, Node(op, "attribute-set"), "attribute set", setName);
                }

                if (header is not null)
                {
                    ResolveStruct(header, Node(op, "fixed-header") ?? Node(operations, "fixed-header"));
                }

                int doReq = -1, doRsp = -1, dumpReq = -1, dumpRsp = -1, evt = -1;
                if (!directional)
                {
                    if (Node(op, "value") is { } v)
                    {
                        value = (int)ParseInt(v, "operation value", 0, ushort.MaxValue);
                    }

                    if (doNode is not null) { doReq = value; doRsp = Node(doNode, "reply") is not null ? value : -1; }
                    if (dumpNode is not null) { dumpReq = value; dumpRsp = value; }
                    if (isNotify || isEvent) { evt = value; }
                    value++;
                }
                else
                {
                    if (isNotify || isEvent)
                    {
                        if (Node(op, "value") is { } v)
                        {
                            rsp = (int)ParseInt(v, "operation value", 0, ushort.MaxValue);
                        }

                        evt = rsp++;
                    }
                    else if (doNode is not null || dumpNode is not null)
                    {
                        YamlMappingNode mode = doNode ?? dumpNode!;
                        int? r1 = SubValue(mode, "request");
                        int? r2 = SubValue(mode, "reply");
                        if (r1 is not null) { req = r1.Value; }
                        if (r2 is not null) { rsp = r2.Value; }
                        bool hasReply = Node(mode, "reply") is not null;
                        if (doNode is not null)
                        {
                            doReq = req;
                            doRsp = hasReply ? rsp : -1;
                        }

                        if (dumpNode is not null)
                        {
                            dumpReq = SubValue(dumpNode, "request") ?? req;
                            dumpRsp = SubValue(dumpNode, "reply") ?? (Node(dumpNode, "reply") is not null ? rsp : -1);
                        }

                        req++;
                        if (hasReply) { rsp++; }
                    }
                }

                var requestAttrs = new List<string>();
                foreach (YamlMappingNode? mode in new[] { doNode, dumpNode })
                {
                    if (mode is not null && Node(mode, "request") is YamlMappingNode request)
                    {
                        requestAttrs.AddRange(Sequence(request, "attributes").OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).Where(s => !requestAttrs.Contains(s)));
                    }
                }

                result.Add(new OperationSpec(
                    name,
                    scope.Reserve(Naming.ToPascal(name)),
                    setName,
                    header,
                    doNode is not null,
                    dumpNode is not null,
                    isNotify,
                    isEvent,
                    doReq,
                    doRsp,
                    dumpReq,
                    dumpRsp,
                    evt,
                    requestAttrs.ToEquatableArray(),
                    OptionalString(op, "mcgrp"),
                    OptionalString(op, "doc")));
            }

            return result;
        }

        private int? SubValue(YamlMappingNode mode, string key) =>
            Node(mode, key) is YamlMappingNode m && Node(m, "value") is { } v ? (int)ParseInt(v, key + " value", 0, ushort.MaxValue) : null;

        private List<McastGroupSpec> ReadMcastGroups(YamlMappingNode root)
        {
            var result = new List<McastGroupSpec>();
            if (Node(root, "mcast-groups") is not YamlMappingNode groups)
            {
                return result;
            }

            var scope = new NameScope();
            foreach (YamlMappingNode g in Sequence(groups, "list").Select(n => AsMap(n, "multicast group")))
            {
                string name = RequiredString(g, "name");
                long value = Node(g, "value") is { } v ? ParseInt(v, "multicast group value", 0, uint.MaxValue) : -1;
                result.Add(new McastGroupSpec(name, scope.Reserve(Naming.ToPascal(name)), value));
            }

            return result;
        }

        // ---------------------------------------------------------------- YAML helpers

        private static YamlNode? Node(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) ? value : null;

        private YamlNode RequiredNode(YamlMappingNode map, string key) =>
            Node(map, key) ?? throw Error(DiagnosticDescriptors.MissingKey, map, $"required key '{key}' is missing");

        private string RequiredString(YamlMappingNode map, string key) => AsScalar(RequiredNode(map, key), key).Value ?? string.Empty;

        private string? OptionalString(YamlMappingNode map, string key)
        {
            YamlNode? node = Node(map, key);
            if (node is null)
            {
                return null;
            }

            YamlScalarNode scalar = AsScalar(node, key);
            return string.IsNullOrEmpty(scalar.Value) && scalar.Style == YamlDotNet.Core.ScalarStyle.Plain ? null : scalar.Value;
        }

        private bool OptionalBool(YamlMappingNode map, string key) => Node(map, key) is { } n && ParseBool(AsScalar(n, key).Value ?? string.Empty, n);

        private bool ParseBool(string text, YamlNode node) => text switch
        {
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ => throw Error(DiagnosticDescriptors.InvalidValue, node, text, "a boolean (true or false)"),
        };

        private IEnumerable<YamlNode> Sequence(YamlMappingNode map, string key, bool required = false)
        {
            YamlNode? node = required ? RequiredNode(map, key) : Node(map, key);
            return node switch
            {
                null => Array.Empty<YamlNode>(),
                YamlSequenceNode seq => seq.Children,
                YamlScalarNode { Value: null or "" } => Array.Empty<YamlNode>(),
                _ => throw Error(DiagnosticDescriptors.MissingKey, node, $"'{key}' must be a list"),
            };
        }

        private YamlMappingNode AsMap(YamlNode node, string what) =>
            node as YamlMappingNode ?? throw Error(DiagnosticDescriptors.MissingKey, node, $"each {what} must be a mapping");

        private YamlScalarNode AsScalar(YamlNode node, string what) =>
            node as YamlScalarNode ?? throw Error(DiagnosticDescriptors.MissingKey, node, $"'{what}' must be a scalar");

        private long ParseInt(YamlNode node, string what, long min = long.MinValue, long max = long.MaxValue)
        {
            string text = AsScalar(node, what).Value ?? string.Empty;
            if (TryParseInt(text, out long value) && value >= min && value <= max)
            {
                return value;
            }

            if ((_consts.TryGetValue(text.Trim(), out ConstSpec? c) || _constAliases.TryGetValue(text.Trim(), out c)) && !c.IsString && c.IntValue >= min && c.IntValue <= max)
            {
                return c.IntValue;
            }

            throw Error(DiagnosticDescriptors.InvalidValue, node, text, what);
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

        // ---------------------------------------------------------------- diagnostics

        private SpecError Error(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, YamlNode? node, params string[] args) =>
            new(At(descriptor.Id, node?.Start ?? Mark.Empty, node?.End ?? Mark.Empty, args));

        private DiagnosticInfo At(string id, Mark start, Mark end, params string[] args)
        {
            int startIndex = (int)Math.Min(start.Index, _input.Text.Length);
            int endIndex = (int)Math.Max(startIndex, Math.Min(end.Index, _input.Text.Length));
            long endLine = end.Line > 0 ? end.Line : start.Line;
            long endColumn = end.Line > 0 ? end.Column : start.Column;
            return new DiagnosticInfo(
                id,
                args.ToEquatableArray(),
                _input.Path,
                startIndex,
                endIndex - startIndex,
                (int)Math.Max(0, start.Line - 1),
                (int)Math.Max(0, start.Column - 1),
                (int)Math.Max(0, endLine - 1),
                (int)Math.Max(0, endColumn - 1));
        }

        private sealed class SpecError : Exception
        {
            public SpecError(DiagnosticInfo info)
                : base(info.Id) => Info = info;

            public DiagnosticInfo Info { get; }
        }
    }
}

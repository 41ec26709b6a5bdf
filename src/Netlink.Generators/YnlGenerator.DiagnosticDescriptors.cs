using Microsoft.CodeAnalysis;

namespace Netlink.Generators;

public sealed partial class YnlGenerator
{
    /// <summary>Every diagnostic the generator reports. Ids are stable; docs/schema-authoring.md explains each.</summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "Netlink.Generators";

        public static readonly DiagnosticDescriptor YamlSyntax = new(
            "NLGEN001", "Invalid YAML", "The netlink spec is not valid YAML: {0}", Category, DiagnosticSeverity.Error, true);

        public static readonly DiagnosticDescriptor MissingKey = new(
            "NLGEN002", "Missing or malformed key", "{0}", Category, DiagnosticSeverity.Error, true);

        public static readonly DiagnosticDescriptor UnknownReference = new(
            "NLGEN003", "Unknown reference", "{0} '{1}' is not defined in this spec", Category, DiagnosticSeverity.Error, true);

        public static readonly DiagnosticDescriptor UnknownAttrType = new(
            "NLGEN004", "Unknown attribute type", "Attribute '{0}' has unknown type '{1}'", Category, DiagnosticSeverity.Error, true);

        public static readonly DiagnosticDescriptor UnknownProtocol = new(
            "NLGEN005", "Unsupported protocol", "Protocol '{0}' is not supported (use netlink-raw, genetlink, genetlink-c or genetlink-legacy)", Category, DiagnosticSeverity.Error, true);

        public static readonly DiagnosticDescriptor InvalidValue = new(
            "NLGEN006", "Invalid value", "'{0}' is not a valid value for {1}", Category, DiagnosticSeverity.Error, true);

        public static readonly DiagnosticDescriptor DuplicateName = new(
            "NLGEN007", "Duplicate name", "{0} '{1}' is defined more than once", Category, DiagnosticSeverity.Error, true);

        public static readonly DiagnosticDescriptor SelectorNotFound = new(
            "NLGEN008", "Sub-message selector not found", "Selector '{0}' of sub-message attribute '{1}' is not an attribute of its set or of any set that nests it", Category, DiagnosticSeverity.Error, true);

        public static readonly DiagnosticDescriptor UnknownMemberType = new(
            "NLGEN009", "Unknown struct member type", "Struct member '{0}' has unsupported type '{1}'", Category, DiagnosticSeverity.Error, true);

        public static readonly DiagnosticDescriptor InternalError = new(
            "NLGEN010", "Generator failure", "The netlink generator failed on this spec (a generator bug; please report it with the spec): {0}", Category, DiagnosticSeverity.Error, true);

        public static readonly DiagnosticDescriptor ReferenceCycle = new(
            "NLGEN011", "Reference cycle", "{0} '{1}' refers back to itself", Category, DiagnosticSeverity.Error, true);

        public static DiagnosticDescriptor? Find(string id) => id switch
        {
            "NLGEN001" => YamlSyntax,
            "NLGEN002" => MissingKey,
            "NLGEN003" => UnknownReference,
            "NLGEN004" => UnknownAttrType,
            "NLGEN005" => UnknownProtocol,
            "NLGEN006" => InvalidValue,
            "NLGEN007" => DuplicateName,
            "NLGEN008" => SelectorNotFound,
            "NLGEN009" => UnknownMemberType,
            "NLGEN010" => InternalError,
            "NLGEN011" => ReferenceCycle,
            _ => null,
        };
    }
}

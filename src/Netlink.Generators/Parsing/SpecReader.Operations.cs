using static Netlink.Generators.YnlGenerator;

namespace Netlink.Generators.Parsing;

internal sealed partial class SpecReader
{
    /// <summary><c>operations</c>: the enum model, the family's fixed header and each operation's modes.</summary>
    private void ReadOperations(RawNode root, RawSpec spec)
    {
        if (root["operations"] is not { } node)
        {
            _diagnostics.Report(DiagnosticDescriptors.MissingKey, root.Span, "required key 'operations' is missing");
            return;
        }

        if (Map(node, "operations") is not { } operations)
        {
            return;
        }

        RawText? model = Text(operations, "enum-model");
        if (model is not null && model.Value is not ("directional" or "unified"))
        {
            _diagnostics.Report(DiagnosticDescriptors.InvalidValue, model.Span, model.Value, "enum-model (unified or directional)");
        }

        spec.Operations = new RawOperations
        {
            Directional = model?.Value == "directional",
            FixedHeader = Text(operations, "fixed-header"),
            NamePrefix = Text(operations, "name-prefix")?.Value,
        };
        foreach (RawNode item in List(operations, "list", required: true))
        {
            if (Map(item, "operation") is not { } op || RequiredText(op, "name", "an operation") is not { } name)
            {
                continue;
            }

            spec.Operations.List.Add(new RawOperation(
                name,
                Text(op, "value"),
                Text(op, "attribute-set"),
                Text(op, "fixed-header"),
                Mode(op, "do"),
                Mode(op, "dump"),
                Text(op, "notify"),
                op["event"] is not null,
                Text(op, "mcgrp"),
                Doc(op)));
        }
    }

    private RawMode? Mode(RawNode op, string key)
    {
        if (op[key] is not { } node)
        {
            return null;
        }

        // "do: {}" or a bare "dump:" still declares the mode.
        RawNode? mode = node.IsEmptyPlain ? null : Map(node, $"'{key}' of an operation");
        RawNode? request = mode?["request"] is { IsMap: true } r ? r : null;
        RawNode? reply = mode?["reply"] is { IsMap: true } p ? p : null;
        return new RawMode(
            request is null ? null : Text(request, "value"),
            reply is null ? null : Text(reply, "value"),
            mode?["reply"] is not null,
            Names(request, "attributes"),
            Names(reply, "attributes"));
    }

    /// <summary><c>mcast-groups</c>.</summary>
    private void ReadMcastGroups(RawNode root, RawSpec spec)
    {
        if (root["mcast-groups"] is not { } node || node.IsEmptyPlain || Map(node, "mcast-groups") is not { } groups)
        {
            return;
        }

        foreach (RawNode item in List(groups, "list"))
        {
            if (Map(item, "multicast group") is { } g && RequiredText(g, "name", "a multicast group") is { } name)
            {
                spec.McastGroups.Add(new RawMcastGroup(name, Text(g, "value")));
            }
        }
    }
}

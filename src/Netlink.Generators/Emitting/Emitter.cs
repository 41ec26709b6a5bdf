using System;
using System.Collections.Generic;
using Netlink.Generators.Helpers;
using Netlink.Generators.Model;

namespace Netlink.Generators.Emitting;

/// <summary>
/// Model -> C# source, one concern per emitter: the family (constants, enums, message ids), its
/// structs, one file per attribute set (ids, writer, reader, typed class), sub-messages,
/// operations (builders, readers, requests and replies), the describer and the typed client.
/// Runs under the invariant culture; a failure (a generator bug) becomes NLGEN010 at the spec.
/// </summary>
internal static class Emitter
{
    public static EmitResult Emit(FamilySpec family)
    {
        try
        {
            var ctx = new EmitContext(family);
            var files = new List<GeneratedFile>
            {
                new(SourceFile.HintName(family, null), FamilyEmitter.Emit(ctx)),
            };
            if (family.Structs.Count > 0)
            {
                files.Add(new(SourceFile.HintName(family, "Structs"), StructEmitter.Emit(ctx)));
            }

            foreach (AttrSetSpec set in family.AttrSets)
            {
                files.Add(new(SourceFile.HintName(family, set.Cs.Bare), AttrSetEmitter.Emit(ctx, set)));
            }

            if (family.SubMessages.Count > 0)
            {
                files.Add(new(SourceFile.HintName(family, "SubMessages"), SubMessageEmitter.Emit(ctx)));
            }

            files.Add(new(SourceFile.HintName(family, "Operations"), OperationEmitter.Emit(ctx)));
            files.Add(new(SourceFile.HintName(family, "Describe"), DescriberEmitter.Emit(ctx)));
            files.Add(new(family.Namespace + "." + family.Cs.Bare + "Client.g.cs", ClientEmitter.Emit(ctx)));
            return new EmitResult(files, null);
        }
        catch (Exception e)
        {
            var failure = new DiagnosticInfo(
                YnlGenerator.DiagnosticDescriptors.InternalError.Id,
                new[] { "while emitting: " + e.GetType().Name + ": " + e.Message }.ToEquatableArray(),
                family.SpecPath,
                SourceSpan.FileStart);
            return new EmitResult(Array.Empty<GeneratedFile>(), failure);
        }
    }
}

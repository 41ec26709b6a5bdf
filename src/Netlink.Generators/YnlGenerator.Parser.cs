using System;
using System.Threading;
using Netlink.Generators.Model;
using Netlink.Generators.Parsing;

namespace Netlink.Generators;

public sealed partial class YnlGenerator
{
    /// <summary>
    /// Spec text -> <see cref="FamilySpec"/> in two phases, like the kernel's nlspec: read (YAML to
    /// raw elements with positions, <see cref="SpecReader"/>), then resolve (links, values, names,
    /// <see cref="SpecResolver"/>). Problems are collected as diagnostics, never thrown.
    /// </summary>
    internal static class Parser
    {
        /// <summary>Parses one spec file; never throws (but for cancellation).</summary>
        public static ParseResult Parse(SpecInput input, CancellationToken cancellationToken = default)
        {
            var diagnostics = new DiagnosticBag(input.Path, input.Text.Length);
            FamilySpec? family = null;
            try
            {
                if (SpecLoader.Load(input.Text, diagnostics) is { } root && SpecReader.Read(root, diagnostics) is { } raw)
                {
                    family = SpecResolver.Resolve(raw, input, diagnostics, cancellationToken);
                }
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception e)
            {
                // A bug, not a spec problem; still a diagnostic at the file, never an AD0001.
                diagnostics.Report(DiagnosticDescriptors.InternalError, SourceSpan.FileStart, e.GetType().Name + ": " + e.Message);
            }

            return new ParseResult(diagnostics.HasErrors ? null : family, diagnostics.ToArray());
        }
    }
}

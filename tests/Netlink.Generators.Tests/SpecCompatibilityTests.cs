using Microsoft.CodeAnalysis;
using Netlink.Encoding;
using Netlink.Generators.Model;
using Netlink.Generators.Tests.Generated;
using Xunit;

namespace Netlink.Generators.Tests;

/// <summary>
/// Constructs found in the kernel's own spec files that the kernel's tooling accepts: each has a
/// small fixture under Fixtures/Specs (compiled into this assembly) and is exercised here.
/// </summary>
public sealed class SpecCompatibilityTests
{
    [Theory]
    [InlineData("array-nest-fam.yaml")]
    [InlineData("dup-attr-fam.yaml")]
    [InlineData("binary-array-fam.yaml")]
    public void FixtureGeneratesWarningFreeCode(string fixture)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Specs", fixture);
        var (run, compile) = GeneratorHarness.Run(path, File.ReadAllText(path));
        Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics));
        Assert.NotEmpty(run.GeneratedTrees);
        Assert.True(compile.IsEmpty, string.Join("\n", compile));
    }

    [Fact]
    public void ArrayNestIsTheSameModelAsAnIndexedArrayOfNests()
    {
        AttrSpec legacy = ParseEntries("{ name: entries, type: array-nest, nested-attributes: entry }");
        AttrSpec current = ParseEntries("{ name: entries, type: indexed-array, sub-type: nest, nested-attributes: entry }");
        Assert.Equal(current, legacy);
    }

    [Fact]
    public void ArrayNestRoundTrips()
    {
        using var mw = new NetlinkMessageWriter();
        var w = new ArrayNestFam.RootWriter(mw);
        w.WriteCount(2);
        var entries = w.BeginEntries();
        ArrayNestFam.EntryWriter first = entries.BeginItem(1); // the kernel numbers such arrays from 1
        first.WriteId(7);
        first.WriteLabel("a");
        first.End();
        ArrayNestFam.EntryWriter second = entries.BeginItem();
        second.WriteId(8);
        second.WriteLabel("b");
        second.End();
        entries.End();

        var r = new ArrayNestFam.RootReader(mw.WrittenSpan);
        Assert.False(r.IsMalformed);
        Assert.Equal(0, r.UnknownCount);
        Assert.True(r.TryGetCount(out uint count) && count == 2);
        var items = new List<(ushort Index, uint Id, string? Label)>();
        var it = r.GetEntries();
        while (it.MoveNext())
        {
            ArrayNestFam.EntryReader item = it.Current;
            Assert.True(item.TryGetId(out uint id));
            Assert.True(item.TryGetLabel(out string? label));
            items.Add((it.Index, id, label));
        }

        Assert.Equal(new (ushort, uint, string?)[] { (1, 7, "a"), (2, 8, "b") }, items);
    }

    [Fact]
    public void ExactRepeatOfAnAttributeIsDefinedOnce()
    {
        Assert.Equal(["Unspec", "Text", "Count", "Label"], Enum.GetNames<DupAttrFam.StringsAttr>());
        Assert.Equal([0, 1, 2, 3], Enum.GetValues<DupAttrFam.StringsAttr>().Select(v => (int)v));

        using var mw = new NetlinkMessageWriter();
        var w = new DupAttrFam.StringsWriter(mw);
        w.WriteText("a");
        w.WriteText("b");
        w.WriteCount(2);
        w.WriteLabel("c");
        var r = new DupAttrFam.StringsReader(mw.WrittenSpan);
        Assert.Equal(2, r.TextCount);
        Assert.True(r.TryGetCount(out uint count) && count == 2);
        Assert.True(r.TryGetLabel(out string? label) && label == "c");
    }

    [Theory]
    [InlineData("{ name: unspec, type: unused, value: 1 }")]             // another value
    [InlineData("{ name: unspec, type: pad, value: 0 }")]                // another type
    [InlineData("{ name: unspec, type: unused }")]                       // implicit value 1, not 0
    [InlineData("{ name: unspec, type: unused, value: 0, doc: other }")] // any other key differs
    public void RepeatWithAnotherDefinitionIsStillAnError(string repeat)
    {
        string yaml = "name: f\nattribute-sets:\n  - name: s\n    attributes:\n"
            + "      - { name: unspec, type: unused, value: 0 }\n"
            + "      - " + repeat + "\n"
            + "operations:\n  list: []\n";
        var (run, _) = GeneratorHarness.Run("/specs/dup.yaml", yaml);
        Diagnostic d = Assert.Single(run.Diagnostics);
        Assert.Equal("NLGEN007", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        FileLinePositionSpan span = d.Location.GetLineSpan();
        Assert.Equal("/specs/dup.yaml", span.Path);
        Assert.Equal(6, span.StartLinePosition.Line + 1); // the repeat, not the first definition
        Assert.Empty(run.GeneratedTrees);
    }

    [Fact]
    public void BinaryArraysOfOneByteScalarsRoundTrip()
    {
        // For u8 the raw span writer is the array writer, so it is the only overload.
        Assert.Single(typeof(BinaryArrayFam.TableWriter).GetMethods(), m => m.Name == "WriteOctets");
        Assert.Equal(2, typeof(BinaryArrayFam.TableWriter).GetMethods().Count(m => m.Name == "WriteDeltas"));

        using var mw = new NetlinkMessageWriter();
        var w = new BinaryArrayFam.TableWriter(mw);
        w.WriteOctets([1, 2, 255]);
        w.WriteDeltas((ReadOnlySpan<sbyte>)[-1, 0, 127]);
        w.WritePorts([80, 443]);
        var r = new BinaryArrayFam.TableReader(mw.WrittenSpan);

        Assert.Equal(3, r.OctetsLength);
        Assert.Equal(255, r.GetOctetsAt(2));
        Assert.True(r.TryGetOctetsBytes(out ReadOnlySpan<byte> octets) && octets.SequenceEqual(new byte[] { 1, 2, 255 }));
        Assert.Equal(3, r.DeltasLength);
        Assert.Equal(-1, r.GetDeltasAt(0));
        Assert.Equal(127, r.GetDeltasAt(2));
        Assert.Equal(2, r.PortsLength);
        Assert.Equal(443, r.GetPortsAt(1));
        Assert.True(r.GetRaw(BinaryArrayFam.TableAttr.Ports).SequenceEqual(new byte[] { 0, 80, 1, 187 }));
    }

    /// <summary>Parses a genetlink-legacy spec whose set 'root' holds the given attribute and returns it.</summary>
    private static AttrSpec ParseEntries(string attribute)
    {
        string yaml = "name: f\nprotocol: genetlink-legacy\nattribute-sets:\n"
            + "  - name: root\n    attributes:\n      - " + attribute + "\n"
            + "  - name: entry\n    attributes:\n      - { name: id, type: u32 }\n"
            + "operations:\n  list: []\n";
        ParseResult result = YnlGenerator.Parser.Parse(new SpecInput("/specs/f.yaml", yaml, null));
        Assert.Empty(result.Diagnostics);
        return Assert.Single(result.Family!.AttrSets.Single(s => s.Name == "root").Attrs);
    }
}

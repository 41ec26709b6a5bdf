using System.Collections;
using System.Net;
using System.Net.NetworkInformation;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Netlink.Codegen;
using Netlink.Generators.Model;
using Xunit;

namespace Netlink.Generators.Tests;

/// <summary>
/// A property test over every attribute set of every kernel spec: random typed values are written
/// with the generated writer, read back with the generated reader into the typed class, and written
/// again; both encodings must be byte for byte equal (so nothing written was lost or changed on the
/// way back). The generated code is compiled and loaded per spec.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class KernelSpecRoundTripTests
{
    [KernelSpecsTheory]
    [MemberData(nameof(ConformanceTests.Specs), MemberType = typeof(ConformanceTests))]
    public void EveryAttributeSetRoundTripsTypedValues(string spec)
    {
        ParseResult parsed = YnlGenerator.Parser.Parse(new SpecInput(spec, File.ReadAllText(spec), "RoundTrip.Generated"));
        FamilySpec family = parsed.Family ?? throw new InvalidOperationException(string.Join("\n", parsed.Diagnostics));
        Assembly assembly = Compile(spec, family);
        Type roundTrip = assembly.GetType("RoundTrip.Generated.Helper")!;
        string prefix = $"RoundTrip.Generated.{family.Cs.Bare}+";
        var random = new Random(family.Name.Length);
        int checkedSets = 0;
        foreach (AttrSetSpec set in family.AttrSets)
        {
            Type typed = assembly.GetType(prefix + set.Cs.Bare)!;
            MethodInfo write = roundTrip.GetMethod("Write" + set.Cs.Bare)!;
            MethodInfo read = roundTrip.GetMethod("Read" + set.Cs.Bare)!;
            for (int sample = 0; sample < 20; sample++)
            {
                object value = NewValue(typed, assembly, family, set, random, depth: 0);
                byte[] first = (byte[])write.Invoke(null, [value])!;
                object back = read.Invoke(null, [first])!;
                byte[] second = (byte[])write.Invoke(null, [back])!;
                Assert.True(first.AsSpan().SequenceEqual(second), $"{family.Name}/{set.Name}: re-encoded bytes differ\n{Convert.ToHexString(first)}\n{Convert.ToHexString(second)}");
            }

            checkedSets++;
        }

        Assert.Equal(family.AttrSets.Count, checkedSets);
    }

    /// <summary>The generated code plus a helper that writes and reads each set's typed class, compiled and loaded.</summary>
    private static Assembly Compile(string spec, FamilySpec family)
    {
        var helper = new StringBuilder("namespace RoundTrip.Generated;\npublic static class Helper\n{\n");
        foreach (AttrSetSpec set in family.AttrSets)
        {
            string f = family.Cs.Escaped;
            helper.Append($"    public static byte[] Write{set.Cs.Bare}({f}.{set.Cs} value) {{ using var mw = new global::Netlink.Encoding.NetlinkMessageWriter(); var w = new {f}.{set.Writer}(mw); value.WriteTo(w); return mw.WrittenSpan.ToArray(); }}\n");
            helper.Append($"    public static {f}.{set.Cs} Read{set.Cs.Bare}(byte[] bytes) => {f}.{set.Cs}.FromReader(new {f}.{set.Reader}(bytes));\n");
        }

        helper.Append("}\n");
        var text = new GeneratorHarness.InMemoryText(spec, File.ReadAllText(spec));
        GeneratorDriver driver = GeneratorHarness.CreateDriver([text], namespaceName: "RoundTrip.Generated");
        Compilation input = GeneratorHarness.EmptyCompilation().AddSyntaxTrees(CSharpSyntaxTree.ParseText(helper.ToString(), new CSharpParseOptions(LanguageVersion.Preview)));
        driver.RunGeneratorsAndUpdateCompilation(input, out Compilation output, out _);
        using var stream = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));
        stream.Position = 0;
        return new AssemblyLoadContext(Path.GetFileName(spec), isCollectible: true).LoadFromStream(stream);
    }

    /// <summary>A typed-class instance with random values in the attributes' .NET types (checks respected; sub-message selectors left to the sub-message).</summary>
    private static object NewValue(Type typed, Assembly assembly, FamilySpec family, AttrSetSpec set, Random random, int depth)
    {
        object value = Activator.CreateInstance(typed)!;
        foreach (AttrSpec a in set.Attrs)
        {
            PropertyInfo? property = typed.GetProperty(a.Cs.Bare);
            if (property is null || random.Next(4) == 0 || set.Attrs.Any(x => x.Type.Selector is { IsLocal: true } s && s.Name == a.Name))
            {
                continue;
            }

            object? v = Random(property.PropertyType, a.Type, assembly, family, random, depth);
            if (v is not null)
            {
                property.SetValue(value, v);
            }
        }

        return value;
    }

    private static object? Random(Type type, TypeSpec spec, Assembly assembly, FamilySpec family, Random random, int depth)
    {
        Type t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(bool))
        {
            return random.Next(2) == 0;
        }

        if (t.IsEnum || t.IsPrimitive)
        {
            ulong bits = (ulong)random.NextInt64() ^ ((ulong)random.NextInt64() << 32);
            Type raw = t.IsEnum ? Enum.GetUnderlyingType(t) : t;
            object number = Convert.ChangeType(System.Runtime.CompilerServices.Unsafe.As<ulong, long>(ref bits) & Mask(raw), raw, System.Globalization.CultureInfo.InvariantCulture);
            return t.IsEnum ? Enum.ToObject(t, number) : number;
        }

        if (t == typeof(string))
        {
            return new string(Enumerable.Range(0, 1 + random.Next(10)).Select(_ => (char)('a' + random.Next(26))).ToArray());
        }

        if (t == typeof(byte[]))
        {
            int length = spec.ExactLength > 0 ? spec.ExactLength : Math.Max(spec.MinLength, 0) + random.Next(8);
            length = spec.MaxLength >= 0 ? Math.Min(length, spec.MaxLength) : length;
            return Bytes(random, length);
        }

        if (t == typeof(IPAddress))
        {
            bool v6 = spec.Hint == DisplayHint.Ipv6 || (spec.Hint == DisplayHint.Ipv4OrV6 && random.Next(2) == 0);
            return new IPAddress(Bytes(random, v6 ? 16 : 4));
        }

        if (t == typeof(PhysicalAddress))
        {
            return new PhysicalAddress(Bytes(random, spec.ExactLength > 0 ? spec.ExactLength : 6));
        }

        if (t == typeof(Guid))
        {
            return Guid.NewGuid();
        }

        if (t == typeof(NlBitfield32))
        {
            return new NlBitfield32((uint)random.Next(), (uint)random.Next());
        }

        if (t.IsValueType)
        {
            return Activator.CreateInstance(t); // a fixed-layout struct
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            Type item = t.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
            TypeSpec itemSpec = spec.Item ?? spec;
            for (int i = 0; i < 1 + random.Next(3); i++)
            {
                if (item.IsGenericType && item.GetGenericTypeDefinition() == typeof(NlIndexed<>))
                {
                    list.Add(Activator.CreateInstance(item, (ushort)i, Random(item.GetGenericArguments()[0], itemSpec, assembly, family, random, depth)));
                }
                else if (item.IsGenericType && item.GetGenericTypeDefinition() == typeof(NlTypeValue<>))
                {
                    ushort[] ids = Enumerable.Range(0, spec.TypeValue.Count).Select(_ => (ushort)random.Next(1, 100)).ToArray();
                    list.Add(Activator.CreateInstance(item, ids, Random(item.GetGenericArguments()[0], spec, assembly, family, random, depth)));
                }
                else if (Random(item, spec.ArrayOf != ScalarType.None ? spec with { Kind = AttrKind.Scalar } : spec, assembly, family, random, depth) is { } element)
                {
                    list.Add(element);
                }
            }

            return list;
        }

        if (depth >= 2)
        {
            return null;
        }

        string? nested = spec.NestedSet ?? spec.Item?.NestedSet;
        if (nested is not null && family.AttrSets.FirstOrDefault(s => s.Name == nested) is { } set && t.Name == set.Cs.Bare)
        {
            return NewValue(t, assembly, family, set, random, depth + 1);
        }

        if (t.IsAbstract && spec.SubMessage is { } name)
        {
            SubMessageSpec sm = family.SubMessages.First(s => s.Name == name);
            if (sm.Formats.Count == 0)
            {
                return null;
            }

            SubMessageFormatSpec format = sm.Formats[random.Next(sm.Formats.Count)];
            Type formatType = t.GetNestedType(format.Cs.Bare)!;
            object value = Activator.CreateInstance(formatType)!;
            if (format.AttrSet is { } formatSet && formatType.GetProperty("Attributes") is { } attributes)
            {
                attributes.SetValue(value, NewValue(attributes.PropertyType, assembly, family, family.AttrSets.First(s => s.Name == formatSet), random, depth + 1));
            }

            return value;
        }

        return null;
    }

    private static long Mask(Type raw) => System.Runtime.InteropServices.Marshal.SizeOf(raw) switch
    {
        1 => 0x7f,
        2 => 0x7fff,
        4 => 0x7fffffff,
        _ => long.MaxValue,
    };

    private static byte[] Bytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}

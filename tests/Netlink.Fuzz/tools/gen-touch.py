#!/usr/bin/env python3
"""Writes ReaderTouch.g.cs: for every reader the YNL generator emits (rt-*, sock-diag, cn-proc,
nlctrl), a method that calls every getter (scalars, strings, binaries, structs, nested readers,
sub-messages, multi-attr enumerators, indexed arrays), and a round-trip method that re-encodes
each decoded attribute with the matching generated writer and compares it with the original bytes.

Reflection cannot call methods of ref structs, so the fuzz driver needs this code spelled out; the
API is regular enough to read it from the generator's output:

  dotnet build src/Netlink.Route --artifacts-path /tmp/art-rel -p:EmitCompilerGeneratedFiles=true \
      -p:CompilerGeneratedFilesOutputPath=/tmp/gen-rel/Route      (same for Diag, Core)
  python3 tests/Netlink.Fuzz/tools/gen-touch.py /tmp/gen-rel > tests/Netlink.Fuzz/ReaderTouch.g.cs
"""
import glob
import os
import re
import sys

root = sys.argv[1]
files = sorted(glob.glob(os.path.join(root, '*', 'Netlink.Generators', '*', '*.g.cs')))

readers = {}      # full name -> dict(methods=[...], enums=[...], lengths=[...], counts=[...])
writers = {}      # full name -> {method: [param types]}
msgs = {}         # full name -> [(method, reader type)]
tryreads = {}     # family full name -> [(method, header type, reader type)]
attr_enums = {}   # reader full name -> enum full name
families = set()


def block(lines, start, indent):
    """Lines of the block whose declaration is at lines[start] (closing brace at indent)."""
    out = []
    for i in range(start + 1, len(lines)):
        if lines[i].rstrip() == ' ' * indent + '}':
            break
        out.append(lines[i])
    return out


for path in files:
    text = open(path, encoding='utf-8-sig').read()
    lines = text.split('\n')
    ns = re.search(r'^namespace ([\w.]+);', text, re.M).group(1)
    fam = re.search(r'^public static partial class (\w+)', text, re.M).group(1)
    q = f'global::{ns}.{fam}'
    families.add(q)
    for i, line in enumerate(lines):
        m = re.match(r'^    public ref struct (\w+Reader)\b', line)
        if m:
            body = block(lines, i, 4)
            r = {'methods': [], 'enums': [], 'lengths': [], 'counts': [], 'family': q}
            enum_types = {}
            j = 0
            while j < len(body):
                b = body[j]
                mm = re.match(r'^        public readonly bool (TryGet\w+)\((?:\[NotNullWhen\(true\)\] )?out ([\w<>?.]+) (\w+)\)', b)
                if mm:
                    r['methods'].append((mm.group(1), mm.group(2).rstrip('?'), mm.group(3)))
                mm = re.match(r'^        public readonly (\w+Enumerator) (Get\w+)\(\)', b)
                if mm:
                    r['enums'].append((mm.group(2), mm.group(1)))
                mm = re.match(r'^        public ref struct (\w+Enumerator)\b', b)
                if mm:
                    eb = block(body, j, 8)
                    cur = None
                    props = []
                    for e in eb:
                        c = re.match(r'^            public readonly ([\w<>]+) Current\b', e)
                        if c:
                            cur = c.group(1)
                        p = re.match(r'^            public readonly (ushort|int|uint) (\w+) =>', e)
                        if p:
                            props.append(p.group(2))
                    enum_types[mm.group(1)] = (cur, props)
                mm = re.match(r'^        public readonly int (\w+)Length =>', b)
                if mm:
                    r['lengths'].append(mm.group(1))
                mm = re.match(r'^        public readonly int (\w+)Count =>', b)
                if mm:
                    r['counts'].append(mm.group(1))
                mm = re.match(r'^        public readonly bool Has\((\w+) id\)', b)
                if mm:
                    attr_enums[f'{q}.{m.group(1)}'] = f'{q}.{mm.group(1)}'
                j += 1
            r['enum_types'] = enum_types
            readers[f'{q}.{m.group(1)}'] = r
        m = re.match(r'^    public (?:readonly )?ref struct (\w+Writer)\b', line)
        if m:
            body = block(lines, i, 4)
            w = {}
            for b in body:
                mm = re.match(r'^        public readonly (void|\w+Writer) ((?:Write|Begin)\w+)\(((?:in )?[\w<>.]+) \w+\)', b)
                if mm:
                    w.setdefault(mm.group(2), []).append((mm.group(3).replace('in ', ''), mm.group(1)))
                mm = re.match(r'^        public readonly (\w+Writer) (Begin\w+)\(\)', b)
                if mm:
                    w.setdefault(mm.group(2), []).append(('', mm.group(1)))
            writers[f'{q}.{m.group(1)}'] = w
        m = re.match(r'^    public readonly ref struct (\w+Msg)\b', line)
        if m:
            body = block(lines, i, 4)
            ms = []
            for b in body:
                mm = re.match(r'^        public bool (TryGet\w+)\(out (\w+) attributes\)', b)
                if mm:
                    ms.append((mm.group(1), mm.group(2)))
            msgs[f'{q}.{m.group(1)}'] = ms
        m = re.match(r'^    public static bool (TryRead\w+)\(ReadOnlySpan<byte> message, (?:out (\w+) header, )?out (\w+) attributes\)', line)
        if m:
            tryreads.setdefault(q, []).append((m.group(1), m.group(2), m.group(3)))

out = []
p = out.append
p('// <auto-generated/>')
p('// Written by tests/Netlink.Fuzz/tools/gen-touch.py from the YNL generator output. Regenerate when a schema changes.')
p('#nullable enable')
p('#pragma warning disable CS1591')
p('using System;')
p('')
p('namespace Netlink.Fuzz;')
p('')
p('/// <summary>Calls every getter of every generated reader, and re-encodes what they return.</summary>')
p('internal static partial class ReaderTouch')
p('{')


def q_of(reader_full, short):
    fam = reader_full.rsplit('.', 1)[0]
    return f'{fam}.{short}'


def emit_value(var, typ, fam, indent):
    full = f'{fam}.{typ}'
    pad = ' ' * indent
    if full in readers or full in msgs:
        return f'{pad}Touch(ref s, {var});'
    if typ == 'ReadOnlySpan<byte>':
        return f'{pad}s.Add({var});'
    return f'{pad}s.Add({var});'


# Touch: every getter.
for name in sorted(readers):
    r = readers[name]
    fam = r['family']
    p(f'    public static void Touch(ref Sink s, {name} r)')
    p('    {')
    p('        s.Add(r.IsMalformed);')
    p('        s.Add(r.UnknownCount);')
    for k, (meth, typ, _) in enumerate(r['methods']):
        p(f'        if (r.{meth}(out var v{k}))')
        p('        {')
        p(emit_value(f'v{k}', typ, fam, 12))
        p('        }')
    for k, (meth, et) in enumerate(r['enums']):
        cur, props = r['enum_types'].get(et, (None, []))
        p(f'        var e{k} = r.{meth}();')
        p(f'        while (e{k}.MoveNext())')
        p('        {')
        if cur:
            p(emit_value(f'e{k}.Current', cur, fam, 12))
        for pr in props:
            p(f'            s.Add(e{k}.{pr});')
        p('        }')
    for ln in r['lengths']:
        p(f'        for (int i = 0; i < r.{ln}Length; i++)')
        p('        {')
        p(f'            s.Add(r.Get{ln}At(i));')
        p('        }')
    for c in r['counts']:
        p(f'        s.Add(r.{c}Count);')
    p('    }')
    p('')

for name in sorted(msgs):
    fam = name.rsplit('.', 1)[0]
    p(f'    public static void Touch(ref Sink s, {name} m)')
    p('    {')
    p('        s.Add((int)m.Kind);')
    p('        s.Add(m.Payload);')
    for k, (meth, rt) in enumerate(msgs[name]):
        p(f'        if (m.{meth}(out var a{k}))')
        p('        {')
        p(f'            Touch(ref s, a{k});')
        p('        }')
    p('    }')
    p('')

# RoundTrip: decode with the reader, encode with the writer, compare bytes.
for name in sorted(readers):
    r = readers[name]
    fam = r['family']
    wname = name[:-len('Reader')] + 'Writer'
    w = writers.get(wname)
    enum = attr_enums.get(name)
    if w is None or enum is None:
        continue
    p(f'    public static void RoundTrip(RoundTripper t, {name} r, string set)')
    p('    {')
    methods = {m: (typ, v) for m, typ, v in r['methods']}
    done = set()
    for meth, typ, var in r['methods']:
        suffix = meth[len('TryGet'):]
        base = suffix
        for tail in ('Bytes', 'PhysicalAddress', 'IPAddress', 'Address'):
            if suffix.endswith(tail) and suffix != tail and ('TryGet' + suffix[:-len(tail)]) in methods or \
               (suffix.endswith(tail) and suffix != tail and ('Write' + suffix[:-len(tail)]) in w):
                base = suffix[:-len(tail)]
                break
        if base in done:
            continue
        full = f'{fam}.{typ}'
        attr = f'{enum}.{base}'
        if full in readers:
            begin = w.get('Begin' + base)
            if begin and full[:-len('Reader')] + 'Writer' in writers:
                p(f'        if (r.{meth}(out var n_{base}))')
                p('        {')
                p(f'            RoundTrip(t, n_{base}, set + ".{base}");')
                p('        }')
                done.add(base)
            continue
        if full in msgs:
            p(f'        if (r.{meth}(out var m_{base}))')
            p('        {')
            for k, (mm, rt) in enumerate(msgs[full]):
                rfull = f'{fam}.{rt}'
                if rfull[:-len('Reader')] + 'Writer' in writers and rfull in attr_enums:
                    p(f'            if (m_{base}.{mm}(out var sm{k}))')
                    p('            {')
                    p(f'                RoundTrip(t, sm{k}, set + ".{base}.{mm[6:]}");')
                    p('            }')
            p('        }')
            done.add(base)
            continue
        overloads = w.get('Write' + base, [])
        ptypes = [o[0] for o in overloads]
        call = None
        if typ == 'ReadOnlySpan<byte>' and var == 'utf8' and 'ReadOnlySpan<char>' in ptypes:
            call = f'new {wname}(t.Begin()).Write{base}(System.Text.Encoding.UTF8.GetString(v))'
        elif typ == 'ReadOnlySpan<byte>' and var == 'utf8':
            continue
        elif typ in ptypes:
            call = f'new {wname}(t.Begin()).Write{base}(v)'
        elif len(ptypes) == 1 and ptypes[0] in ('byte', 'ushort', 'uint', 'ulong', 'sbyte', 'short', 'int', 'long') and typ not in ('string', 'ReadOnlySpan<byte>', 'PhysicalAddress', 'IPAddress'):
            call = f'new {wname}(t.Begin()).Write{base}(({ptypes[0]})v)'
        if call is None:
            continue
        p(f'        if (r.{meth}(out var v_{base}))')
        p('        {')
        p(f'            var v = v_{base};')
        p(f'            {call};')
        p(f'            t.Check(r.GetRaw({attr}), (ushort){attr}, set + ".{base}");')
        p('        }')
        done.add(base)
    p('    }')
    p('')

# Per family: every TryRead* (distinct header/reader pair) + Describe.
p('    /// <summary>The families and, for each, a routine that runs every reader over one message.</summary>')
p('    public static readonly (string Name, ReadMessage Read, Describer Describe)[] Families =')
p('    [')
for fam in sorted(tryreads):
    short = fam.rsplit('.', 1)[1]
    p(f'        ("{short}", Read{short}, {fam}.Describe),')
p('    ];')
p('')
for fam in sorted(tryreads):
    short = fam.rsplit('.', 1)[1]
    p(f'    private static void Read{short}(ReadOnlySpan<byte> message, ref Sink s)')
    p('    {')
    seen = set()
    for k, (meth, hdr, rt) in enumerate(tryreads[fam]):
        if (hdr, rt) in seen:
            continue
        seen.add((hdr, rt))
        if hdr:
            p(f'        if ({fam}.{meth}(message, out var h{k}, out var r{k}))')
            p('        {')
            p(f'            s.Add(h{k});')
        else:
            p(f'        if ({fam}.{meth}(message, out var r{k}))')
            p('        {')
        p(f'            Touch(ref s, r{k});')
        p('        }')
    p('    }')
    p('')
p('    /// <summary>Round-trips the top-level attributes of one valid message of a family.</summary>')
p('    public static void RoundTripMessage(string family, ReadOnlySpan<byte> message, ushort type, RoundTripper t)')
p('    {')
p('        switch (family)')
p('        {')
for fam in sorted(tryreads):
    short = fam.rsplit('.', 1)[1]
    p(f'            case "{short}":')
    seen = set()
    for k, (meth, hdr, rt) in enumerate(tryreads[fam]):
        if (hdr, rt) in seen:
            continue
        seen.add((hdr, rt))
        rfull = f'{fam}.{rt}'
        if rfull[:-len('Reader')] + 'Writer' not in writers or rfull not in attr_enums:
            continue
        hdrs = f', out {fam}.{hdr} _' if hdr else ''
        p(f'                if (t.Accepts("{short}", "{hdr or ""}", type) && {fam}.{meth}(message{hdrs}, out var {short.lower()}{k}))')
        p('                {')
        p(f'                    RoundTrip(t, {short.lower()}{k}, "{rt[:-len("Reader")]}");')
        p('                }')
    p('                break;')
p('        }')
p('    }')
p('}')
print('\n'.join(out))

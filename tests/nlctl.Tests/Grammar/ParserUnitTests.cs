using System.Net.Sockets;
using System.Text;
using Nlctl.Cli;
using Nlctl.Output;

namespace Nlctl.Tests.Grammar;

/// <summary>The front parser and the JSON layout in-process: ip's option grammar, and ip's pretty JSON.</summary>
public sealed class ParserUnitTests
{
    [Theory]
    [InlineData("-j -p -br -s -s -d -o -t -4", "Json Pretty Brief Stats2 Details1 Oneline Timestamp Inet")]
    [InlineData("--json -pretty -brief -statistics -details -oneline -timestamp -6", "Json Pretty Brief Stats1 Details1 Oneline Timestamp Inet6")]
    [InlineData("-f inet6", "Inet6")]
    [InlineData("-family inet", "Inet")]
    [InlineData("-c", "ColorAuto")]
    [InlineData("-color=always", "ColorAlways")]
    [InlineData("-c=never", "")]
    [InlineData("-n blue", "Netns=blue")]
    [InlineData("-netns blue -V", "Netns=blue Version")]
    [InlineData("-h", "Help")]
    [InlineData("-help", "Help")]
    public void Global_options_parse_as_ip_spells_them(string typed, string expected)
    {
        var args = new Args([.. typed.Split(' '), "link"]);
        GlobalOptions o = GlobalOptionParser.Parse(args);
        var seen = new List<string>();
        seen.AddRange(o.Json ? ["Json"] : []);
        seen.AddRange(o.Pretty ? ["Pretty"] : []);
        seen.AddRange(o.Brief ? ["Brief"] : []);
        seen.AddRange(o.Stats > 0 ? [$"Stats{o.Stats}"] : []);
        seen.AddRange(o.Details > 0 ? [$"Details{o.Details}"] : []);
        seen.AddRange(o.Oneline ? ["Oneline"] : []);
        seen.AddRange(o.Timestamp ? ["Timestamp"] : []);
        seen.AddRange(o.Family == AddressFamily.InterNetwork ? ["Inet"] : o.Family == AddressFamily.InterNetworkV6 ? ["Inet6"] : []);
        seen.AddRange(o.Color == ColorMode.Never ? [] : [$"Color{o.Color}"]);
        seen.AddRange(o.Netns is { } n ? [$"Netns={n}"] : []);
        seen.AddRange(o.Version ? ["Version"] : []);
        seen.AddRange(o.Help ? ["Help"] : []);
        Assert.Equal(expected, string.Join(' ', seen));
        Assert.Equal("link", args.Next());
    }

    [Theory]
    [InlineData("-b", "Option \"-batch\" is not supported by nlctl.")]
    [InlineData("-l", "Option \"-loops\" is not supported by nlctl.")]
    [InlineData("-r", "Option \"-resolve\" is not supported by nlctl.")]
    [InlineData("-q", "Option \"-q\" is unknown, try \"nlctl -help\".")]
    [InlineData("-j=1", "Option \"-j=1\" is unknown, try \"nlctl -help\".")]
    public void Unknown_and_unsupported_options_are_named(string typed, string message)
    {
        UsageException error = Assert.Throws<UsageException>(() => GlobalOptionParser.Parse(new Args([typed, "link"])));
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("[]", "[ ]")]
    [InlineData("[{}]", "[ {} ]")]
    [InlineData("[{\"a\":1,\"b\":[\"x\",\"y\"],\"c\":[]}]", "[ {\n        \"a\": 1,\n        \"b\": [ \"x\",\"y\" ],\n        \"c\": [ ]\n    } ]")]
    [InlineData("[{\"a\":{\"b\":null}},{\"c\":true}]", "[ {\n        \"a\": {\n            \"b\": null\n        }\n    },{\n        \"c\": true\n    } ]")]
    [InlineData("[{\"addr_info\":[{\"x\":1},{\"y\":\"a:b\"}]}]", "[ {\n        \"addr_info\": [ {\n                \"x\": 1\n            },{\n                \"y\": \"a:b\"\n            } ]\n    } ]")]
    public void Pretty_json_is_laid_out_as_ip_lays_it_out(string compact, string expected)
    {
        using var output = new MemoryStream();
        IpPrettyJson.Write(Encoding.UTF8.GetBytes(compact), output);
        Assert.Equal(expected, Encoding.UTF8.GetString(output.ToArray()));
    }

    [Theory]
    [InlineData("add", "add")]
    [InlineData("a", "add")]
    [InlineData("s", "change")]
    [InlineData("sh", "show")]
    [InlineData("d", "delete")]
    [InlineData("l", "show")]
    public void Link_verbs_resolve_in_ips_order(string typed, string verb)
    {
        Verb? resolved = Nlctl.Objects.Link.LinkObject.Verbs.Resolve(typed);
        Assert.NotNull(resolved);
        Assert.Contains(verb, resolved.Names);
    }

    [Theory]
    [InlineData("a", "address")]
    [InlineData("r", "route")]
    [InlineData("ru", "rule")]
    [InlineData("n", "neighbor")]
    [InlineData("neighbour", "neighbor")]
    [InlineData("l", "link")]
    [InlineData("m", "monitor")]
    [InlineData("s", "show")]
    [InlineData("ss", "ss")]
    [InlineData("d", "decode")]
    [InlineData("h", "help")]
    public void Objects_resolve_in_ips_order(string typed, string name)
    {
        Assert.Equal(name, ObjectRegistry.Resolve(typed).Name);
    }
}

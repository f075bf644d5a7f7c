using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace C2C.Infra.Tests.Bicep;

/// <summary>The parameter values of one infra-bicep/params/{env}.{cc}.bicepparam, as <c>bicep build-params</c> resolves them.</summary>
public sealed record ParameterFile(string Path, BicepRun Run, JsonObject Values)
{
    /// <summary>The countries that have a node: a parameter file for dev and prod each, and a deploy workflow choice.</summary>
    public static readonly string[] Countries = ["tg", "bf"];

    public static readonly string[] Environments = ["dev", "prod"];

    private static readonly ConcurrentDictionary<string, ParameterFile> Cache = new(StringComparer.Ordinal);

    public static ParameterFile Of(string environment, string country) => Load($"infra-bicep/params/{environment}.{country}.bicepparam");

    public static ParameterFile Load(string path) => Cache.GetOrAdd(path, p =>
    {
        var run = BicepCli.Run("build-params", p, "--stdout");
        Assert.True(run.ExitCode == 0, $"{p}: {run}");
        var output = JsonNode.Parse(run.StandardOutput)!;
        var parameters = JsonNode.Parse((string)output["parametersJson"]!)!["parameters"]!.AsObject();
        return new ParameterFile(p, run, new JsonObject(parameters.Select(e => KeyValuePair.Create(e.Key, e.Value!["value"]?.DeepClone()))));
    });

    public string? Str(string name) => (string?)Values[name];

    public IReadOnlyList<JsonObject> List(string name) => Values[name]?.AsArray().Select(e => e!.AsObject()).ToList() ?? [];
}

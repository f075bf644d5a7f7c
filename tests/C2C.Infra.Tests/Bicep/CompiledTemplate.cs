using System.Text.Json.Nodes;

namespace C2C.Infra.Tests.Bicep;

/// <summary>One resource of the compiled ARM JSON, with the (nested) template that declares it.</summary>
public sealed record ArmResource(string Module, string Symbol, JsonObject Json, JsonObject Template)
{
    public string Type => (string)Json["type"]!;

    public string Name => (string)Json["name"]!;

    public JsonObject Properties => Json["properties"]!.AsObject();

    /// <summary>Looks up <c>variables('name')</c> of the declaring template.</summary>
    public JsonNode? Variable(string name) => Template["variables"]?[name];
}

/// <summary>main.bicep compiled once to ARM JSON, flattened over its module deployments.</summary>
public sealed class CompiledTemplate
{
    private static readonly Lazy<CompiledTemplate> Main = new(() => Compile("infra-bicep/main.bicep"));

    private CompiledTemplate(JsonObject root, IReadOnlyList<ArmResource> resources)
    {
        Root = root;
        Resources = resources;
    }

    public static CompiledTemplate MainTemplate => Main.Value;

    public JsonObject Root { get; }

    public IReadOnlyList<ArmResource> Resources { get; }

    public IEnumerable<ArmResource> OfType(string type) => Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public ArmResource Single(string type) => Assert.Single(OfType(type));

    /// <summary>The module deployment (Microsoft.Resources/deployments) named <paramref name="name"/> in main.</summary>
    public ArmResource Module(string name) =>
        Assert.Single(OfType("Microsoft.Resources/deployments"), d => d.Module == "main" && d.Name == name);

    public static CompiledTemplate Compile(string file)
    {
        var run = BicepCli.Run("build", file, "--stdout");
        Assert.True(run.ExitCode == 0, run.ToString());
        var root = JsonNode.Parse(run.StandardOutput)!.AsObject();
        var resources = new List<ArmResource>();
        Collect("main", root, resources);
        return new CompiledTemplate(root, resources);
    }

    /// <summary>The resources a template declares, with their symbolic names (languageVersion 2.0) or indexes (1.0).</summary>
    public static IEnumerable<(string Symbol, JsonObject Json)> Entries(JsonObject template) =>
        template["resources"] switch
        {
            JsonObject bySymbol => bySymbol.Select(p => (p.Key, p.Value!.AsObject())),
            JsonArray list => list.Select((r, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), r!.AsObject())),
            _ => [],
        };

    private static void Collect(string module, JsonObject template, List<ArmResource> into)
    {
        foreach (var (symbol, json) in Entries(template))
        {
            if (json["existing"]?.GetValue<bool>() == true)
                continue;
            var resource = new ArmResource(module, symbol, json, template);
            into.Add(resource);
            if (resource.Type == "Microsoft.Resources/deployments" && json["properties"]?["template"] is JsonObject nested)
                Collect(resource.Name, nested, into);
        }
    }
}

using YamlDotNet.Serialization;

namespace C2C.Infra.Tests.Workflows;

/// <summary>A parsed YAML file as plain maps, lists and strings (what GitHub Actions reads).</summary>
public sealed class Yaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    private Yaml(string path, object? root)
    {
        Path = path;
        Root = root;
    }

    public string Path { get; }

    public object? Root { get; }

    public static Yaml Load(string relativePath)
    {
        var full = System.IO.Path.Combine(RepoPaths.Root, relativePath);
        return new Yaml(relativePath, Deserializer.Deserialize<object?>(File.ReadAllText(full)));
    }

    public static IDictionary<object, object?> Map(object? node, string what) =>
        node as IDictionary<object, object?> ?? throw new Xunit.Sdk.XunitException($"{what}: expected a mapping, got {node?.GetType().Name ?? "nothing"}");

    public static IList<object?> Seq(object? node, string what) =>
        node as IList<object?> ?? throw new Xunit.Sdk.XunitException($"{what}: expected a sequence, got {node?.GetType().Name ?? "nothing"}");

    public static object? Get(object? map, string key) =>
        map is IDictionary<object, object?> m && m.TryGetValue(key, out var value) ? value : null;

    public static string? Str(object? map, string key) => Get(map, key) as string;
}

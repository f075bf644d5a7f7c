using System.Text.Json.Nodes;

namespace C2C.Infra.Tests.Bicep;

/// <summary>Small readers over compiled ARM JSON values.</summary>
public static class ArmValues
{
    public static string? Str(this JsonNode? node, string path) => Walk(node, path)?.GetValue<string>();

    public static bool? Bool(this JsonNode? node, string path) => Walk(node, path)?.GetValue<bool>();

    public static JsonNode? Walk(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
            node = node?[part];
        return node;
    }

    /// <summary>Substitutes the single placeholder of a <c>[format('...{0}...', x)]</c> expression.</summary>
    public static string Format(string expression, string value)
    {
        var (fn, args) = ArmExpression.Call(expression);
        Assert.Equal("format", fn);
        Assert.Equal(2, args.Count);
        return ArmExpression.Literal(args[0]).Replace("''", "'").Replace("{0}", value);
    }
}

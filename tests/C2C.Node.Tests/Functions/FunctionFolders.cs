using System.Text.Json;

namespace C2C.Node.Tests.Functions;

/// <summary>The function folders deployed next to host.json (functions/C2C.Node/FunctionsHost/{Name}/function.json).</summary>
internal sealed record FunctionFolder(string Name, string TriggerType, string? Route)
{
    public bool IsHttp => TriggerType == "httpTrigger";

    public static IReadOnlyList<FunctionFolder> All() =>
        Directory.GetDirectories(Path.Combine(RepoPaths.Root, "functions", "C2C.Node", "FunctionsHost")).Select(Read).ToList();

    private static FunctionFolder Read(string folder)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "function.json")));
        var trigger = json.RootElement.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("direction").GetString() == "in");
        return new FunctionFolder(Path.GetFileName(folder), trigger.GetProperty("type").GetString()!,
            trigger.TryGetProperty("route", out var route) ? route.GetString() : null);
    }
}

using System.Text.Json.Serialization;

namespace C2C.Node.Hosting.Functions;

/// <summary>
/// The response body a custom handler returns to the Functions host. A 2xx status with this body means success
/// (the host completes the Service Bus message); any other status is a failure (the host abandons it, and
/// Service Bus dead-letters it once MaxDeliveryCount is reached).
/// </summary>
/// Property names are pinned to the documented PascalCase: the node's JSON defaults are camelCase.
public sealed record FunctionResult(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue)
{
    public static FunctionResult Success(params string[] logs) => new(new Dictionary<string, object?>(), logs, null);
}

namespace C2C.Node.Hosting.Functions;

/// <summary>
/// The response body a custom handler returns to the Functions host. A 2xx status with this body means success
/// (the host completes the Service Bus message); any other status is a failure (the host abandons it, and
/// Service Bus dead-letters it once MaxDeliveryCount is reached).
/// </summary>
public sealed record FunctionResult(IReadOnlyDictionary<string, object?> Outputs, IReadOnlyList<string> Logs, object? ReturnValue)
{
    public static FunctionResult Success(params string[] logs) => new(new Dictionary<string, object?>(), logs, null);
}

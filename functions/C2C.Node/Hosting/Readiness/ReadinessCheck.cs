using System.Text.Json.Serialization;

namespace C2C.Node.Hosting.Readiness;

/// <summary>One line of /health/ready: whether this part works, why, and per-item detail where there are several.</summary>
public sealed record ReadinessCheck(
    bool Ok,
    string Detail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Items = null);

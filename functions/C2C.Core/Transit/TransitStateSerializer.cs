using System.Text.Json;
using System.Text.Json.Serialization;

namespace C2C.Core.Transit;

/// <summary>The state as the index stores it: JSON with enum names (readable by an auditor), versioned.</summary>
public static class TransitStateSerializer
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(TransitState state) => JsonSerializer.Serialize(state, Options);

    public static TransitState Deserialize(string json)
    {
        var state = JsonSerializer.Deserialize<TransitState>(json, Options) ?? throw new JsonException("empty state");
        return state.SchemaVersion == 1 ? state : throw new JsonException($"state schema version {state.SchemaVersion} is not supported");
    }
}

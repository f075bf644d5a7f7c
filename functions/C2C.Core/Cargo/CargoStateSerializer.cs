using System.Text.Json;
using System.Text.Json.Serialization;

namespace C2C.Core.Cargo;

/// <summary>A cargo record's state as the index stores it: JSON with enum names, readable by an auditor.</summary>
public static class CargoStateSerializer
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new JsonStringEnumConverter() } };

    public static string Serialize(CargoState state) => JsonSerializer.Serialize(state, Options);

    public static CargoState Deserialize(string json)
    {
        var state = JsonSerializer.Deserialize<CargoState>(json, Options) ?? throw new JsonException("empty cargo state");
        return state.SchemaVersion == 1 ? state : throw new JsonException($"cargo state schema version {state.SchemaVersion} is not supported");
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using C2C.Core.Cargo;
using C2C.Core.Transit;

namespace C2C.Core.Exchange;

/// <summary>
/// A movement's status as the index, the history and the APIs carry it: a transit status, a cargo status, or
/// <see cref="Recorded"/> (messages kept with no process state). Built only from the typed statuses, so a comparison is
/// never with a literal; written as its name (tables, JSON, Durable outputs), as before it had a type.
/// </summary>
[JsonConverter(typeof(MovementStatusJsonConverter))]
public readonly record struct MovementStatus
{
    private readonly string? _name;

    private MovementStatus(string name) => _name = name;

    /// <summary>The status's name, e.g. "InTransit"; empty for a decision that persists nothing (a refusal).</summary>
    public string Name => _name ?? "";

    /// <summary>A record that keeps messages without a state machine behind it (acknowledgements naming no movement).</summary>
    public static readonly MovementStatus Recorded = new("Recorded");

    /// <summary>No status: a refused message's decision, which changes no movement.</summary>
    public static readonly MovementStatus None = new("");

    public static MovementStatus Of(TransitStatus status) => new(status.ToString());

    public static MovementStatus Of(CargoStatus status) => new(status.ToString());

    public static implicit operator MovementStatus(TransitStatus status) => Of(status);

    public static implicit operator MovementStatus(CargoStatus status) => Of(status);

    /// <summary>
    /// A name read back from storage or JSON, kept as written: a row written by an older version with a status since
    /// renamed still reads (and lists) as what it was; only the typed checks (<see cref="Transit"/>) do not know it.
    /// </summary>
    public static MovementStatus Parse(string name) => new(name);

    /// <summary>The transit status, when this is one.</summary>
    public TransitStatus? Transit => Enum.GetNames<TransitStatus>().Contains(Name) ? Enum.Parse<TransitStatus>(Name) : null;

    public bool Is(TransitStatus status) => Transit == status;

    public override string ToString() => Name;
}

/// <summary>Writes a status as its name and reads it back, so JSON shapes are unchanged by the type.</summary>
public sealed class MovementStatusJsonConverter : JsonConverter<MovementStatus>
{
    public override MovementStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        MovementStatus.Parse(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, MovementStatus value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Name);
}

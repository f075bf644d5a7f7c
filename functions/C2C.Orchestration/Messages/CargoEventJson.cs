using C2C.Core.Cargo;

namespace C2C.Orchestration.Messages;

/// <summary>A <see cref="CargoEvent"/> as text in the orchestration history (see <see cref="EventJson{TEvent}"/>).</summary>
public static class CargoEventJson
{
    public static string Serialize(CargoEvent e) => EventJson<CargoEvent>.Serialize(e);

    public static CargoEvent Deserialize(string json) => EventJson<CargoEvent>.Deserialize(json);
}

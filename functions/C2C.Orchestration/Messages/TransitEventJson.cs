using C2C.Core.Transit;

namespace C2C.Orchestration.Messages;

/// <summary>A <see cref="TransitEvent"/> as text in the orchestration history (see <see cref="EventJson{TEvent}"/>).</summary>
public static class TransitEventJson
{
    public static string Serialize(TransitEvent e) => EventJson<TransitEvent>.Serialize(e);

    public static TransitEvent Deserialize(string json) => EventJson<TransitEvent>.Deserialize(json);
}

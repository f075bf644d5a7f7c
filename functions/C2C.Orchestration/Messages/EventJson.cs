using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace C2C.Orchestration.Messages;

/// <summary>
/// Events of one family (<typeparamref name="TEvent"/>: transit or cargo) as text in the orchestration history: the
/// concrete event type is written beside its fields, so the orchestrator decides on replay from exactly what it decided
/// on the first time, without parsing XML.
/// </summary>
internal static class EventJson<TEvent>
    where TEvent : class
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { NameTheEventTypes } },
    };

    public static string Serialize(TEvent e) => JsonSerializer.Serialize(e, Options);

    public static TEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<TEvent>(json, Options) ?? throw new JsonException($"empty {typeof(TEvent).Name}");

    /// <summary>Every concrete event of the family, named by its type name (stable: renaming one is a versioning change).</summary>
    private static void NameTheEventTypes(JsonTypeInfo info)
    {
        if (info.Type != typeof(TEvent))
            return;
        info.PolymorphismOptions = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = "$event" };
        foreach (var type in typeof(TEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(TEvent)) && !t.IsAbstract).OrderBy(t => t.Name, StringComparer.Ordinal))
            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(type, type.Name));
    }
}

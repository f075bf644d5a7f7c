using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using C2C.Core.Transit;

namespace C2C.Orchestration.Messages;

/// <summary>
/// A <see cref="TransitEvent"/> as text in the orchestration history: the concrete event type is written beside its
/// fields, so the orchestrator decides on replay from exactly what it decided on the first time, without parsing XML.
/// </summary>
public static class TransitEventJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { NameTheEventTypes } },
    };

    public static string Serialize(TransitEvent e) => JsonSerializer.Serialize(e, Options);

    public static TransitEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<TransitEvent>(json, Options) ?? throw new JsonException("empty transit event");

    /// <summary>Every concrete event of the core, named by its type name (stable: renaming one is a versioning change).</summary>
    private static void NameTheEventTypes(JsonTypeInfo info)
    {
        if (info.Type != typeof(TransitEvent))
            return;
        info.PolymorphismOptions = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = "$event" };
        foreach (var type in typeof(TransitEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(TransitEvent)) && !t.IsAbstract).OrderBy(t => t.Name, StringComparer.Ordinal))
            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(type, type.Name));
    }
}

using C2C.Core.Messages;

namespace C2C.Core.Ports;

/// <summary>
/// The routing facts a bus message carries beside its body, under the same names in every transport (RabbitMQ
/// headers, Service Bus application properties, the Functions trigger's metadata): one reading and writing of them.
/// </summary>
public static class BusProperties
{
    public const string Family = "family";
    public const string MessageType = "messageType";
    public const string SourceCountry = "sourceCountry";
    public const string DestinationCountry = "destinationCountry";
    public const string MovementReference = "movementReference";
    public const string TraceParent = "traceparent";
    public const string TraceState = "tracestate";

    /// <summary>The properties to send (absent optional values are left out).</summary>
    public static IEnumerable<KeyValuePair<string, string>> Of(BusMessage message)
    {
        yield return new(Family, message.Family.ToString());
        yield return new(MessageType, message.MessageType);
        yield return new(SourceCountry, message.SourceCountry);
        yield return new(DestinationCountry, message.DestinationCountry);
        foreach (var (name, value) in new[] { (MovementReference, message.MovementReference), (TraceParent, message.TraceParent), (TraceState, message.TraceState) })
        {
            if (value is not null)
                yield return new(name, value);
        }
    }

    /// <summary>A received message from its id, correlation id, body and a property reader.</summary>
    /// <exception cref="InvalidDataException">the message id, the family or the source country is missing.</exception>
    public static BusMessage Read(string? messageId, string? correlationId, ReadOnlyMemory<byte> body, Func<string, string?> property, string? typeFallback = null)
    {
        var family = Enum.TryParse<MessageFamily>(property(Family), ignoreCase: true, out var f) ? f : throw new InvalidDataException($"property '{Family}' missing");
        return new BusMessage(
            messageId is { Length: > 0 } ? messageId : throw new InvalidDataException("message id missing"),
            correlationId,
            property(MessageType) ?? typeFallback ?? "",
            family,
            property(SourceCountry) ?? throw new InvalidDataException($"property '{SourceCountry}' missing"),
            property(DestinationCountry) ?? "",
            body,
            property(TraceParent),
            property(TraceState),
            property(MovementReference));
    }
}

using System.Text;
using C2C.Core.Messages;
using C2C.Core.Ports;
using RabbitMQ.Client;

namespace C2C.Adapters.RabbitMq;

/// <summary>
/// BusMessage ⇄ AMQP 0-9-1 properties. Header names are the Service Bus application property names
/// (family, messageType, sourceCountry, destinationCountry, movementReference, traceparent, tracestate), so both adapters agree.
/// </summary>
public static class RabbitMqProperties
{
    public const string DeadLetterReason = "DeadLetterReason";
    public const string DeadLetterDescription = "DeadLetterErrorDescription";

    public static BasicProperties From(BusMessage message)
    {
        var headers = new Dictionary<string, object?>
        {
            ["family"] = message.Family.ToString(),
            ["messageType"] = message.MessageType,
            ["sourceCountry"] = message.SourceCountry,
            ["destinationCountry"] = message.DestinationCountry,
        };
        if (message.TraceParent is { } parent)
            headers["traceparent"] = parent;
        if (message.TraceState is { } state)
            headers["tracestate"] = state;
        if (message.MovementReference is { } movement)
            headers["movementReference"] = movement;
        return new BasicProperties
        {
            MessageId = message.MessageId,
            CorrelationId = message.CorrelationId,
            ContentType = "application/xml",
            Type = message.MessageType,
            Persistent = true, // survives a broker restart (quorum queues are replicated logs on disk anyway)
            Headers = headers,
        };
    }

    /// <exception cref="InvalidDataException">a property the exchange needs is missing or malformed.</exception>
    public static BusDelivery ToDelivery(IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body, bool redelivered)
    {
        var headers = properties.Headers ?? new Dictionary<string, object?>();
        var family = Enum.TryParse<MessageFamily>(Text(headers, "family"), ignoreCase: true, out var f) ? f : throw new InvalidDataException("header 'family' missing");
        var message = new BusMessage(
            properties.MessageId is { Length: > 0 } id ? id : throw new InvalidDataException("message-id missing"),
            properties.CorrelationId,
            Text(headers, "messageType") ?? properties.Type ?? "",
            family,
            Text(headers, "sourceCountry") ?? throw new InvalidDataException("header 'sourceCountry' missing"),
            Text(headers, "destinationCountry") ?? "",
            body.ToArray(), // the broker's buffer is reused after the callback returns
            Text(headers, "traceparent"),
            Text(headers, "tracestate"),
            Text(headers, "movementReference"));
        return new BusDelivery(message, DeliveryCount(headers, redelivered));
    }

    /// <summary>Quorum queues count failed deliveries in x-delivery-count; 1 on the first delivery, as Service Bus.</summary>
    private static int DeliveryCount(IDictionary<string, object?> headers, bool redelivered) =>
        headers.TryGetValue("x-delivery-count", out var count) && count is not null
            ? Convert.ToInt32(count, System.Globalization.CultureInfo.InvariantCulture) + 1
            : redelivered ? 2 : 1;

    public static string? Text(IDictionary<string, object?> headers, string name) => headers.TryGetValue(name, out var value) ? value switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes), // AMQP 0-9-1 long strings arrive as bytes
        string s => s,
        null => null,
        _ => value.ToString(),
    } : null;
}

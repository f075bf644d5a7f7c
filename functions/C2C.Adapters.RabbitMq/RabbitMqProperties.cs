using System.Text;
using C2C.Core.Ports;
using RabbitMQ.Client;

namespace C2C.Adapters.RabbitMq;

/// <summary>
/// BusMessage ⇄ AMQP 0-9-1 properties; the routing facts travel as headers named as in <see cref="BusProperties"/>.
/// </summary>
public static class RabbitMqProperties
{
    public const string DeadLetterReason = "DeadLetterReason";
    public const string DeadLetterDescription = "DeadLetterErrorDescription";

    public static BasicProperties From(BusMessage message)
    {
        var headers = BusProperties.Of(message).ToDictionary(p => p.Key, p => (object?)p.Value);
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
        // The broker's body buffer is reused after the callback returns: copied.
        var message = BusProperties.Read(properties.MessageId, properties.CorrelationId, body.ToArray(), name => Text(headers, name), properties.Type);
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

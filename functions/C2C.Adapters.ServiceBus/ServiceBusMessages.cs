using Amqp;
using Amqp.Framing;
using C2C.Core.Ports;

namespace C2C.Adapters.ServiceBus;

/// <summary>
/// BusMessage ⇄ AMQP 1.0 message as Service Bus sees it: message-id and correlation-id in the properties section,
/// the routing facts as application properties (subscription filters match on "family"), the XML as one data section.
/// The names are those the Functions Service Bus trigger reads (ServiceBusTriggerMessage) and the RabbitMQ adapter uses.
/// </summary>
public static class ServiceBusMessages
{
    public static Message ToAmqp(BusMessage message)
    {
        var amqp = new Message
        {
            BodySection = new Data { Binary = message.Body.ToArray() },
            Header = new Header { Durable = true },
            Properties = new Properties { MessageId = message.MessageId, CorrelationId = message.CorrelationId, ContentType = "application/xml", Subject = message.MessageType },
            ApplicationProperties = new ApplicationProperties(),
        };
        foreach (var (name, value) in BusProperties.Of(message))
            amqp.ApplicationProperties[name] = value;
        return amqp;
    }

    /// <exception cref="InvalidDataException">the envelope lacks what the exchange needs.</exception>
    public static BusDelivery ToDelivery(Message amqp)
    {
        var app = amqp.ApplicationProperties;
        string? Text(string name) => app is not null && app.Map.ContainsKey(name) ? app[name] as string : null;
        var body = amqp.BodySection switch
        {
            Data data => data.Binary,
            AmqpValue { Value: byte[] bytes } => bytes,
            AmqpValue { Value: string text } => System.Text.Encoding.UTF8.GetBytes(text),
            _ => throw new InvalidDataException("body is neither a data section nor a string or binary value"),
        };
        var message = BusProperties.Read(amqp.Properties?.MessageId, amqp.Properties?.CorrelationId, body, Text, amqp.Properties?.Subject);
        // AMQP counts earlier failed deliveries (0 on the first); the port counts deliveries (1 on the first), as Service Bus does.
        return new BusDelivery(message, (int)(amqp.Header?.DeliveryCount ?? 0) + 1);
    }
}

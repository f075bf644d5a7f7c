using Azure.Messaging.ServiceBus;
using C2C.Core.Ports;

namespace C2C.Adapters.ServiceBus;

/// <summary>
/// BusMessage ⇄ Service Bus message: our message id as MessageId (the partner topic's duplicate detection drops a
/// replay), correlation id, the message type as Subject, the routing facts as application properties (subscription
/// filters match on "family"), the signed XML as the body. Names as in <see cref="BusProperties"/>, which the
/// RabbitMQ adapter and the Functions trigger read too.
/// </summary>
public static class ServiceBusMessages
{
    public static ServiceBusMessage ToServiceBus(BusMessage message)
    {
        var sent = new ServiceBusMessage(BinaryData.FromBytes(message.Body))
        {
            MessageId = message.MessageId,
            CorrelationId = message.CorrelationId,
            ContentType = "application/xml",
            Subject = message.MessageType,
        };
        foreach (var (name, value) in BusProperties.Of(message))
            sent.ApplicationProperties[name] = value;
        return sent;
    }

    /// <exception cref="InvalidDataException">the envelope lacks what the exchange needs (message id, family, source country).</exception>
    public static BusDelivery ToDelivery(ServiceBusReceivedMessage received)
    {
        string? Text(string name) => received.ApplicationProperties.TryGetValue(name, out var value) ? value as string : null;
        var message = BusProperties.Read(received.MessageId, received.CorrelationId, received.Body.ToMemory(), Text, received.Subject);
        return new BusDelivery(message, received.DeliveryCount);
    }
}

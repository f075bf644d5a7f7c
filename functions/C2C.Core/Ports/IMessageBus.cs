using C2C.Core.Messages;

namespace C2C.Core.Ports;

/// <summary>Publishes to a country's inbound topic; returns only once the broker has confirmed the message.</summary>
public interface IMessagePublisher
{
    Task PublishAsync(BusMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// The largest body the destination's broker takes (e.g. Service Bus: 256 KB Standard, 1 MB or more Premium,
    /// less the envelope), or null when there is no practical limit. The exchange refuses at ingest a message whose
    /// outbound records would not fit, rather than commit what could never be delivered.
    /// </summary>
    int? MaxBodyBytes(string destinationCountry) => null;
}

/// <summary>Receives this node's inbound topic, one subscription per message family.</summary>
public interface IMessageConsumer
{
    /// <summary>Runs until cancelled, handing each delivery to the handler and settling it with the outcome.</summary>
    /// <param name="subscribed">
    /// Told true once the subscription exists and deliveries flow, false while the consumer reconnects: readiness
    /// reports it, so nobody sends to this node before it listens.
    /// </param>
    Task RunAsync(string country, MessageFamily family, Func<BusDelivery, CancellationToken, Task<DeliveryOutcome>> handler, CancellationToken cancellationToken,
        Action<bool>? subscribed = null);
}

/// <summary>Topic and subscription names, the same for every broker adapter (ARCHITECTURE decision 3).</summary>
public static class Topology
{
    public static string Topic(string country) => $"c2c.{country.ToLowerInvariant()}";

    public static string Subscription(MessageFamily family) => family.ToString().ToLowerInvariant();
}

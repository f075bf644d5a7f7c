using C2C.Core.Messages;

namespace C2C.Core.Ports;

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

using System.Collections.Concurrent;
using C2C.Core.Ports;

namespace C2C.Adapters.ServiceBus;

/// <summary>
/// Publishes each message to the topic of its destination country in that country's own namespace (ARCHITECTURE
/// decision 3: the receiver owns its topic, we only hold send rights there), over one AMQP connection per namespace
/// and credential, opened on first use. A country without a usable destination, a rejection or a missing topic
/// throws, and the caller's outbox row stays for the relay.
/// </summary>
public sealed class ServiceBusPublisher(ServiceBusDestinations destinations) : IMessagePublisher, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<NamespaceSenders>> _byConnection = new(StringComparer.Ordinal);

    public ServiceBusDestinations Destinations => destinations;

    public Task PublishAsync(BusMessage message, CancellationToken cancellationToken)
    {
        var destination = destinations.For(message.DestinationCountry);
        var senders = _byConnection.GetOrAdd(destination.ConnectionKey, _ => new Lazy<NamespaceSenders>(() => new NamespaceSenders(new ServiceBusConnection(destination.Namespace))));
        return senders.Value.SendAsync(destination.Topic, message, cancellationToken);
    }

    /// <summary>The destination's topic limit; an unknown country gets the Standard tier's, the smallest.</summary>
    public int? MaxBodyBytes(string destinationCountry) =>
        destinations.Find(destinationCountry)?.MaxBodyBytes ?? ServiceBusDestination.StandardMaxMessageBytes - ServiceBusDestination.EnvelopeBytes;

    public async ValueTask DisposeAsync()
    {
        foreach (var senders in _byConnection.Values.Where(l => l.IsValueCreated))
            await senders.Value.DisposeAsync();
    }
}

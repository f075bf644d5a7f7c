using Azure.Messaging.ServiceBus;
using C2C.Core.Ports;

namespace C2C.Adapters.ServiceBus;

/// <summary>
/// Publishes each message to the topic of its destination country in that country's own namespace (ARCHITECTURE
/// decision 3: the receiver owns its topic, we only hold send rights there), through one SDK client per namespace
/// and credential and one sender per topic. Returns once Service Bus has accepted the message; any failure throws
/// (classified by <see cref="ServiceBusFailures"/>) and the caller's outbox row stays for the relay.
/// </summary>
public sealed class ServiceBusPublisher(ServiceBusDestinations destinations, ProblemReport? onProblem = null) : IMessagePublisher, IAsyncDisposable
{
    private readonly ServiceBusClients _clients = new();

    public ServiceBusDestinations Destinations => destinations;

    /// <summary>SDK clients opened so far: one per namespace and credential.</summary>
    public int OpenClients => _clients.ClientCount;

    public async Task PublishAsync(BusMessage message, CancellationToken cancellationToken)
    {
        var destination = destinations.For(message.DestinationCountry);
        if (message.Body.Length > destination.MaxBodyBytes)
            throw new InvalidOperationException($"{message.MessageId}: {message.Body.Length} bytes, more than {destination.Topic} takes ({destination.MaxBodyBytes} bytes of body)");
        try
        {
            await _clients.Sender(destination.Namespace, destination.Topic).SendMessageAsync(ServiceBusMessages.ToServiceBus(message), cancellationToken);
        }
        catch (Exception e) when (e is ServiceBusException or UnauthorizedAccessException)
        {
            var (handling, meaning) = ServiceBusFailures.Classify(e);
            var text = $"{message.MessageId}: not sent to {destination.Topic} on {destination.Namespace.FullyQualifiedNamespace}: {meaning}";
            onProblem?.Invoke(text, e, handling == FailureHandling.RetryAndAlert);
            throw new InvalidOperationException(text, e);
        }
    }

    /// <summary>The destination's topic limit; an unknown country gets the Standard tier's, the smallest.</summary>
    public int? MaxBodyBytes(string destinationCountry) =>
        destinations.Find(destinationCountry)?.MaxBodyBytes ?? ServiceBusDestination.StandardMaxMessageBytes - ServiceBusDestination.EnvelopeBytes;

    public ValueTask DisposeAsync() => _clients.DisposeAsync();
}

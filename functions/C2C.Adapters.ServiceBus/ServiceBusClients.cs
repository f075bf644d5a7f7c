using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;

namespace C2C.Adapters.ServiceBus;

/// <summary>
/// One SDK client per namespace and credential (its AMQP connection), one sender per topic, created on first use and
/// kept: the SDK reconnects them itself.
/// </summary>
internal sealed class ServiceBusClients : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<ServiceBusClient>> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, string), Lazy<ServiceBusSender>> _senders = new();

    public ServiceBusClient Client(ServiceBusOptions options) =>
        _clients.GetOrAdd(options.ConnectionKey, _ => new Lazy<ServiceBusClient>(options.CreateClient)).Value;

    public ServiceBusSender Sender(ServiceBusOptions options, string topic) =>
        _senders.GetOrAdd((options.ConnectionKey, topic), _ => new Lazy<ServiceBusSender>(() => Client(options).CreateSender(topic))).Value;

    public int ClientCount => _clients.Count(c => c.Value.IsValueCreated);

    public async ValueTask DisposeAsync()
    {
        foreach (var sender in _senders.Values.Where(s => s.IsValueCreated))
            await sender.Value.DisposeAsync();
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated))
            await client.Value.DisposeAsync();
    }
}

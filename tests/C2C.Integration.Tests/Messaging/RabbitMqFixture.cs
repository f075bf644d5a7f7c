using C2C.Adapters.RabbitMq;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Testing;
using RabbitMQ.Client;

namespace C2C.Integration.Tests.Messaging;

/// <summary>
/// A fresh country topology on the real broker for one test: its queues are deleted first (the broker's data
/// outlives test runs), and a consumer is run with a handler the test scripts, delivery by delivery.
/// </summary>
public sealed class RabbitMqFixture : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromMinutes(2));
    private readonly List<ConsumerProbe> _consumers = [];

    public RabbitMqFixture(LocalStack stack, string country, int deliveryLimit = 3)
    {
        Country = country;
        Options = new RabbitMqOptions { Uri = stack.RabbitMqUri, DeliveryLimit = deliveryLimit, PublishTimeout = TimeSpan.FromSeconds(5), MaxReconnectDelay = TimeSpan.FromSeconds(1) };
        Connections = new RabbitMqConnections(Options);
        Publisher = new RabbitMqPublisher(Connections);
    }

    public string Country { get; }

    public RabbitMqOptions Options { get; }

    public RabbitMqConnections Connections { get; }

    public RabbitMqPublisher Publisher { get; }

    public List<string> Problems { get; } = [];

    public static BusMessage Message(string destination, MessageFamily family = MessageFamily.Transit, string? id = null) =>
        new(id ?? Guid.NewGuid().ToString(), "corr-1", "IE050", family, "TG", destination, "<x/>"u8.ToArray(),
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "c2c=1");

    /// <summary>Deletes the country's exchanges and queues so the test starts from nothing.</summary>
    public async Task ResetAsync()
    {
        await using var connection = await Connections.OpenAsync("test-reset", _stop.Token);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: _stop.Token);
        foreach (var family in Enum.GetValues<MessageFamily>())
        {
            await channel.QueueDeleteAsync(RabbitMqNames.Queue(Country, family), cancellationToken: _stop.Token);
            await channel.QueueDeleteAsync(RabbitMqNames.DeadLetterQueue(Country, family), cancellationToken: _stop.Token);
        }
        await channel.ExchangeDeleteAsync(RabbitMqNames.Exchange(Country), cancellationToken: _stop.Token);
        await channel.ExchangeDeleteAsync(RabbitMqNames.DeadLetterExchange(Country), cancellationToken: _stop.Token);
    }

    /// <summary>Starts a consumer; every delivery is recorded with the outcome the test's handler gave.</summary>
    public ConsumerProbe Consume(MessageFamily family, Func<BusDelivery, DeliveryOutcome> decide)
    {
        var probe = new ConsumerProbe(new RabbitMqConsumer(Connections, (text, e) => { lock (Problems) Problems.Add($"{text}: {e?.Message}"); }), Country, family, decide);
        _consumers.Add(probe);
        return probe;
    }

    /// <summary>Waits (bounded) until the consumer has declared the topology, i.e. a publish is routable.</summary>
    public async Task WaitForQueueAsync(MessageFamily family)
    {
        await using var connection = await Connections.OpenAsync("test-wait", _stop.Token);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: _stop.Token);
            try
            {
                await channel.QueueDeclarePassiveAsync(RabbitMqNames.Queue(Country, family), _stop.Token);
                return;
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                await Task.Delay(100, _stop.Token);
            }
        }
        throw new TimeoutException($"queue {RabbitMqNames.Queue(Country, family)} never declared");
    }

    /// <summary>Reads one message of the dead-letter queue (bounded wait).</summary>
    public async Task<BasicGetResult> DeadLetteredAsync(MessageFamily family)
    {
        await using var connection = await Connections.OpenAsync("test-dlq", _stop.Token);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: _stop.Token);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await channel.BasicGetAsync(RabbitMqNames.DeadLetterQueue(Country, family), autoAck: true, _stop.Token) is { } result)
                return result;
            await Task.Delay(100, _stop.Token);
        }
        throw new TimeoutException("nothing dead-lettered");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var consumer in _consumers)
            await consumer.DisposeAsync();
        await Publisher.DisposeAsync();
        _stop.Dispose();
    }
}

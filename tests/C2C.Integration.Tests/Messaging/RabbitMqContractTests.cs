using C2C.Adapters.RabbitMq;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Testing;
using RabbitMQ.Client;
using Xunit.Abstractions;

namespace C2C.Integration.Tests.Messaging;

/// <summary>The messaging contract against the real RabbitMQ of the local stack, a virtual host per test.</summary>
[Collection(StackCollection.Name)]
public sealed class RabbitMqContractTests(LocalStack stack, ITestOutputHelper output) : MessagingContract(output)
{
    /// <remarks>
    /// A quorum queue's x-delivery-limit counts returns, Service Bus's MaxDeliveryCount deliveries: a limit of N
    /// delivers N + 1 times. The contract means deliveries, hence N - 1 (the deployed queues keep their argument:
    /// changing it would make RabbitMQ refuse to declare them again).
    /// </remarks>
    protected override async Task<IContractBroker> StartAsync(string country, int deliveryLimit = 3) =>
        new RabbitMqBroker(stack, await BrokerVirtualHost.CreateAsync(stack, $"contract-{Guid.NewGuid():N}"), country, deliveryLimit - 1);
}

/// <summary>RabbitMQ behind the port: the receiving consumer declares the topology; dead letters are read from the family's DLQ.</summary>
internal sealed class RabbitMqBroker : IContractBroker
{
    private readonly LocalStack _stack;
    private readonly BrokerVirtualHost _vhost;
    private readonly RabbitMqConnections _connections;
    private readonly RabbitMqPublisher _publisher;
    private readonly List<string> _problems = [];
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromMinutes(5));

    public RabbitMqBroker(LocalStack stack, BrokerVirtualHost vhost, string country, int deliveryLimit)
    {
        _stack = stack;
        _vhost = vhost;
        Country = country;
        _connections = new RabbitMqConnections(new RabbitMqOptions
        {
            Uri = vhost.Uri, DeliveryLimit = deliveryLimit, PublishTimeout = TimeSpan.FromSeconds(5), MaxReconnectDelay = TimeSpan.FromSeconds(1),
        });
        _publisher = new RabbitMqPublisher(_connections);
    }

    public string Country { get; }

    public IMessagePublisher Publisher => _publisher;

    public IReadOnlyList<string> Problems { get { lock (_problems) return [.. _problems]; } }

    public async Task DeclareAsync()
    {
        await using var connection = await _connections.OpenAsync("test-declare", _stop.Token);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: _stop.Token);
        foreach (var family in Enum.GetValues<MessageFamily>())
            await RabbitMqTopology.DeclareInboundAsync(channel, Country, family, _connections.Options.DeliveryLimit, _stop.Token);
    }

    public async Task<ConsumerProbe> ConsumeAsync(MessageFamily family, Func<BusDelivery, DeliveryOutcome> decide, int concurrency = 8)
    {
        var connections = new RabbitMqConnections(new RabbitMqOptions
        {
            Uri = _vhost.Uri, DeliveryLimit = _connections.Options.DeliveryLimit, MaxConcurrentDeliveries = (ushort)concurrency,
            Prefetch = (ushort)Math.Max(concurrency, 16), MaxReconnectDelay = TimeSpan.FromSeconds(1),
        });
        var probe = new ConsumerProbe(new RabbitMqConsumer(connections, (text, e) => { lock (_problems) _problems.Add($"{text}: {e?.Message}"); }), Country, family, decide);
        await WaitUntilAsync(async () => await ConsumersAsync(family) > 0, $"a consumer on {RabbitMqNames.Queue(Country, family)}");
        return probe;
    }

    public async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(MessageFamily family, int count)
    {
        var dead = new List<DeadLetter>();
        await using var connection = await _connections.OpenAsync("test-dlq", _stop.Token);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: _stop.Token);
        await WaitUntilAsync(async () =>
        {
            while (await channel.BasicGetAsync(RabbitMqNames.DeadLetterQueue(Country, family), autoAck: true, _stop.Token) is { } result)
            {
                var headers = result.BasicProperties.Headers ?? new Dictionary<string, object?>();
                // Our dead-letter outcome writes the reason; the broker's own (delivery limit) is in x-death.
                var reason = RabbitMqProperties.Text(headers, RabbitMqProperties.DeadLetterReason)
                    ?? (headers.TryGetValue("x-death", out var death) && death is IList<object> { Count: > 0 } deaths && deaths[0] is IDictionary<string, object?> first ? RabbitMqProperties.Text(first, "reason") : null)
                    ?? (headers.TryGetValue("x-first-death-reason", out _) ? RabbitMqProperties.Text(headers, "x-first-death-reason") : null);
                dead.Add(new DeadLetter(result.BasicProperties.MessageId, reason, RabbitMqProperties.Text(headers, RabbitMqProperties.DeadLetterDescription), result.Body.ToArray()));
            }
            return dead.Count >= count;
        }, $"{count} dead-lettered");
        return dead;
    }

    public async Task<long> PendingAsync(MessageFamily family) =>
        (await _vhost.QueueDepthsAsync()).GetValueOrDefault(RabbitMqNames.Queue(Country, family));

    public Task RestartAsync() => Task.Run(_stack.RestartRabbitMq);

    private async Task<long> ConsumersAsync(MessageFamily family)
    {
        try
        {
            await using var connection = await _connections.OpenAsync("test-wait", _stop.Token);
            await using var channel = await connection.CreateChannelAsync(cancellationToken: _stop.Token);
            return await channel.ConsumerCountAsync(RabbitMqNames.Queue(Country, family), _stop.Token);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0; // not declared yet
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            if (await condition())
                return;
        }
        throw new TimeoutException($"not within 20 s: {what}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _publisher.DisposeAsync();
        await _vhost.DisposeAsync();
        _stop.Dispose();
    }
}

using C2C.Adapters.ServiceBus;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Testing;
using C2C.Testing.ServiceBus;
using Xunit.Abstractions;

namespace C2C.Integration.Tests.Messaging;

/// <summary>The messaging contract through the Service Bus SDK, against the in-process namespace (a new one per test).</summary>
public sealed class ServiceBusContractTests(ITestOutputHelper output) : MessagingContract(output)
{
    protected override Task<IContractBroker> StartAsync(string country, int deliveryLimit = 3) =>
        Task.FromResult<IContractBroker>(new ServiceBusBroker(new ServiceBusNamespace(maxDeliveryCount: deliveryLimit), country));
}

/// <summary>Service Bus behind the port: the topic exists once declared (Bicep on Azure); dead letters are the subscription's $DeadLetterQueue.</summary>
internal sealed class ServiceBusBroker(ServiceBusNamespace ns, string country) : IContractBroker
{
    private readonly List<string> _problems = [];
    private ServiceBusPublisher? _publisher;

    public ServiceBusNamespace Namespace => ns;

    public string Country => country;

    public IMessagePublisher Publisher => _publisher ??= new ServiceBusPublisher(new ServiceBusDestinations([new ServiceBusDestination(country, Options(ns))]), Report);

    public IReadOnlyList<string> Problems { get { lock (_problems) return [.. _problems]; } }

    /// <summary>Our options for a namespace on the test endpoint: SAS key, plain AMQP, short retries.</summary>
    public static ServiceBusOptions Options(ServiceBusNamespace ns, int concurrency = 8) => new ServiceBusOptions
    {
        FullyQualifiedNamespace = "127.0.0.1", Port = ns.Port, UseTls = false, SasKeyName = ServiceBusNamespace.KeyName, SasKey = ns.Key,
        MaxConcurrentDeliveries = concurrency, PrefetchCount = concurrency, SendTimeout = TimeSpan.FromSeconds(5), MaxReconnectDelay = TimeSpan.FromSeconds(1), MaxRetries = 2,
    }.Validated();

    private void Report(string text, Exception? e, bool alert)
    {
        lock (_problems)
            _problems.Add($"{(alert ? "ALERT " : "")}{text}: {e?.Message}");
    }

    public Task DeclareAsync()
    {
        if (!ns.HasTopic(country))
            ns.AddTopic(country);
        return Task.CompletedTask;
    }

    public async Task<ConsumerProbe> ConsumeAsync(MessageFamily family, Func<BusDelivery, DeliveryOutcome> decide, int concurrency = 8)
    {
        await DeclareAsync();
        return new ConsumerProbe(new ServiceBusConsumer(Options(ns, concurrency), Report), country, family, decide);
    }

    public async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(MessageFamily family, int count)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(20); ; await Task.Delay(100))
        {
            var dead = ns.DeadLetterQueue(country, family).Snapshot();
            if (dead.Count >= count || DateTime.UtcNow > deadline)
                return dead.Count >= count ? [.. dead.Select(d => new DeadLetter(d.MessageId, d.ApplicationProperty("DeadLetterReason"), d.ApplicationProperty("DeadLetterErrorDescription"), d.Body))]
                    : throw new TimeoutException($"{dead.Count} dead-lettered, expected {count}");
        }
    }

    public Task<long> PendingAsync(MessageFamily family)
    {
        var subscription = ns.Subscription(country, family);
        return Task.FromResult<long>(subscription.Available + subscription.Locked);
    }

    public async Task RestartAsync()
    {
        ns.Stop();
        await Task.Delay(TimeSpan.FromSeconds(2)); // down for a while, as a failover is
        ns.Start();
    }

    public async ValueTask DisposeAsync()
    {
        if (_publisher is not null)
            await _publisher.DisposeAsync();
        await ns.DisposeAsync();
    }
}

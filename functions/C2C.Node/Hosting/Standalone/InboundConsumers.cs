using C2C.Core.Exchange;
using C2C.Core.Messages;
using C2C.Core.Ports;

namespace C2C.Node.Hosting.Standalone;

/// <summary>Standalone hosting: consumes this node's inbound topic, one subscription per message family.</summary>
public sealed class InboundConsumers(IMessageConsumer consumer, InboundDeliveryHandler handler, NodeContext node, ConsumerSubscriptions subscriptions,
    ILogger<InboundConsumers> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enum.GetValues<MessageFamily>().Select(family => RunAsync(family, stoppingToken)));

    private async Task RunAsync(MessageFamily family, CancellationToken stoppingToken)
    {
        if (log.IsEnabled(LogLevel.Information))
            log.Consuming(Topology.Topic(node.Country), Topology.Subscription(family));
        // Deliveries are handled side by side: each movement's orchestration takes its messages one at a time, in order,
        // and holds one that came before the one it follows.
        // Dead-letters are logged by the exchange (IExchangeLog), each with its reason.
        await consumer.RunAsync(node.Country, family, (delivery, ct) => handler.HandleAsync(delivery, ct), stoppingToken, subscribed => subscriptions.Report(family, subscribed));
    }
}

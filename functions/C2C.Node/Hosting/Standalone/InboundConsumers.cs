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
        log.LogInformation("consuming {Topic}/{Subscription}", Topology.Topic(node.Country), Topology.Subscription(family));
        // Deliveries are handled side by side: each movement's orchestration takes its messages one at a time, in order,
        // and holds one that came before the one it follows.
        await consumer.RunAsync(node.Country, family, async (delivery, ct) =>
        {
            var outcome = await handler.HandleAsync(delivery, ct);
            if (outcome is DeliveryOutcome.DeadLetterOutcome dead)
                log.LogWarning("dead-lettered {MessageId} from {Source}: {Reason} {Description}", delivery.Message.MessageId, delivery.Message.SourceCountry, dead.Reason, dead.Description);
            return outcome;
        }, stoppingToken, subscribed => subscriptions.Report(family, subscribed));
    }
}

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
        var gate = new MovementGate();
        await consumer.RunAsync(node.Country, family, async (delivery, ct) =>
        {
            // Concurrent across movements, in order within one (a message without a reference is its own key).
            using var lease = await gate.EnterAsync(delivery.Message.MovementReference ?? delivery.Message.MessageId, ct);
            var outcome = await handler.HandleAsync(delivery, ct);
            if (outcome is DeliveryOutcome.DeadLetterOutcome dead)
                log.LogWarning("dead-lettered {MessageId} from {Source}: {Reason} {Description}", delivery.Message.MessageId, delivery.Message.SourceCountry, dead.Reason, dead.Description);
            return outcome;
        }, stoppingToken, subscribed => subscriptions.Report(family, subscribed));
    }
}

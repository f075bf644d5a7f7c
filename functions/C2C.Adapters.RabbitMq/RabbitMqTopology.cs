using C2C.Core.Messages;
using RabbitMQ.Client;

namespace C2C.Adapters.RabbitMq;

/// <summary>
/// Declares a node's inbound topology. Only the receiving node declares it (it owns its topic, ARCHITECTURE
/// decision 3); declarations are idempotent, so every consumer start re-asserts them.
/// </summary>
public static class RabbitMqTopology
{
    public static async Task DeclareInboundAsync(IChannel channel, string country, MessageFamily family, int deliveryLimit, CancellationToken cancellationToken)
    {
        var exchange = RabbitMqNames.Exchange(country);
        var dlx = RabbitMqNames.DeadLetterExchange(country);
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(dlx, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);

        var deadLetters = RabbitMqNames.DeadLetterQueue(country, family);
        await channel.QueueDeclareAsync(deadLetters, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(deadLetters, dlx, RabbitMqNames.Binding(family), cancellationToken: cancellationToken);

        var queue = RabbitMqNames.Queue(country, family);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: new Dictionary<string, object?>
        {
            ["x-queue-type"] = "quorum",
            ["x-delivery-limit"] = deliveryLimit,
            ["x-dead-letter-exchange"] = dlx,
        }, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue, exchange, RabbitMqNames.Binding(family), cancellationToken: cancellationToken);
    }
}

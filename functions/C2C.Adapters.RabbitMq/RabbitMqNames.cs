using C2C.Core.Messages;
using C2C.Core.Ports;

namespace C2C.Adapters.RabbitMq;

/// <summary>
/// The Service Bus topology mapped onto AMQP 0-9-1: the topic is a topic exchange, each family subscription a
/// quorum queue bound on "{family}.#", the subscription's dead-letter queue a queue behind a per-country DLX.
/// </summary>
public static class RabbitMqNames
{
    public static string Exchange(string country) => Topology.Topic(country);

    public static string Queue(string country, MessageFamily family) => $"{Topology.Topic(country)}.{Topology.Subscription(family)}";

    public static string DeadLetterExchange(string country) => $"{Topology.Topic(country)}.dlx";

    public static string DeadLetterQueue(string country, MessageFamily family) => $"{Queue(country, family)}.dlq";

    /// <summary>"{family}.{messageType}": subscriptions filter on the family, operators can bind finer by type.</summary>
    public static string RoutingKey(MessageFamily family, string messageType) =>
        $"{Topology.Subscription(family)}.{(messageType.Length > 0 ? messageType.ToLowerInvariant() : "unknown")}";

    public static string Binding(MessageFamily family) => $"{Topology.Subscription(family)}.#";
}

using System.Collections.Concurrent;
using C2C.Core.Messages;
using C2C.Node.Hosting.Readiness;

namespace C2C.Node.Hosting.Standalone;

/// <summary>
/// Which of this node's subscriptions (one per message family) are consuming right now, as the consumers report it.
/// Readiness waits for all of them: a partner, a test or a deployment's smoke test that sends before the node listens
/// would otherwise find no subscription (RabbitMQ: NO_ROUTE; Service Bus: messages piling up unseen).
/// </summary>
public sealed class ConsumerSubscriptions
{
    private readonly ConcurrentDictionary<MessageFamily, bool> _subscribed = new();

    public void Report(MessageFamily family, bool subscribed) => _subscribed[family] = subscribed;

    public ReadinessCheck Check(string country)
    {
        var families = Enum.GetValues<MessageFamily>();
        var items = families.ToDictionary(f => Core.Ports.Topology.Subscription(f),
            f => _subscribed.TryGetValue(f, out var on) ? (on ? "consuming" : "reconnecting") : "not subscribed yet");
        var missing = families.Where(f => !_subscribed.GetValueOrDefault(f)).ToList();
        return new(missing.Count == 0,
            missing.Count == 0
                ? $"{Core.Ports.Topology.Topic(country)}: every subscription is consuming"
                : $"{Core.Ports.Topology.Topic(country)}: not consuming {string.Join(", ", missing.Select(Core.Ports.Topology.Subscription))}",
            items);
    }
}

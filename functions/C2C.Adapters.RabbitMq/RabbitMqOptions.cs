namespace C2C.Adapters.RabbitMq;

/// <summary>
/// Settings of the RabbitMQ adapter (configuration section C2C:Messaging:RabbitMq, bound by
/// <see cref="RabbitMqRegistration.AddRabbitMqMessaging"/>). The initializers are the defaults, written nowhere else.
/// </summary>
public sealed class RabbitMqOptions
{
    /// <summary>amqp://user:password@host:port/vhost. Locally the stack's C2C_RABBITMQ_URI.</summary>
    public required Uri Uri { get; init; }

    /// <summary>
    /// Deliveries in flight per family consumer. A delivery mostly waits for its movement's acknowledgement (no CPU):
    /// receive throughput is about the concurrency over that wait, so more at once than the CPU count
    /// (docs/durable-engine.md, hand-off).
    /// </summary>
    public ushort Prefetch { get; init; } = 64;

    /// <summary>Deliveries of one family handled at the same time (the node keeps one movement's messages in order).</summary>
    public ushort MaxConcurrentDeliveries { get; init; } = 32;

    /// <summary>Quorum queue x-delivery-limit: after this many failed deliveries the broker dead-letters (Service Bus MaxDeliveryCount).</summary>
    public int DeliveryLimit { get; init; } = 10;

    /// <summary>Upper bound of one publish (connect + confirm); past it the outbox relay retries later.</summary>
    public TimeSpan PublishTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest pause between reconnect attempts of a consumer.</summary>
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Shown in the broker's connection list.</summary>
    public string ConnectionName { get; init; } = "c2c-node";
}

namespace C2C.Adapters.RabbitMq;

/// <summary>Settings of the RabbitMQ adapter (configuration section C2C:Messaging:RabbitMq).</summary>
public sealed class RabbitMqOptions
{
    /// <summary>amqp://user:password@host:port/vhost. Locally the stack's C2C_RABBITMQ_URI.</summary>
    public required Uri Uri { get; init; }

    /// <summary>Deliveries in flight per family consumer; the handler runs them one by one per family, so small.</summary>
    public ushort Prefetch { get; init; } = 16;

    /// <summary>Deliveries of one family handled at the same time (the node keeps one movement's messages in order).</summary>
    public ushort MaxConcurrentDeliveries { get; init; } = 8;

    /// <summary>Quorum queue x-delivery-limit: after this many failed deliveries the broker dead-letters (Service Bus MaxDeliveryCount).</summary>
    public int DeliveryLimit { get; init; } = 10;

    /// <summary>Upper bound of one publish (connect + confirm); past it the outbox relay retries later.</summary>
    public TimeSpan PublishTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest pause between reconnect attempts of a consumer.</summary>
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Shown in the broker's connection list.</summary>
    public string ConnectionName { get; init; } = "c2c-node";
}

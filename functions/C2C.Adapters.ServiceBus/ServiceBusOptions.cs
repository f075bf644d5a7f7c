using Azure.Core;

namespace C2C.Adapters.ServiceBus;

/// <summary>Settings of the Service Bus adapter (configuration section C2C:Messaging:ServiceBus).</summary>
public sealed class ServiceBusOptions
{
    /// <summary>e.g. c2c-tg-prod.servicebus.windows.net</summary>
    public required string FullyQualifiedNamespace { get; init; }

    /// <summary>5671 (AMQPS) on Azure; tests point at a plain AMQP listener on loopback.</summary>
    public int Port { get; init; } = 5671;

    public bool UseTls { get; init; } = true;

    /// <summary>Shared access policy name and key (SASL PLAIN). When absent, <see cref="Credential"/> is used through CBS.</summary>
    public string? SasKeyName { get; init; }

    public string? SasKey { get; init; }

    /// <summary>Entra ID (managed identity on Azure): a JWT put to the $cbs node for each entity.</summary>
    public TokenCredential? Credential { get; init; }

    /// <summary>Link credit per family receiver: deliveries locked ahead of the handler.</summary>
    public int PrefetchCount { get; init; } = 16;

    /// <summary>Deliveries of one family handled at the same time (the node keeps one movement's messages in order).</summary>
    public int MaxConcurrentDeliveries { get; init; } = 8;

    /// <summary>Upper bound of one send (attach + outcome); past it the outbox relay retries later.</summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(10);

    public bool UsesSas => SasKeyName is not null && SasKey is not null;

    public ServiceBusOptions Validated()
    {
        if (string.IsNullOrWhiteSpace(FullyQualifiedNamespace) || FullyQualifiedNamespace.Contains('/'))
            throw new ArgumentException("FullyQualifiedNamespace must be a host name such as c2c-tg.servicebus.windows.net");
        if (!UsesSas && Credential is null)
            throw new ArgumentException("configure a SAS key name + key, or an Entra ID credential");
        if (PrefetchCount is < 1 or > 1000)
            throw new ArgumentException("PrefetchCount must be between 1 and 1000");
        if (MaxConcurrentDeliveries < 1 || MaxConcurrentDeliveries > PrefetchCount)
            throw new ArgumentException("MaxConcurrentDeliveries must be between 1 and PrefetchCount");
        return this;
    }
}

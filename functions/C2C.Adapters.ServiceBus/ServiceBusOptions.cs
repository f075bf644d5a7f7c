using Azure.Core;
using Azure.Messaging.ServiceBus;

namespace C2C.Adapters.ServiceBus;

/// <summary>
/// One namespace connection, as the adapter uses it: built from configuration (<see cref="ServiceBusMessagingOptions"/>,
/// <see cref="ServiceBusDestinationOptions"/>) or by tests. The defaults the configuration shares are the constants below.
/// </summary>
public sealed class ServiceBusOptions
{
    public const int DefaultPort = 5671;

    public const bool DefaultUseTls = true;

    public const int DefaultPrefetchCount = 32;

    public const int DefaultMaxConcurrentDeliveries = 32;

    public static readonly TimeSpan DefaultMaxLockRenewal = TimeSpan.FromMinutes(5);

    /// <summary>e.g. c2c-tg-prod.servicebus.windows.net</summary>
    public required string FullyQualifiedNamespace { get; init; }

    /// <summary>5671 (AMQPS) on Azure; tests point at the in-process endpoint's plain AMQP port on loopback.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>False only for the test endpoint: the SDK's development-emulator mode (plain AMQP, SAS only).</summary>
    public bool UseTls { get; init; } = DefaultUseTls;

    /// <summary>Shared access policy name and key (on Azure a Key Vault reference). When absent, <see cref="Credential"/> is used.</summary>
    public string? SasKeyName { get; init; }

    public string? SasKey { get; init; }

    /// <summary>Entra ID (our managed identity on Azure): the SDK gets and refreshes its tokens.</summary>
    public TokenCredential? Credential { get; init; }

    /// <summary>
    /// Deliveries the processor locks ahead of the handler, per family subscription. As for RabbitMQ, deliveries wait
    /// for their movement's acknowledgement; prefetched messages are locked without renewal until handled, so no
    /// more ahead than are handled at once.
    /// </summary>
    public int PrefetchCount { get; init; } = DefaultPrefetchCount;

    /// <summary>Deliveries of one family handled at the same time (the node keeps one movement's messages in order).</summary>
    public int MaxConcurrentDeliveries { get; init; } = DefaultMaxConcurrentDeliveries;

    /// <summary>Upper bound of one try of a send or settlement; the SDK retries within <see cref="MaxRetries"/>, past them the outbox relay retries later.</summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public int MaxRetries { get; init; } = 3;

    /// <summary>Longest pause between the SDK's retries (and its processor's reconnects).</summary>
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the processor keeps renewing a delivery's lock while the handler works (a Service Bus lock lasts 1 min by default).</summary>
    public TimeSpan MaxLockRenewal { get; init; } = DefaultMaxLockRenewal;

    public bool UsesSas => SasKeyName is not null && SasKey is not null;

    /// <summary>Destinations in the same namespace with the same credential share one client (one AMQP connection).</summary>
    public string ConnectionKey => $"{FullyQualifiedNamespace}:{Port}/{(UsesSas ? "sas:" + SasKeyName : "entra-id")}";

    public ServiceBusOptions Validated()
    {
        if (string.IsNullOrWhiteSpace(FullyQualifiedNamespace) || FullyQualifiedNamespace.Contains('/') || FullyQualifiedNamespace.Contains(':'))
            throw new ArgumentException($"FullyQualifiedNamespace must be a host name such as c2c-tg.servicebus.windows.net (was '{FullyQualifiedNamespace}')");
        if (!UsesSas && Credential is null)
            throw new ArgumentException("SasKeyName and SasKey, or an Entra ID credential, must be configured");
        if (!UseTls && !UsesSas)
            throw new ArgumentException("UseTls false (plain AMQP) is the test endpoint's development mode: it takes a SAS key only");
        if (PrefetchCount is < 0 or > 1000)
            throw new ArgumentException($"PrefetchCount must be between 0 and 1000 (was {PrefetchCount})");
        if (MaxConcurrentDeliveries < 1)
            throw new ArgumentException($"MaxConcurrentDeliveries must be at least 1 (was {MaxConcurrentDeliveries})");
        return this;
    }

    /// <summary>An SDK client for this namespace: it owns the connection, its retries and (Entra ID) token refresh.</summary>
    public ServiceBusClient CreateClient()
    {
        var options = new ServiceBusClientOptions
        {
            RetryOptions = new ServiceBusRetryOptions
            {
                Mode = ServiceBusRetryMode.Exponential,
                MaxRetries = MaxRetries,
                Delay = TimeSpan.FromMilliseconds(500),
                MaxDelay = MaxReconnectDelay,
                TryTimeout = SendTimeout,
            },
            Identifier = $"c2c-node/{FullyQualifiedNamespace}",
        };
        if (!UseTls)
            return new ServiceBusClient($"Endpoint=sb://{FullyQualifiedNamespace}:{Port}/;SharedAccessKeyName={SasKeyName};SharedAccessKey={SasKey};UseDevelopmentEmulator=true", options);
        if (Port != 5671)
            options.CustomEndpointAddress = new Uri($"sb://{FullyQualifiedNamespace}:{Port}");
        return UsesSas
            ? new ServiceBusClient(FullyQualifiedNamespace, new Azure.AzureNamedKeyCredential(SasKeyName!, SasKey!), options)
            : new ServiceBusClient(FullyQualifiedNamespace, Credential!, options);
    }
}

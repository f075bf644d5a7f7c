using Azure.Core;
using Azure.Messaging.ServiceBus;

namespace C2C.Adapters.ServiceBus;

/// <summary>Settings of one namespace connection (configuration section C2C:Messaging:ServiceBus, and each Destinations:{CC}).</summary>
public sealed class ServiceBusOptions
{
    /// <summary>e.g. c2c-tg-prod.servicebus.windows.net</summary>
    public required string FullyQualifiedNamespace { get; init; }

    /// <summary>5671 (AMQPS) on Azure; tests point at the in-process endpoint's plain AMQP port on loopback.</summary>
    public int Port { get; init; } = 5671;

    /// <summary>False only for the test endpoint: the SDK's development-emulator mode (plain AMQP, SAS only).</summary>
    public bool UseTls { get; init; } = true;

    /// <summary>Shared access policy name and key (on Azure a Key Vault reference). When absent, <see cref="Credential"/> is used.</summary>
    public string? SasKeyName { get; init; }

    public string? SasKey { get; init; }

    /// <summary>Entra ID (our managed identity on Azure): the SDK gets and refreshes its tokens.</summary>
    public TokenCredential? Credential { get; init; }

    /// <summary>Deliveries the processor locks ahead of the handler, per family subscription.</summary>
    public int PrefetchCount { get; init; } = 16;

    /// <summary>Deliveries of one family handled at the same time (the node keeps one movement's messages in order).</summary>
    public int MaxConcurrentDeliveries { get; init; } = 8;

    /// <summary>Upper bound of one try of a send or settlement; the SDK retries within <see cref="MaxRetries"/>, past them the outbox relay retries later.</summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public int MaxRetries { get; init; } = 3;

    /// <summary>Longest pause between the SDK's retries (and its processor's reconnects).</summary>
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the processor keeps renewing a delivery's lock while the handler works (a Service Bus lock lasts 1 min by default).</summary>
    public TimeSpan MaxLockRenewal { get; init; } = TimeSpan.FromMinutes(5);

    public bool UsesSas => SasKeyName is not null && SasKey is not null;

    /// <summary>Destinations in the same namespace with the same credential share one client (one AMQP connection).</summary>
    public string ConnectionKey => $"{FullyQualifiedNamespace}:{Port}/{(UsesSas ? "sas:" + SasKeyName : "entra-id")}";

    public ServiceBusOptions Validated()
    {
        if (string.IsNullOrWhiteSpace(FullyQualifiedNamespace) || FullyQualifiedNamespace.Contains('/') || FullyQualifiedNamespace.Contains(':'))
            throw new ArgumentException("FullyQualifiedNamespace must be a host name such as c2c-tg.servicebus.windows.net");
        if (!UsesSas && Credential is null)
            throw new ArgumentException("configure a SAS key name + key, or an Entra ID credential");
        if (!UseTls && !UsesSas)
            throw new ArgumentException("plain AMQP (UseTls false) is the test endpoint's development mode: it takes a SAS key only");
        if (PrefetchCount is < 0 or > 1000)
            throw new ArgumentException("PrefetchCount must be between 0 and 1000");
        if (MaxConcurrentDeliveries < 1)
            throw new ArgumentException("MaxConcurrentDeliveries must be at least 1");
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

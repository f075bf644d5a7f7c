namespace C2C.Adapters.ServiceBus;

/// <summary>
/// Configuration section C2C:Messaging:ServiceBus: our own namespace (where our inbound topic is) and one destination
/// per partner country under <see cref="Destinations"/>. SAS (<see cref="SasKeyName"/> + <see cref="SasKey"/>, on Azure
/// a Key Vault reference, or <see cref="SasKeyFile"/>) or, without them, Entra ID with the node's managed identity.
/// </summary>
public sealed class ServiceBusMessagingOptions
{
    /// <summary>e.g. c2c-tg-prod.servicebus.windows.net</summary>
    public string FullyQualifiedNamespace { get; set; } = "";

    public int Port { get; set; } = ServiceBusOptions.DefaultPort;

    public bool UseTls { get; set; } = ServiceBusOptions.DefaultUseTls;

    public string? SasKeyName { get; set; }

    public string? SasKey { get; set; }

    /// <summary>A file holding the SAS key (instead of <see cref="SasKey"/>).</summary>
    public string? SasKeyFile { get; set; }

    public int PrefetchCount { get; set; } = ServiceBusOptions.DefaultPrefetchCount;

    public int MaxConcurrentDeliveries { get; set; } = ServiceBusOptions.DefaultMaxConcurrentDeliveries;

    public TimeSpan MaxLockRenewal { get; set; } = ServiceBusOptions.DefaultMaxLockRenewal;

    /// <summary>By ISO 3166-1 alpha-2 country code.</summary>
    public Dictionary<string, ServiceBusDestinationOptions> Destinations { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

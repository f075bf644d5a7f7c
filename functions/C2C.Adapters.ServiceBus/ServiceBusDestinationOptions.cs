namespace C2C.Adapters.ServiceBus;

/// <summary>
/// Configuration section C2C:Messaging:ServiceBus:Destinations:{CC}: the partner's namespace, where its topic c2c.{cc}
/// is, and our send right there (SAS as for our own namespace, or Entra ID).
/// </summary>
public sealed class ServiceBusDestinationOptions
{
    public string FullyQualifiedNamespace { get; set; } = "";

    /// <summary>Absent: as our own namespace.</summary>
    public int? Port { get; set; }

    /// <summary>Absent: as our own namespace.</summary>
    public bool? UseTls { get; set; }

    public string? SasKeyName { get; set; }

    public string? SasKey { get; set; }

    public string? SasKeyFile { get; set; }

    /// <summary>The partner topic's limit: 256 on Standard, its maxMessageSizeInKilobytes on Premium.</summary>
    public int MaxMessageKilobytes { get; set; } = ServiceBusDestination.StandardMaxMessageBytes / 1024;
}

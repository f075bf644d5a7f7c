namespace C2C.Adapters.ServiceBus;

/// <summary>
/// Where messages for one partner country go (ARCHITECTURE decision 3): its topic c2c.{cc} in the partner's own
/// namespace, with the credential the partner granted us there: our Entra ID identity (Data Sender on that topic)
/// or a send-only SAS rule of that topic.
/// </summary>
/// <param name="Country">ISO 3166-1 alpha-2 code, upper case.</param>
/// <param name="Namespace">The partner's namespace and our credential on it.</param>
/// <param name="Problem">Why it cannot be used yet (e.g. its key is still an unresolved Key Vault reference); null when usable.</param>
/// <param name="MaxMessageBytes">Largest message the partner's topic takes, envelope included: 256 KB on Standard, its maxMessageSizeInKilobytes on Premium.</param>
public sealed record ServiceBusDestination(string Country, ServiceBusOptions Namespace, string? Problem = null, int MaxMessageBytes = ServiceBusDestination.StandardMaxMessageBytes)
{
    public const int StandardMaxMessageBytes = 256 * 1024;

    /// <summary>Room kept for what Service Bus counts besides the body: properties and application properties (a few hundred bytes).</summary>
    public const int EnvelopeBytes = 4 * 1024;

    public int MaxBodyBytes => MaxMessageBytes - EnvelopeBytes;

    public string Topic => C2C.Core.Ports.Topology.Topic(Country);
}

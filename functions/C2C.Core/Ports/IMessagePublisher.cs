using C2C.Core.Messages;

namespace C2C.Core.Ports;

/// <summary>Publishes to a country's inbound topic; returns only once the broker has confirmed the message.</summary>
public interface IMessagePublisher
{
    Task PublishAsync(BusMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// The largest body the destination's broker takes (e.g. Service Bus: 256 KB Standard, 1 MB or more Premium,
    /// less the envelope), or null when there is no practical limit. The exchange refuses at ingest a message whose
    /// outbound records would not fit, rather than commit what could never be delivered.
    /// </summary>
    int? MaxBodyBytes(string destinationCountry) => null;
}

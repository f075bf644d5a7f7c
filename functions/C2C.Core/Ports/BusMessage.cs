using C2C.Core.Messages;

namespace C2C.Core.Ports;

/// <summary>A message on the way between two country nodes: the signed XML plus the properties brokers route on.</summary>
/// <param name="TraceParent">W3C trace context of the flow, carried across the border.</param>
/// <param name="MovementReference">The MRN (or consignment) the message is about: receivers handle one movement's messages in order.</param>
public sealed record BusMessage(
    string MessageId,
    string? CorrelationId,
    string MessageType,
    MessageFamily Family,
    string SourceCountry,
    string DestinationCountry,
    ReadOnlyMemory<byte> Body,
    string? TraceParent = null,
    string? TraceState = null,
    string? MovementReference = null);

/// <summary>A received bus message with its delivery count (1 on first delivery).</summary>
public sealed record BusDelivery(BusMessage Message, int DeliveryCount);

/// <summary>What the consumer tells the broker after handling a delivery.</summary>
public abstract record DeliveryOutcome
{
    public static readonly DeliveryOutcome Complete = new CompleteOutcome();
    public static readonly DeliveryOutcome Abandon = new AbandonOutcome();

    public static DeliveryOutcome DeadLetter(string reason, string description) => new DeadLetterOutcome(reason, description);

    /// <summary>
    /// How long to keep an abandoned delivery before giving it back: 0.25 s doubling per delivery, at most 30 s (below
    /// a Service Bus lock). Without it a storage outage of a few seconds would use up the delivery limit at once and
    /// dead-letter messages that only needed to wait.
    /// </summary>
    public static TimeSpan RetryDelay(int deliveryCount) =>
        TimeSpan.FromMilliseconds(Math.Min(250 * Math.Pow(2, Math.Clamp(deliveryCount, 1, 20) - 1), 30_000));

    public sealed record CompleteOutcome : DeliveryOutcome;
    public sealed record AbandonOutcome : DeliveryOutcome;
    public sealed record DeadLetterOutcome(string Reason, string Description) : DeliveryOutcome;
}

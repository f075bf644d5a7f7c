using C2C.Core.Messages;

namespace C2C.Core.Ports;

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

namespace C2C.Orchestration.HandOff;

/// <param name="Receipt">The answer for the sender: the receipt when applied, the NACK when refused, empty otherwise.</param>
public sealed record HandOffOutcome(HandOffStatus Status, byte[] Receipt)
{
    public static readonly HandOffOutcome NotYet = new(HandOffStatus.NotYet, []);

    /// <summary>The movement has it (whatever it decided): the broker message may be completed.</summary>
    public bool Delivered => Status != HandOffStatus.NotYet;
}

namespace C2C.Orchestration.HandOff;

/// <summary>
/// The movement did not acknowledge the message in time (its orchestration is busy, starting, or the provider dropped
/// the event): not delivered, nothing to answer yet. A timeout, so HTTP answers 503 with Retry-After and the broker
/// redelivers; the same message handed over again is taken once.
/// </summary>
public sealed class MovementNotAcknowledgedException(string movementReference, string messageId)
    : TimeoutException($"movement {movementReference} has not acknowledged message {messageId} yet; send it again later");

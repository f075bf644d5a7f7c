namespace C2C.Orchestration.HandOff;

public enum HandOffStatus
{
    /// <summary>Applied to its movement: <see cref="HandOffOutcome.Receipt"/> is the receipt (IE928) recorded with it.</summary>
    Applied,
    /// <summary>Held by its movement until the message it follows comes (or refused when its hold ends).</summary>
    Held,
    /// <summary>Refused by its movement (in its history): <see cref="HandOffOutcome.Receipt"/> is the functional NACK (IE906), also sent to a partner.</summary>
    Refused,
    /// <summary>The same message id with other content was taken before: 409 / code 26.</summary>
    Conflict,
    /// <summary>No acknowledgement in time: not delivered. Abandon (the broker redelivers) or answer 503 with Retry-After.</summary>
    NotYet,
}

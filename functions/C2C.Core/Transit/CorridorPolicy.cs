namespace C2C.Core.Transit;

/// <summary>Time rules of a corridor (NCTS defaults: results 6 days after arrival advice, enquiry 7 days after expiry; early partner messages held 1 hour).</summary>
public sealed record CorridorPolicy
{
    public static readonly CorridorPolicy Default = new();

    public TimeSpan ControlResultsWithin { get; init; } = TimeSpan.FromDays(6);

    public TimeSpan EnquiryAfterExpiry { get; init; } = TimeSpan.FromDays(7);

    /// <summary>How long the destination has to answer an enquiry before the movement is unresolved (recovery).</summary>
    public TimeSpan EnquiryAnswerWithin { get; init; } = TimeSpan.FromDays(28);

    /// <summary>How long a partner's message that came before the one it follows waits for it (then it is refused, 92).</summary>
    public TimeSpan HoldEarlyMessagesFor { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a partner's message about a movement this node has no record of waits for that record. Departure sends
    /// the record before anything else about the movement, so it is minutes behind at most: a message still unmatched
    /// after this is about a movement that will not come, and its sender should hear so (90) without waiting an hour.
    /// </summary>
    public TimeSpan HoldUnknownMovementFor { get; init; } = TimeSpan.FromMinutes(5);

    public CorridorPolicy Validated()
    {
        if (HoldEarlyMessagesFor < TimeSpan.Zero || HoldEarlyMessagesFor > TimeSpan.FromDays(7))
            throw new ArgumentOutOfRangeException(nameof(HoldEarlyMessagesFor), HoldEarlyMessagesFor, "must be between 0 and 7 days");
        if (HoldUnknownMovementFor < TimeSpan.Zero || HoldUnknownMovementFor > HoldEarlyMessagesFor)
            throw new ArgumentOutOfRangeException(nameof(HoldUnknownMovementFor), HoldUnknownMovementFor, "must be between 0 and the hold of early messages");
        foreach (var (name, value) in new[] { (nameof(ControlResultsWithin), ControlResultsWithin), (nameof(EnquiryAfterExpiry), EnquiryAfterExpiry), (nameof(EnquiryAnswerWithin), EnquiryAnswerWithin) })
        {
            if (value < TimeSpan.Zero || value > TimeSpan.FromDays(365))
                throw new ArgumentOutOfRangeException(name, value, "must be between 0 and 365 days");
        }
        return this;
    }
}

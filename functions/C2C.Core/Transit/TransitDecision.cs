using C2C.Core.Messages;
using C2C.Core.Validation;

namespace C2C.Core.Transit;

/// <summary>How an outgoing message is produced: composed by the node, or the received original forwarded (signed).</summary>
public enum IntentAction
{
    Compose,
    ForwardOriginal,
}

/// <param name="Detail">For composed answers: a code the composer needs (refusal code, enquiry answer...).</param>
public sealed record TransitIntent(MessageKind Kind, IntentAction Action, string RecipientOffice, string? CorrelationId, string? Detail = null);

public sealed record DeadlineChange(string Kind, DateTimeOffset DueAt)
{
    /// <summary>"Due when committed": deciders are pure and have no clock; the exchange puts in the commit time.</summary>
    public static readonly DateTimeOffset Immediately = DateTimeOffset.MinValue;

    public DateTimeOffset DueBy(DateTimeOffset committedAt) => DueAt == Immediately ? committedAt : DueAt;
}

/// <summary>
/// What the process manager decided for one event or deadline. Either a rejection (nothing changes; the sender gets
/// a functional NACK) or a new state with the messages to emit and the timers to set or clear.
/// </summary>
public sealed record TransitDecision(
    TransitState? State,
    IReadOnlyList<TransitIntent> Intents,
    IReadOnlyList<DeadlineChange> SetDeadlines,
    IReadOnlyList<string> ClearDeadlines,
    string History,
    MessageError? Rejection)
{
    public bool IsRejected => Rejection is not null;

    public static TransitDecision Reject(string code, string reason, string pointer) =>
        new(null, [], [], [], reason, new MessageError(code, reason, pointer));

    /// <summary>A deadline that no longer applies: nothing to record.</summary>
    public static TransitDecision Nothing(TransitState state) => new(state, [], [], [], "", null);

    public bool ChangesNothing => Rejection is null && History.Length == 0;
}

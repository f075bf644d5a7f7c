using C2C.Core.Messages;
using C2C.Core.Validation;

namespace C2C.Core.Transit;

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

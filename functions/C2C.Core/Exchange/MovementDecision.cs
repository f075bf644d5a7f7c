using C2C.Core.Ports;
using C2C.Core.Transit;
using C2C.Core.Validation;

namespace C2C.Core.Exchange;

/// <summary>A process manager's decision in the form the exchange persists (state as JSON, status for lookups).</summary>
public sealed record MovementDecision(
    MovementStatus Status,
    string StateJson,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<TransitIntent> Intents,
    IReadOnlyList<DeadlineChange> SetDeadlines,
    IReadOnlyList<string> ClearDeadlines,
    string History,
    MessageError? Rejection,
    bool Persist = true)
{
    /// <summary>
    /// State of a record that holds messages but no process state yet (e.g. a record request about an MRN this node
    /// never released): process managers read it as "no movement".
    /// </summary>
    public const string NoState = "{}";

    public static bool HasState(MovementRecord? record) => record is not null && record.StateJson != NoState;

    public static MovementDecision Rejected(MessageError error) => new(MovementStatus.None, "", new Dictionary<string, string>(), [], [], [], error.Reason, error);
}

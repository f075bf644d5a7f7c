namespace C2C.Core.Ports;

/// <summary>
/// Everything one inbound message changes, applied atomically (one entity-group transaction): the state row,
/// the history events (the inbound message and the messages it caused), the dedup row, the outbox and the deadlines.
/// </summary>
/// <param name="ExpectedVersion">The state version read before deciding; null when the movement is new.</param>
/// <param name="ClearedDeadlines">Deadline kinds no longer wanted (tombstoned, so the sweep ignores them).</param>
/// <param name="PreviousStatus">Status before this event, to move the movement in the status lookup.</param>
/// <param name="Held">The movement's held messages after this event (the state row carries them).</param>
public sealed record MovementCommit(
    string MovementReference,
    string? ExpectedVersion,
    string Status,
    string StateJson,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<MovementEvent> Events,
    DedupRecord Dedup,
    IReadOnlyList<OutboxItem> Outbox,
    IReadOnlyList<Deadline> Deadlines,
    IReadOnlyList<string> ClearedDeadlines,
    string? PreviousStatus = null,
    IReadOnlyList<HeldMessage>? Held = null);

public enum CommitOutcome
{
    Committed,
    /// <summary>Another writer changed the movement since it was read: re-read, decide again, retry.</summary>
    ConcurrentUpdate,
    /// <summary>The message id was applied meanwhile: answer from the dedup record.</summary>
    Duplicate,
}

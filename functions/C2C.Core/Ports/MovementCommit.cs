namespace C2C.Core.Ports;

/// <summary>
/// Everything one step of a movement changes, applied atomically (one entity-group transaction): the state row, the
/// history events (the message or timer and the messages it caused) and the dedup row. Publishing and deadlines are the
/// movement's orchestration's (activities, durable timers).
/// </summary>
/// <param name="ExpectedVersion">The state version read before deciding; null when the movement is new.</param>
/// <param name="PreviousStatus">Status before this event, to move the movement in the status lookup.</param>
/// <param name="RefusalCode">The NACK code when the step records a refused message (counted in the corridor figures).</param>
public sealed record MovementCommit(
    string MovementReference,
    string? ExpectedVersion,
    Exchange.MovementStatus Status,
    string StateJson,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<MovementEvent> Events,
    DedupRecord Dedup,
    Exchange.MovementStatus? PreviousStatus = null,
    string? RefusalCode = null);

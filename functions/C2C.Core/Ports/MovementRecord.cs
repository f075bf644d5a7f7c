namespace C2C.Core.Ports;

/// <summary>The state row of a movement (one per MRN / consignment), as the index holds it.</summary>
/// <param name="StateJson">The process manager's state, serialised by the core; opaque to storage.</param>
/// <param name="EventCount">Sequence number of the last event: the next message gets EventCount + 1.</param>
/// <param name="HeadHash">Hash of the last event: the head of the tamper-evident chain.</param>
/// <param name="Version">Optimistic-concurrency token (the table ETag).</param>
/// <param name="Attributes">Indexed facts for ops and audit queries (office of departure/destination, vehicle...).</param>
public sealed record MovementRecord(
    string MovementReference,
    Exchange.MovementStatus Status,
    string StateJson,
    int EventCount,
    string HeadHash,
    string Version,
    DateTimeOffset UpdatedAt,
    IReadOnlyDictionary<string, string> Attributes);

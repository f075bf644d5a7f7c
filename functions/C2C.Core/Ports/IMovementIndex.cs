namespace C2C.Core.Ports;

/// <summary>The table index of movements: state, history, dedup, outbox, deadlines and lookups (ARCHITECTURE decision 2).</summary>
public interface IMovementIndex
{
    Task<MovementRecord?> GetAsync(string movementReference, CancellationToken cancellationToken);

    Task<IReadOnlyList<MovementEvent>> HistoryAsync(string movementReference, CancellationToken cancellationToken);

    /// <summary>Looks in the movement's partition (authoritative) and then in the global message lookup.</summary>
    Task<DedupRecord?> FindMessageAsync(string? movementReference, string messageId, CancellationToken cancellationToken);

    /// <summary>
    /// What applying a message needs first: the movement's state and, if the message was already applied, its dedup
    /// record (same answers as <see cref="GetAsync"/> and <see cref="FindMessageAsync"/>). It also claims the message
    /// id node-wide for this movement, which <see cref="FindMessageAsync"/> relies on: call it before committing.
    /// </summary>
    Task<(MovementRecord? Current, DedupRecord? Seen)> LoadAsync(string movementReference, string messageId, CancellationToken cancellationToken);

    Task<CommitOutcome> CommitAsync(MovementCommit commit, CancellationToken cancellationToken);

    /// <summary>
    /// Outbox items not yet published, by movement and then in each movement's order, at most <paramref name="max"/>;
    /// with <paramref name="after"/>, those listed after that item (the next page).
    /// </summary>
    Task<IReadOnlyList<OutboxItem>> PendingOutboxAsync(int max, CancellationToken cancellationToken, OutboxItem? after = null);

    /// <summary>Takes published items out of the pending outbox (a whole commit's items at once).</summary>
    Task MarkPublishedAsync(IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken);

    /// <summary>Deadlines due at <paramref name="now"/>, read from time buckets only (never a scan of the movements).</summary>
    Task<IReadOnlyList<Deadline>> DueDeadlinesAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Removes the bucket entry of a handled (or stale) deadline.</summary>
    Task CompleteDeadlineAsync(Deadline deadline, CancellationToken cancellationToken);

    /// <summary>Whether a due bucket entry is the movement's live deadline, stale, or possibly a commit in flight.</summary>
    Task<DeadlineCheck> CheckDeadlineAsync(Deadline deadline, CancellationToken cancellationToken);

    /// <summary>Movements currently in a status (ops view), from the lookup table.</summary>
    Task<IReadOnlyList<MovementRecord>> ByStatusAsync(string status, int max, CancellationToken cancellationToken);
}

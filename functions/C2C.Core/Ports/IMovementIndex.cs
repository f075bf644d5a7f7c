namespace C2C.Core.Ports;

/// <summary>The table index of movements: state, hash-chained history, dedup of message ids and lookups (ARCHITECTURE decision 2).</summary>
public interface IMovementIndex
{
    Task<MovementRecord?> GetAsync(string movementReference, CancellationToken cancellationToken);

    Task<IReadOnlyList<MovementEvent>> HistoryAsync(string movementReference, CancellationToken cancellationToken);

    /// <summary>Looks in the movement's partition (authoritative) and then in the global message lookup.</summary>
    Task<DedupRecord?> FindMessageAsync(string? movementReference, string messageId, CancellationToken cancellationToken);

    /// <summary>
    /// The dedup records the movement's own partition holds for any of <paramref name="messageIds"/>, in one read (what
    /// a waiting ingest looks for: applied, held or refused). No global lookup: see <see cref="FindMessageAsync"/>.
    /// </summary>
    Task<IReadOnlyList<DedupRecord>> FindInMovementAsync(string movementReference, IReadOnlyList<string> messageIds, CancellationToken cancellationToken);

    /// <summary>
    /// What applying a message needs first: the movement's state and, if the message was already applied, its dedup
    /// record (same answers as <see cref="GetAsync"/> and <see cref="FindMessageAsync"/>). It also claims the message
    /// id node-wide for this movement, which <see cref="FindMessageAsync"/> relies on: call it before committing.
    /// </summary>
    Task<(MovementRecord? Current, DedupRecord? Seen)> LoadAsync(string movementReference, string messageId, CancellationToken cancellationToken);

    Task<CommitOutcome> CommitAsync(MovementCommit commit, CancellationToken cancellationToken);

    /// <summary>Movements currently in a status (ops view), from the lookup table.</summary>
    Task<IReadOnlyList<MovementRecord>> ByStatusAsync(Exchange.MovementStatus status, int max, CancellationToken cancellationToken);
}

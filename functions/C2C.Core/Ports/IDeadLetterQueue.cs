using C2C.Core.Messages;

namespace C2C.Core.Ports;

/// <summary>
/// The dead-letter queue of one of this node's family subscriptions (RabbitMQ: c2c.{cc}.{family}.dlq; Service Bus:
/// the subscription's $DeadLetterQueue), for operations to look into, replay and purge.
/// </summary>
public interface IDeadLetterQueue
{
    /// <summary>
    /// Takes up to <paramref name="max"/> dead-lettered deliveries under lock (none is handed to anyone else meanwhile)
    /// and asks <paramref name="settle"/> about each, in queue order: true removes it from the queue, false leaves it
    /// there. Nothing is removed unless settle says so; a failure leaves the rest where they were.
    /// </summary>
    /// <returns>How many deliveries were looked at.</returns>
    Task<int> SweepAsync(string country, MessageFamily family, int max, Func<DeadLetter, CancellationToken, Task<bool>> settle, CancellationToken cancellationToken);
}

/// <summary>A dead-lettered delivery as the broker keeps it: the message with its envelope, and why it was given up.</summary>
/// <param name="Readable">False when the envelope itself was unreadable (no family or sender): replaying it cannot help, purge it.</param>
public sealed record DeadLetter(BusMessage Message, string Reason, string Description, DateTimeOffset? EnqueuedAt, bool Readable = true);

/// <summary>What operations did with a dead-lettered delivery, kept for the record (who, when, what, with which result).</summary>
public sealed record OpsAction(DateTimeOffset At, string By, string Action, string Family, string MessageId, string ContentSha256, string Result);

/// <summary>The record of every replay and purge.</summary>
public interface IOperationsJournal
{
    Task RecordAsync(OpsAction action, CancellationToken cancellationToken);

    /// <summary>The newest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<OpsAction>> RecentAsync(int max, CancellationToken cancellationToken);
}

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

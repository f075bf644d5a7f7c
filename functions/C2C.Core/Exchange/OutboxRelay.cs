using C2C.Core.Ports;

namespace C2C.Core.Exchange;

/// <summary>
/// Publishes what the immediate publish after a commit could not (broker down, node killed between commit and
/// publish). Items go out in each movement's order; published items are removed. Bounded per run.
/// </summary>
public sealed class OutboxRelay(IMovementIndex index, MessageExchange exchange)
{
    public const int BatchSize = 200;

    /// <returns>How many items were pending at the start of the run.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var pending = await index.PendingOutboxAsync(BatchSize, cancellationToken);
        foreach (var movement in pending.GroupBy(p => p.MovementReference))
            await exchange.PublishAsync(movement.OrderBy(p => p.Sequence), cancellationToken);
        return pending.Count;
    }
}

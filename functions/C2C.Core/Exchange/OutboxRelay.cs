using C2C.Core.Ports;

namespace C2C.Core.Exchange;

/// <summary>
/// Publishes what the immediate publish after a commit could not (broker down, node killed between commit and
/// publish). Items go out in each movement's order. A destination that fails once is left for the next run, so one
/// partner that cannot be reached does not hold up the others: the run pages on through what is pending (bounded).
/// </summary>
public sealed class OutboxRelay(IMovementIndex index, MessageExchange exchange)
{
    public const int BatchSize = 200;

    /// <summary>Pages read per run at most: a backlog larger than this is worked off over several runs.</summary>
    public const int MaxPages = 10;

    /// <returns>How many pending items the run went through.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var unreachable = new HashSet<string>(StringComparer.Ordinal);
        var seen = 0;
        OutboxItem? after = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var pending = await index.PendingOutboxAsync(BatchSize, cancellationToken, after);
            seen += pending.Count;
            foreach (var movement in pending.GroupBy(p => p.MovementReference))
            {
                var items = movement.OrderBy(p => p.Sequence).ToList();
                // In order within a movement: nothing of it goes out past an item that is to wait.
                var sendable = items.TakeWhile(i => !unreachable.Contains(i.DestinationCountry)).ToList();
                var published = await exchange.PublishAsync(sendable, cancellationToken);
                if (published < sendable.Count)
                    unreachable.Add(sendable[published].DestinationCountry);
            }
            if (pending.Count < BatchSize)
                break;
            after = pending[^1];
        }
        return seen;
    }
}

using C2C.Core.Ports;

namespace C2C.Core.Exchange;

/// <summary>
/// Applies due timers. Reads only the time buckets up to now (cost proportional to due items), checks each against
/// the movement (stale entries are dropped, entries whose commit may be in flight are left for the next sweep).
/// </summary>
public sealed class DeadlineSweeper(IMovementIndex index, MessageExchange exchange, TimeProvider clock)
{
    public const int BatchSize = 200;

    /// <returns>How many deadlines were applied.</returns>
    /// <exception cref="AggregateException">Some deadlines failed (they stay due for the next sweep); the others were applied.</exception>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var applied = 0;
        var failures = new List<Exception>();
        foreach (var deadline in await index.DueDeadlinesAsync(clock.GetUtcNow(), BatchSize, cancellationToken))
        {
            try
            {
                switch (await index.CheckDeadlineAsync(deadline, cancellationToken))
                {
                    case DeadlineCheck.Live:
                        await exchange.HandleDeadlineAsync(deadline, cancellationToken);
                        applied++;
                        break;
                    case DeadlineCheck.Stale:
                        await index.CompleteDeadlineAsync(deadline, cancellationToken);
                        break;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One movement's trouble must not hold up every other timer behind it.
                failures.Add(new InvalidOperationException($"deadline {deadline.Kind} of {deadline.MovementReference} due {deadline.DueAt:O}: {e.Message}", e));
            }
        }
        return failures.Count == 0 ? applied : throw new AggregateException($"{failures.Count} deadline(s) failed, {applied} applied", failures);
    }
}

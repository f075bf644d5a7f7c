namespace C2C.Core.Exchange;

/// <summary>
/// Lets deliveries about different movements run side by side while those about one movement run one after the
/// other, strictly in arrival order (the sender's outbox publishes them in sequence; SemaphoreSlim does not promise
/// FIFO, so waiters queue here). State exists only for keys in use.
/// </summary>
public sealed class MovementGate
{
    private readonly Dictionary<string, Queue<TaskCompletionSource>> _waiting = new(StringComparer.Ordinal);

    public async Task<IDisposable> EnterAsync(string key, CancellationToken cancellationToken)
    {
        TaskCompletionSource turn;
        lock (_waiting)
        {
            if (!_waiting.TryGetValue(key, out var queue))
            {
                _waiting[key] = new Queue<TaskCompletionSource>(); // held, nobody waiting
                return new Lease(this, key);
            }
            turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            queue.Enqueue(turn);
        }
        using (cancellationToken.Register(() => turn.TrySetCanceled(cancellationToken)))
        {
            try
            {
                await turn.Task;
            }
            catch (OperationCanceledException)
            {
                // Handed the turn in the same instant? Then pass it on, it is ours to give.
                if (turn.Task.IsCompletedSuccessfully)
                    Leave(key);
                throw;
            }
        }
        return new Lease(this, key);
    }

    /// <summary>Keys currently held or awaited (for tests and diagnostics).</summary>
    public int ActiveKeys
    {
        get
        {
            lock (_waiting)
                return _waiting.Count;
        }
    }

    private void Leave(string key)
    {
        lock (_waiting)
        {
            var queue = _waiting[key];
            while (queue.TryDequeue(out var next))
            {
                if (next.TrySetResult())
                    return; // the turn passes to the next waiter in arrival order
            }
            _waiting.Remove(key);
        }
    }

    private sealed class Lease(MovementGate owner, string key) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                owner.Leave(key);
        }
    }
}

namespace C2C.Core.Exchange;

/// <summary>
/// Lets deliveries about different movements run side by side while those about one movement run one after the
/// other, in arrival order (the sender's outbox publishes them in sequence). Gates exist only while in use.
/// </summary>
public sealed class MovementGate
{
    private readonly Dictionary<string, (SemaphoreSlim Gate, int Users)> _gates = new(StringComparer.Ordinal);

    public async Task<IDisposable> EnterAsync(string key, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate;
        lock (_gates)
        {
            var entry = _gates.TryGetValue(key, out var existing) ? existing : (new SemaphoreSlim(1, 1), 0);
            _gates[key] = (entry.Item1, entry.Item2 + 1);
            gate = entry.Item1;
        }
        try
        {
            await gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(key);
            throw;
        }
        return new Lease(this, key, gate);
    }

    /// <summary>Keys currently held or awaited (for tests and diagnostics).</summary>
    public int ActiveKeys
    {
        get
        {
            lock (_gates)
                return _gates.Count;
        }
    }

    private void Leave(string key)
    {
        lock (_gates)
        {
            var (gate, users) = _gates[key];
            if (users == 1)
            {
                _gates.Remove(key);
                gate.Dispose();
            }
            else
            {
                _gates[key] = (gate, users - 1);
            }
        }
    }

    private sealed class Lease(MovementGate owner, string key, SemaphoreSlim gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
                return;
            gate.Release();
            owner.Leave(key);
        }
    }
}

using System.Collections.Concurrent;

namespace C2C.Bench.DurableFloor;

/// <summary>
/// What the floor's empty activities tell the bench, in this process: a node recorded a message (the ingest's
/// acknowledgement, which the real ingest reads from the index) and a node published one (the partner's ingest takes it).
/// </summary>
public sealed class FloorSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _recorded = new(StringComparer.Ordinal);

    /// <summary>Set by the corridor: delivers a published message to the partner's ingest (must not block the activity).</summary>
    public Action<FloorPublication> OnPublished { get; set; } = _ => throw new InvalidOperationException("no ingest to deliver to");

    public Task RecordedAsync(string node, string mrn, string messageType) => Of(node, mrn, messageType).Task;

    public void Recorded(string node, string mrn, string messageType) => Of(node, mrn, messageType).TrySetResult();

    public void Published(FloorPublication publication) => OnPublished(publication);

    private TaskCompletionSource Of(string node, string mrn, string messageType) =>
        _recorded.GetOrAdd($"{node}/{mrn}/{messageType}", _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

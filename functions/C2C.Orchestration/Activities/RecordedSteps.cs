using System.Collections.Concurrent;

namespace C2C.Orchestration.Activities;

/// <summary>
/// Wakes an ingest waiting for a movement's acknowledgement when this process records a step of that movement: the
/// ingest then reads the index once instead of polling it. Only a hint (the index stays the proof): a step recorded by
/// another instance (scale-out on Azure) wakes nobody here, and the ingest's slower poll finds it.
/// </summary>
public sealed class RecordedSteps
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _next = new(StringComparer.Ordinal);

    /// <summary>Completes at the next step recorded here for <paramref name="mrn"/>. Take it before reading the index, so none is missed in between.</summary>
    public Task NextAsync(string mrn) =>
        _next.GetOrAdd(mrn, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>A step of <paramref name="mrn"/> is in the index: everyone waiting for it looks.</summary>
    public void Recorded(string mrn)
    {
        if (_next.TryRemove(mrn, out var waiting))
            waiting.TrySetResult();
    }
}

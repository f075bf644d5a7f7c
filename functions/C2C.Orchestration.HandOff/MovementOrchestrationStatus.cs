using Microsoft.DurableTask.Client;

namespace C2C.Orchestration.HandOff;

/// <summary>
/// What operations see of a movement's orchestration beside its indexed state: whether it runs (waiting for the next
/// message or a deadline), has completed (closed and quiet long enough; a later message opens it again), or failed or
/// was terminated (to look at: docs/operations.md).
/// </summary>
/// <param name="InstanceId">For the task hub's own tools (status, history, terminate, purge).</param>
/// <param name="RuntimeStatus">Running, Completed, Failed, Terminated, Suspended, Pending; "None" when the task hub has no instance (never started here, or purged).</param>
/// <param name="Progress">What it holds and when it wakes next, as the orchestration last said.</param>
public sealed record MovementOrchestrationStatus(string InstanceId, string RuntimeStatus, DateTimeOffset? CreatedAt, DateTimeOffset? LastUpdatedAt, MovementProgress? Progress)
{
    public static async Task<MovementOrchestrationStatus?> ReadAsync(DurableTaskClient client, string reference, CancellationToken cancellationToken)
    {
        if (reference.Length != 18)
            return null;
        var instanceId = MovementInstances.Transit(reference);
        // Custom status comes with the inputs and outputs only.
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        return instance is null
            ? new MovementOrchestrationStatus(instanceId, "None", null, null, null)
            : new MovementOrchestrationStatus(instanceId, instance.RuntimeStatus.ToString(), instance.CreatedAt, instance.LastUpdatedAt,
                instance.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<MovementProgress>());
    }
}

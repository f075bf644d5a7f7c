using C2C.Core.Archive;
using C2C.Core.Cargo;
using C2C.Core.Ports;
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
    /// <param name="movement">The indexed record: a cargo record's orchestration is named otherwise than a transit movement's.</param>
    public static async Task<MovementOrchestrationStatus?> ReadAsync(DurableTaskClient client, MovementRecord movement, CancellationToken cancellationToken)
    {
        var reference = movement.MovementReference;
        if (reference == ArchiveNaming.NoMovement)
            return null; // acknowledgements naming no movement are recorded without an orchestration
        var instanceId = CargoDecision.IsCargo(movement) ? MovementInstances.Cargo(reference) : MovementInstances.Transit(reference);
        // Custom status comes with the inputs and outputs only.
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        return instance is null
            ? new MovementOrchestrationStatus(instanceId, "None", null, null, null)
            : new MovementOrchestrationStatus(instanceId, instance.RuntimeStatus.ToString(), instance.CreatedAt, instance.LastUpdatedAt,
                instance.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<MovementProgress>());
    }
}

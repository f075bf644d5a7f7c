using Microsoft.DurableTask.Client;

namespace C2C.Orchestration.Tests.LocalEngine;

/// <summary>Bounded waits on the task hub.</summary>
internal static class EngineClient
{
    /// <summary>
    /// Until the start is checkpointed (no longer Pending): the Azure Storage provider discards an event raised to an
    /// instance whose start it has not processed yet (PACKAGES.md). The ingest's hand-off is proven by the index instead.
    /// </summary>
    public static Task WaitUntilStartedAsync(DurableTaskClient client, string instanceId, TimeSpan? within = null) =>
        Eventually.UntilAsync(async () => (await client.GetInstanceAsync(instanceId))?.RuntimeStatus is not (null or OrchestrationRuntimeStatus.Pending),
            $"{instanceId} started", within ?? TimeSpan.FromSeconds(60));

    public static async Task<OrchestrationMetadata> CompletionAsync(DurableTaskClient client, string instanceId, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        return await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }
}

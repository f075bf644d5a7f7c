using Microsoft.DurableTask.Client;

namespace C2C.Orchestration.Tests.LocalEngine;

/// <summary>Bounded waits on the task hub.</summary>
internal static class EngineClient
{
    /// <summary>
    /// Until the start is checkpointed (no longer Pending): the Azure Storage provider discards an event raised to an
    /// instance whose start it has not processed yet (PACKAGES.md). The ingest hand-off is to wait likewise, or retry.
    /// </summary>
    public static async Task WaitUntilStartedAsync(DurableTaskClient client, string instanceId, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while ((await client.GetInstanceAsync(instanceId))?.RuntimeStatus is null or OrchestrationRuntimeStatus.Pending)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{instanceId} not started within the time allowed");
            await Task.Delay(200);
        }
    }

    public static async Task<OrchestrationMetadata> CompletionAsync(DurableTaskClient client, string instanceId, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        return await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }
}

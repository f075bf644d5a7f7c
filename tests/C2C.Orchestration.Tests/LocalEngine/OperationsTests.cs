using Azure.Data.Tables;
using C2C.Adapters.DurableTask;
using C2C.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace C2C.Orchestration.Tests.LocalEngine;

/// <summary>
/// What docs/operations.md tells operations they can do to a movement's orchestration on the local engine, done here
/// through the same client the node has (the sidecar in front of the Azure Storage provider, on Azurite).
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class OperationsTests(LocalStack stack)
{
    [Fact]
    public async Task Ops_find_read_suspend_resume_and_terminate_a_movement()
    {
        using var host = await StartEngineAsync();
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        var mrn = Samples.NewMrn();
        var id = MovementInstances.Transit(mrn);
        await client.ScheduleNewOrchestrationInstanceAsync("Movement", mrn, new StartOrchestrationOptions(id) { Version = MovementVersions.Current });
        await EngineClient.WaitUntilStartedAsync(client, id);

        // Find and read: by id (status, version, input), and among the running ones of a version.
        var found = await client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Running, found?.RuntimeStatus);
        Assert.Contains(mrn, found!.SerializedInput, StringComparison.Ordinal);
        var running = new List<string>();
        await foreach (var instance in client.GetAllInstancesAsync(new OrchestrationQuery(Statuses: [OrchestrationRuntimeStatus.Running], InstanceIdPrefix: "transit-")))
            running.Add(instance.InstanceId);
        Assert.Contains(id, running);
        // The client's metadata has no version; the provider's Instances table has it: how ops find movements of an old version still running.
        var row = (await new TableServiceClient(stack.StorageConnectionString).GetTableClient(HubOf(host) + "Instances").GetEntityAsync<TableEntity>(id, "")).Value;
        Assert.Equal((MovementVersions.Current, "Running"), (row.GetString("Version"), row.GetString("RuntimeStatus")));

        // Suspended, a message waits (not lost); resumed, it is taken.
        await client.SuspendInstanceAsync(id, "ops: hold this movement");
        await Eventually.UntilAsync(async () => (await client.GetInstanceAsync(id))?.RuntimeStatus == OrchestrationRuntimeStatus.Suspended, "suspended");
        await client.RaiseEventAsync(id, MovementInstances.MessageEvent, "IE118");
        await Task.Delay(TimeSpan.FromSeconds(2)); // a lower bound: it must not move while suspended, however long we look
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, (await client.GetInstanceAsync(id))?.RuntimeStatus);
        await client.ResumeInstanceAsync(id, "ops: go on");
        await Eventually.UntilAsync(async () => (await client.GetInstanceAsync(id, getInputsAndOutputs: true))?.SerializedCustomStatus == "\"IE118\"", "the message taken after resume");

        // Terminated: it ends; the history stays until purged.
        await client.TerminateInstanceAsync(id, "ops: movement closed by hand");
        await Eventually.UntilAsync(async () => (await client.GetInstanceAsync(id))?.RuntimeStatus == OrchestrationRuntimeStatus.Terminated, "terminated");
        Assert.True((await client.PurgeInstanceAsync(id)).PurgedInstanceCount == 1);
        Assert.Null(await client.GetInstanceAsync(id));
    }

    /// <summary>
    /// Two things the local engine does not serve (docs/operations.md says what to do instead): rewind (the sidecar's
    /// client throws) and the history through the client (empty); the history is in the task hub's History table.
    /// If a later package serves them, this fails and the doc changes with it.
    /// </summary>
    [Fact]
    public async Task Locally_rewind_is_not_served_and_the_history_is_read_from_the_history_table()
    {
        using var host = await StartEngineAsync();
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        var hub = HubOf(host);
        var id = MovementInstances.Transit(Samples.NewMrn());
        await client.ScheduleNewOrchestrationInstanceAsync("FailsOnce", id, new StartOrchestrationOptions(id));
        await Eventually.UntilAsync(async () => (await client.GetInstanceAsync(id))?.RuntimeStatus == OrchestrationRuntimeStatus.Failed, "failed");

        await Assert.ThrowsAsync<NotImplementedException>(() => client.RewindInstanceAsync(id, "ops: the activity's cause is fixed"));
        Assert.Empty(await client.GetOrchestrationHistoryAsync(id));
        var events = new List<string>();
        await foreach (var row in new TableServiceClient(stack.StorageConnectionString).GetTableClient(hub + "History")
            .QueryAsync<TableEntity>(e => e.PartitionKey == id, select: ["EventType"]))
            events.Add(row.GetString("EventType"));
        Assert.Contains("ExecutionStarted", events);
        Assert.Contains("TaskFailed", events);

        // What ops do instead locally: purge it; the movement's next message starts it again from the index.
        Assert.Equal(1, (await client.PurgeInstanceAsync(id)).PurgedInstanceCount);
    }

    private static int _failures;

    private static string HubOf(IHost host) => host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LocalDurableEngineOptions>>().Value.TaskHub;

    private async Task<IHost> StartEngineAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionString"] = stack.StorageConnectionString,
            ["TaskHub"] = "o" + Guid.NewGuid().ToString("N")[..12],
        };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddLocalDurableEngine(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), tasks => tasks
            .AddOrchestratorFunc<string, string>("Movement", async (context, mrn) =>
            {
                // A movement's shape in small: each message it takes is its custom status.
                while (true)
                    context.SetCustomStatus(await context.WaitForExternalEvent<string>(MovementInstances.MessageEvent));
            })
            .AddOrchestratorFunc<string, string>("FailsOnce", (context, id) => context.CallActivityAsync<string>("Record", id))
            .AddActivityFunc<string, string>("Record", (_, id) =>
                Interlocked.Increment(ref _failures) == 1 ? throw new InvalidOperationException("storage down") : id));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}

using C2C.Adapters.Storage;
using C2C.Orchestration.TestNode;
using C2C.Orchestration.Transit;
using C2C.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace C2C.Orchestration.Tests.LocalEngine;

/// <summary>A movement through the local durable engine (Azure Storage provider on Azurite) with the real activities.</summary>
[Collection(LocalStackCollection.Name)]
public sealed class LocalEngineJourneyTests(LocalStack stack)
{
    [Fact]
    public async Task A_movement_journeys_to_its_write_off_recorded_archived_and_published()
    {
        var setting = new EngineSetting(stack);
        using var node = await EngineNode.BuildAsync(setting.Configuration, CancellationToken.None);
        await node.StartAsync();
        var client = node.Services.GetRequiredService<DurableTaskClient>();
        var mrn = Samples.NewMrn();
        var start = EngineSetting.Start(mrn);
        var reports = EngineSetting.Reports(mrn);

        var instance = await client.ScheduleNewOrchestrationInstanceAsync(nameof(TransitMovementOrchestrator), start, EngineSetting.StartOptions(mrn));
        await EngineClient.WaitUntilStartedAsync(client, instance);
        foreach (var report in reports)
            await client.RaiseEventAsync(instance, MovementInstances.MessageEvent, report);
        var done = await EngineClient.CompletionAsync(client, instance, TimeSpan.FromSeconds(120));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("\"WrittenOff\"", done.SerializedOutput);
        var index = new TableMovementIndex(await EngineNode.StorageAsync(setting.Configuration, CancellationToken.None));
        Assert.Equal(0, await MovementAudit.AssertWrittenOffOnceAsync(index, setting.PublishLog, mrn, [start.First!, .. reports]));
        await node.StopAsync();
    }
}

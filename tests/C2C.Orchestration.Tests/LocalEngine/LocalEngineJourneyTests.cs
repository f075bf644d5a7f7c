using C2C.Orchestration.Transit;
using C2C.Testing;
using Microsoft.DurableTask.Client;

namespace C2C.Orchestration.Tests.LocalEngine;

/// <summary>A movement through the local durable engine (Azure Storage provider on Azurite) with the real activities.</summary>
[Collection(LocalStackCollection.Name)]
public sealed class LocalEngineJourneyTests(LocalStack stack)
{
    [Fact]
    public async Task A_movement_journeys_to_its_write_off_recorded_archived_and_published()
    {
        await using var engine = await EngineUnderTest.InProcessAsync(new EngineSetting(stack));
        var mrn = Samples.NewMrn();
        var start = EngineSetting.Start(mrn);
        var reports = EngineSetting.Reports(mrn);

        var instance = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TransitMovementOrchestrator), start, EngineSetting.StartOptions(mrn));
        await EngineClient.WaitUntilStartedAsync(engine.Client, instance);
        foreach (var report in reports)
            await engine.Client.RaiseEventAsync(instance, MovementInstances.MessageEvent, report);
        var done = await EngineClient.CompletionAsync(engine.Client, instance, TimeSpan.FromSeconds(120));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("\"WrittenOff\"", done.SerializedOutput);
        Assert.Equal(0, await MovementAudit.AssertWrittenOffOnceAsync(engine.Index, engine.Setting.PublishLog, mrn, [start.First!, .. reports]));
    }
}

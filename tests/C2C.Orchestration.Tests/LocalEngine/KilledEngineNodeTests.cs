using C2C.Adapters.DurableTask;
using C2C.Adapters.Storage;
using C2C.Orchestration.Messages;
using C2C.Orchestration.TestNode;
using C2C.Orchestration.Transit;
using C2C.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace C2C.Orchestration.Tests.LocalEngine;

/// <summary>
/// The node that runs the orchestrations is killed (SIGKILL) while movements are on their way, then started again:
/// every movement finishes, each received message is recorded once, and what the node sends goes out.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class KilledEngineNodeTests(LocalStack stack, ITestOutputHelper output)
{
    private const int MovementCount = 4;

    [Fact]
    public async Task Movements_under_way_when_the_node_is_killed_finish_after_its_restart_with_every_effect_recorded_once()
    {
        var setting = new EngineSetting(stack);
        using var node = new EngineNodeProcess(setting.Settings);
        await node.StartAsync(TimeSpan.FromSeconds(60));
        // This process only starts movements and hands them messages, as the ingest will: it takes no partition.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddLocalDurableClient(setting.Configuration.GetSection("Engine"));
        using var ingest = builder.Build();
        await ingest.StartAsync();
        var client = ingest.Services.GetRequiredService<DurableTaskClient>();
        var index = new TableMovementIndex(await EngineNode.StorageAsync(setting.Configuration, CancellationToken.None));

        var movements = new Dictionary<string, IReadOnlyList<MovementMessage>>();
        for (var i = 0; i < MovementCount; i++)
        {
            var mrn = Samples.NewMrn();
            var start = EngineSetting.Start(mrn);
            var instance = await client.ScheduleNewOrchestrationInstanceAsync(nameof(TransitMovementOrchestrator), start, new StartOrchestrationOptions(MovementInstances.Transit(mrn)));
            await EngineClient.WaitUntilStartedAsync(client, instance);
            var reports = EngineSetting.Reports(mrn);
            foreach (var report in reports)
                await client.RaiseEventAsync(instance, MovementInstances.MessageEvent, report);
            movements[mrn] = [start.First!, .. reports];
        }

        // Killed once the first report of some movement is recorded, while the others are still on their way.
        await WaitUntilAsync(async () => (await Task.WhenAll(movements.Keys.Select(m => index.GetAsync(m, CancellationToken.None)))).Any(r => r?.EventCount > 3), "a report recorded");
        node.KillHard();
        var writtenOffAtKill = (await Task.WhenAll(movements.Keys.Select(m => index.GetAsync(m, CancellationToken.None)))).Count(r => r?.Status == "WrittenOff");
        Assert.True(writtenOffAtKill < MovementCount, "the node was to be killed mid-journey");
        await node.StartAsync(TimeSpan.FromSeconds(60));

        var repeatedPublishes = 0;
        foreach (var (mrn, received) in movements)
        {
            var done = await EngineClient.CompletionAsync(client, MovementInstances.Transit(mrn), TimeSpan.FromSeconds(180));
            Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{mrn}: {done.RuntimeStatus} {done.FailureDetails?.ErrorMessage}\n{node.Output}");
            repeatedPublishes += await MovementAudit.AssertWrittenOffOnceAsync(index, setting.PublishLog, mrn, received);
        }
        output.WriteLine($"{writtenOffAtKill} of {MovementCount} movements written off when the node was killed; {repeatedPublishes} publishes repeated after the restart (receivers drop them by message id)");
        await ingest.StopAsync();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"not seen within the time allowed: {what}");
            await Task.Delay(50);
        }
    }
}

using C2C.Core.Transit;
using C2C.Orchestration.HandOff;
using C2C.Orchestration.Messages;
using C2C.Orchestration.Transit;
using C2C.Testing;
using Microsoft.DurableTask.Client;

namespace C2C.Orchestration.Tests.LocalEngine;

/// <summary>
/// Code changes while movements are under way: a movement started at version 1 is stopped half-way with its node, the
/// node comes back with the code of version 2 (refusals recorded in the history), and the movement replays and
/// finishes on its own version's path, while a movement started now takes the new one.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class VersioningTests(LocalStack stack)
{
    [Fact]
    public async Task A_movement_of_the_first_version_finishes_after_the_change_on_its_own_path_and_a_new_one_takes_the_new_path()
    {
        var setting = new EngineSetting(stack);
        var before = Samples.NewMrn();
        var (passage, arrival, results) = EngineSetting.Reports(before) switch { var r => (r[0], r[1], r[2]) };
        var refusedBefore = SecondRelease(before);

        await using (var first = await EngineUnderTest.InProcessAsync(setting))
        {
            var client = first.Client;
            var instance = await client.ScheduleNewOrchestrationInstanceAsync(nameof(TransitMovementOrchestrator), EngineSetting.Start(before),
                EngineSetting.StartOptions(before, MovementVersions.First));
            await EngineClient.WaitUntilStartedAsync(client, instance);
            await client.RaiseEventAsync(instance, MovementInstances.MessageEvent, refusedBefore);
            await client.RaiseEventAsync(instance, MovementInstances.MessageEvent, passage);
            await Eventually.UntilAsync(async () => await first.Index.FindMessageAsync(before, passage.MessageId, CancellationToken.None) is not null, "the border passage recorded");
        }

        await using var changed = await EngineUnderTest.InProcessAsync(setting);
        var (after, index) = (changed.Client, changed.Index);
        await after.RaiseEventAsync(MovementInstances.Transit(before), MovementInstances.MessageEvent, arrival);
        await after.RaiseEventAsync(MovementInstances.Transit(before), MovementInstances.MessageEvent, results);
        var handOff = changed.HandOff(TimeSpan.FromSeconds(30));
        var now = Samples.NewMrn();
        Assert.Equal(HandOffStatus.Applied, (await handOff.HandOverAsync(after, EngineSetting.Start(now).First!, CancellationToken.None)).Status);
        Assert.Equal(HandOffStatus.Refused, (await handOff.HandOverAsync(after, SecondRelease(now), CancellationToken.None)).Status);

        var done = await EngineClient.CompletionAsync(after, MovementInstances.Transit(before), TimeSpan.FromSeconds(120));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("\"WrittenOff\"", done.SerializedOutput);
        Assert.Equal(0, await MovementAudit.AssertWrittenOffOnceAsync(index, setting.PublishLog, before, [EngineSetting.Start(before).First!, passage, arrival, results]));
        // Version 1 refused without a trace in the history; version 2 records the refusal.
        Assert.DoesNotContain(await index.HistoryAsync(before, CancellationToken.None), e => e.MessageId.StartsWith("refused-", StringComparison.Ordinal));
        Assert.Contains(await index.HistoryAsync(now, CancellationToken.None), e => e.MessageId == $"refused-{SecondRelease(now).MessageId}");
    }

    /// <summary>The same MRN released again (another message id): refused at once with 12 (duplicate MRN).</summary>
    private static MovementMessage SecondRelease(string mrn) =>
        EngineSetting.Message("IE015-TransitDeclaration", mrn, MessageOrigin.Local, tag: "again" + mrn[^6..]);
}

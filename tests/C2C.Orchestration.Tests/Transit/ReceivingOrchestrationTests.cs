using Microsoft.DurableTask.Client;

namespace C2C.Orchestration.Tests.Transit;

/// <summary>A receiving node's movement (Burkina Faso) as an orchestration: the partner's messages in any order.</summary>
public sealed class ReceivingOrchestrationTests : IAsyncLifetime
{
    private OrchestratorHost _node = null!;

    public async Task InitializeAsync() => _node = await OrchestratorHost.StartAsync("BF");

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task A_write_off_that_comes_before_the_record_is_held_and_applied_after_it()
    {
        var movement = Movements.New();
        var writeOff = movement.WriteOff();
        var record = movement.TransitRecord();
        await _node.StartAsync(movement, writeOff);
        await _node.Effects.WaitUntilAsync(e => e.Steps.Any(s => s.TriggerId == $"held-{writeOff.MessageId}"), "the hold");
        await _node.DeliverAsync(movement, record);

        var done = await _node.CompletionAsync(movement);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("\"WrittenOff\"", done.SerializedOutput);
        Assert.Equal([$"held-{writeOff.MessageId}", record.MessageId, writeOff.MessageId], _node.Effects.Steps.Select(s => s.TriggerId));
        Assert.Empty(_node.Effects.Refusals);
    }
}

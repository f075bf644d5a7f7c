using C2C.Core.Transit;
using CsCheck;
using Microsoft.DurableTask.Client;

namespace C2C.Orchestration.Tests.Transit;

/// <summary>
/// A partner's messages come over the broker in any order, some of them twice: whatever the order, the movement's
/// orchestration ends where the journey in order ends, having applied each message exactly once (held while it came
/// too early) and refused none. Driven through the real orchestrator on the in-process host.
/// </summary>
public sealed class CorridorDeliveryPropertyTests
{
    /// <summary>Each sample is a whole movement (seconds of durable timers): few, but each a full journey.</summary>
    private const int Samples = 10;

    /// <summary>Every one of <paramref name="count"/> messages once, in any order, and up to three of them again anywhere.</summary>
    private static Gen<int[]> Deliveries(int count) =>
        Gen.Select(Gen.Shuffle(Enumerable.Range(0, count).ToArray()), Gen.Select(Gen.Int[0, count - 1], Gen.Int[0, 2 * count]).Array[0, 3], (order, repeats) =>
        {
            var deliveries = order.ToList();
            foreach (var (message, at) in repeats)
                deliveries.Insert(Math.Min(at, deliveries.Count), message);
            return deliveries.ToArray();
        });

    [Fact]
    public async Task Reports_to_the_office_of_departure_in_any_order_and_repeated_end_in_the_write_off_each_applied_once()
    {
        await using var node = await OrchestratorHost.StartAsync("TG");
        await Deliveries(3).SampleAsync(async order =>
        {
            var movement = Movements.New();
            TransitEvent[] reports = [movement.Passage(MessageOrigin.Partner), movement.Arrival(MessageOrigin.Partner), movement.Results(MessageOrigin.Partner)];
            await node.StartAsync(movement, movement.Released());
            foreach (var i in order)
                await node.DeliverAsync(movement, reports[i]);
            await AssertEndsOnceAsync(node, movement, "WrittenOff", reports);
            var notices = node.Effects.Published.Where(p => p.Mrn == movement.Mrn && p.MessageType == "IE045").ToList();
            Assert.NotEmpty(notices);
            Assert.Equal(notices.Count, notices.DistinctBy(p => p.MessageId).Count());
        }, iter: Samples, threads: 1, print: order => string.Join(",", order));
    }

    [Fact]
    public async Task Records_and_the_write_off_at_a_receiving_node_in_any_order_and_repeated_end_written_off_each_applied_once()
    {
        await using var node = await OrchestratorHost.StartAsync("BF");
        await Deliveries(3).SampleAsync(async order =>
        {
            var movement = Movements.New();
            TransitEvent[] messages = [movement.TransitRecord(), movement.ArrivalRecord(), movement.WriteOff()];
            // The first delivery starts the movement here, whichever it is.
            await node.StartAsync(movement, messages[order[0]]);
            foreach (var i in order.Skip(1))
                await node.DeliverAsync(movement, messages[i]);
            await AssertEndsOnceAsync(node, movement, "WrittenOff", messages);
        }, iter: Samples, threads: 1, print: order => string.Join(",", order));
    }

    private static async Task AssertEndsOnceAsync(OrchestratorHost node, Movements movement, string status, IReadOnlyList<TransitEvent> delivered)
    {
        var done = await node.CompletionAsync(movement);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal($"\"{status}\"", done.SerializedOutput);
        var steps = node.Effects.Steps.Where(s => s.Mrn == movement.Mrn).ToList();
        foreach (var e in delivered)
            Assert.Single(steps, s => s.TriggerId == e.MessageId);
        Assert.DoesNotContain(node.Effects.Refusals, r => r.Message.MovementReference == movement.Mrn);
        Assert.DoesNotContain(steps, s => s.TriggerId.StartsWith("holdend-", StringComparison.Ordinal));
    }
}
